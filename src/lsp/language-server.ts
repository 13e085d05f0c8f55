// The BOS language server on a connection, whatever carries it: stdio under Node
// (server.ts), postMessage in a Web Worker (browser-main.ts). Only the connection and
// the file system differ, and whether a preview can be compared with a git revision.
import type { FileSystemProvider } from 'langium';
import { type LangiumSharedServices, startLanguageServer } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import type { BosServices } from '../services/bos-module.js';
import type { RawSettings } from '../services/settings.js';
import { reportCheckFailures } from './check-failures.js';
import type { Comparer } from './comparer.js';
import { createBosLanguageServer } from './module.js';
import { registerRequests } from './requests.js';
import { reportStartupProgress } from './startup-progress.js';

export function startBosLanguageServer(
    connection: Connection,
    fileSystemProvider: () => FileSystemProvider,
    comparer: Comparer,
): LangiumSharedServices {
    const { shared, Bos } = createBosLanguageServer({ connection, fileSystemProvider });
    reportStartupProgress(connection, shared);
    startLanguageServer(shared);
    registerRequests(connection, shared, Bos, comparer);
    reportCheckFailures(connection, shared, Bos);
    followSettings(shared, Bos);
    return shared;
}

/** What the host says about a promise nobody awaited: logged, never the end of the server. */
export function unhandledLine(err: unknown): string {
    return `bos: unhandled error: ${err instanceof Error ? err.stack : String(err)}`;
}

/** Applies `bos.*` settings and re-checks the workspace when they change. */
function followSettings(shared: LangiumSharedServices, bos: BosServices): void {
    shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate(async ({ section, configuration }) => {
        if (section !== 'bos' || !bos.bos.Settings.update(configuration as RawSettings)) return;
        bos.bos.WorkspaceModel.invalidate();
        await shared.workspace.WorkspaceLock.write(token => shared.workspace.DocumentBuilder.update([], [], token));
    });
}
