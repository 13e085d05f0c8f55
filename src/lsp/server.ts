// Starts the BOS language server on a connection (stdio for `bos lsp --stdio` and the
// VS Code extension alike).
import { type LangiumSharedServices, startLanguageServer } from 'langium/lsp';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import type { BosServices } from '../services/bos-module.js';
import type { RawSettings } from '../services/settings.js';
import { StrictFileSystemProvider } from '../workspace/strict-file-system.js';
import { reportCheckFailures } from './check-failures.js';
import { createBosLanguageServer } from './module.js';
import { registerRequests } from './requests.js';
import { reportStartupProgress } from './startup-progress.js';

export function startServer(
    input: NodeJS.ReadableStream = process.stdin,
    output: NodeJS.WritableStream = process.stdout,
): void {
    const connection = createConnection(ProposedFeatures.all, input, output);
    const { shared, Bos } = createBosLanguageServer({
        connection,
        fileSystemProvider: () => new StrictFileSystemProvider(),
    });
    reportStartupProgress(connection, shared);
    startLanguageServer(shared);
    registerRequests(connection, shared, Bos);
    reportCheckFailures(connection, shared, Bos);
    // A promise nobody awaited must not take the server down with the user's session.
    process.on(
        'unhandledRejection',
        err => connection.console.error(`bos: unhandled error: ${err instanceof Error ? err.stack : String(err)}`),
    );
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
