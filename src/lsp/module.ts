// The language server's services: the shared language module plus the editor features.
import type { Module } from 'langium';
import type { DefaultSharedModuleContext, LangiumSharedServices, PartialLangiumServices, PartialLangiumSharedServices } from 'langium/lsp';
import { createBosServices, type BosServices } from '../services/bos-module.js';
import { BosDocumentBuilder } from './document-builder.js';
import { BosWorkspaceManager } from './workspace-manager.js';

const LspSharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    workspace: {
        DocumentBuilder: (s) => new BosDocumentBuilder(s),
        WorkspaceManager: (s) => new BosWorkspaceManager(s),
    },
};

const BosLspModule: Module<BosServices, PartialLangiumServices> = {
    lsp: {},
};

export function createBosLanguageServer(context: DefaultSharedModuleContext): { shared: LangiumSharedServices; Bos: BosServices } {
    return createBosServices(context, { shared: LspSharedModule, language: BosLspModule });
}
