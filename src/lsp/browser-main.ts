// Entry point of the browser language server (out/web/server.js), a Web Worker started by
// the web extension: LSP over postMessage, files read through the client, ELK in a
// Web Worker of its own. No groupBy polyfill (polyfill.ts): every browser VS Code runs in has it.
import {
    BrowserMessageReader,
    BrowserMessageWriter,
    createConnection,
    ProposedFeatures,
} from 'vscode-languageserver/browser';
import { useLayoutHost } from '../diagram/layout-host.js';
import { webLayoutHost } from '../host/web-layout.js';
import { ClientFileSystemProvider } from './client-file-system.js';
import { startBosLanguageServer, unhandledLine } from './language-server.js';
import type { BrowserServerOptions } from './protocol.js';

const connection = createConnection(
    ProposedFeatures.all,
    new BrowserMessageReader(self),
    new BrowserMessageWriter(self),
);
// The client says where the layout worker is (it knows how the extension is served); else beside this script.
let layoutWorker: string | undefined;
useLayoutHost(webLayoutHost(() => layoutWorker ?? new URL('layout-worker.js', self.location.href).href));
const shared = startBosLanguageServer(connection, () => new ClientFileSystemProvider(connection));
shared.lsp.LanguageServer.onInitialize(params => {
    layoutWorker = (params.initializationOptions as BrowserServerOptions | undefined)?.layoutWorker;
});
self.addEventListener('unhandledrejection', e => {
    e.preventDefault();
    connection.console.error(unhandledLine(e.reason));
});
