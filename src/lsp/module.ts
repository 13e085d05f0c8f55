// The language server's services: the shared language module plus the editor features.
import type { Module } from 'langium';
import type {
    DefaultSharedModuleContext,
    LangiumSharedServices,
    PartialLangiumServices,
    PartialLangiumSharedServices,
} from 'langium/lsp';
import { type BosServices, createBosServices } from '../services/bos-module.js';
import { BosCallHierarchyProvider } from './call-hierarchy.js';
import { BosCodeActionProvider } from './code-actions.js';
import { BosCodeLensProvider } from './code-lens.js';
import { BosCompletionProvider } from './completion.js';
import { BosConfigurationProvider } from './configuration-provider.js';
import { BosDocumentBuilder } from './document-builder.js';
import { BosDocumentUpdateHandler } from './document-update-handler.js';
import { BosHoverProvider } from './hover.js';
import { BosIndexManager } from './index-manager.js';
import { BosInlayHintProvider } from './inlay-hints.js';
import { BosRenameProvider } from './rename.js';
import { BosSemanticTokenProvider } from './semantic-tokens.js';
import { BosDocumentSymbolProvider } from './symbols.js';
import { BosWorkspaceManager } from './workspace-manager.js';
import { BosWorkspaceSymbolProvider } from './workspace-symbols.js';

export const LspSharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    workspace: {
        DocumentBuilder: s => new BosDocumentBuilder(s),
        IndexManager: s => new BosIndexManager(s),
        WorkspaceManager: s => new BosWorkspaceManager(s),
        ConfigurationProvider: s => new BosConfigurationProvider(s),
    },
    lsp: {
        WorkspaceSymbolProvider: s => new BosWorkspaceSymbolProvider(s),
        DocumentUpdateHandler: s => new BosDocumentUpdateHandler(s),
    },
};

export const BosLspModule: Module<BosServices, PartialLangiumServices> = {
    lsp: {
        HoverProvider: s => new BosHoverProvider(s),
        CompletionProvider: s => new BosCompletionProvider(s),
        RenameProvider: s => new BosRenameProvider(s),
        DocumentSymbolProvider: () => new BosDocumentSymbolProvider(),
        SemanticTokenProvider: s => new BosSemanticTokenProvider(s),
        CodeActionProvider: s => new BosCodeActionProvider(s),
        CodeLensProvider: s => new BosCodeLensProvider(s),
        InlayHintProvider: s => new BosInlayHintProvider(s),
        CallHierarchyProvider: s => new BosCallHierarchyProvider(s),
    },
};

export function createBosLanguageServer(
    context: DefaultSharedModuleContext,
): { shared: LangiumSharedServices; Bos: BosServices } {
    return createBosServices(context, { shared: LspSharedModule, language: BosLspModule });
}
