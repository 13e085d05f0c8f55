// Starts the BOS language server on a connection (stdio for `bos lsp --stdio` and the
// VS Code extension alike).
import { startLanguageServer, type LangiumSharedServices } from 'langium/lsp';
import type { BosServices } from '../services/bos-module.js';
import type { RawSettings } from '../services/settings.js';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createBosLanguageServer } from './module.js';
import { registerRequests } from './requests.js';
import { reportStartupProgress } from './startup-progress.js';

export function startServer(input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): void {
    const connection = createConnection(ProposedFeatures.all, input, output);
    const { shared, Bos } = createBosLanguageServer({ connection, ...NodeFileSystem });
    reportStartupProgress(connection, shared);
    startLanguageServer(shared);
    registerRequests(connection, shared, Bos);
    followSettings(shared, Bos);
}

/** Applies `bos.*` settings and re-checks the workspace when they change. */
function followSettings(shared: LangiumSharedServices, bos: BosServices): void {
    shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate(async ({ section, configuration }) => {
        if (section !== 'bos' || !bos.bos.Settings.update(configuration as RawSettings)) return;
        bos.bos.WorkspaceModel.invalidate();
        await shared.workspace.WorkspaceLock.write(token => shared.workspace.DocumentBuilder.update([], [], token));
    });
}
