// Starts the BOS language server on a connection (stdio for `bos lsp --stdio` and the
// VS Code extension alike).
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createBosLanguageServer } from './module.js';
import { registerRequests } from './requests.js';

export function startServer(input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): void {
    const connection = createConnection(ProposedFeatures.all, input, output);
    const { shared, Bos } = createBosLanguageServer({ connection, ...NodeFileSystem });
    startLanguageServer(shared);
    registerRequests(connection, shared, Bos);
}
