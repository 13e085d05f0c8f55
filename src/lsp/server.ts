// Starts the BOS language server on stdio (`bos lsp --stdio` and the VS Code extension alike).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { StrictFileSystemProvider } from '../workspace/strict-file-system.js';
import { GIT_COMPARER } from './compare.js';
import { startBosLanguageServer, unhandledLine } from './language-server.js';

export function startServer(
    input: NodeJS.ReadableStream = process.stdin,
    output: NodeJS.WritableStream = process.stdout,
): void {
    const connection = createConnection(ProposedFeatures.all, input, output);
    startBosLanguageServer(connection, () => new StrictFileSystemProvider(), GIT_COMPARER);
    // A promise nobody awaited must not take the server down with the user's session.
    process.on('unhandledRejection', err => connection.console.error(unhandledLine(err)));
}
