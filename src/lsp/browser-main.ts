// The browser language server, in a Web Worker the web extension starts from its own
// script (extension/web-bundle.ts, out/web/extension.js), imported there when the worker
// asks it to serve: LSP over postMessage, files read through the client, ELK in a Web
// Worker of its own. No groupBy polyfill (polyfill.ts): every browser VS Code runs in has it.
import {
    BrowserMessageReader,
    BrowserMessageWriter,
    createConnection,
    ProposedFeatures,
} from 'vscode-languageserver/browser';
import { useLayoutHost } from '../diagram/layout-host.js';
import { webLayoutHost } from '../host/web-layout.js';
import { ClientFileSystemProvider } from './client-file-system.js';
import { WITHOUT_GIT } from './comparer.js';
import { startBosLanguageServer, unhandledLine } from './language-server.js';
import { LAYOUT_WORKER_REQUEST, type LayoutWorkerResult } from './protocol.js';

const connection = createConnection(
    ProposedFeatures.all,
    new BrowserMessageReader(self),
    new BrowserMessageWriter(self),
);
useLayoutHost(webLayoutHost(async () => {
    const { url, error } = await connection.sendRequest<LayoutWorkerResult>(LAYOUT_WORKER_REQUEST);
    if (!url) throw new Error(error ?? 'the client did not say where the layout worker is');
    return url;
}));
startBosLanguageServer(connection, () => new ClientFileSystemProvider(connection), WITHOUT_GIT);
self.addEventListener('unhandledrejection', e => {
    e.preventDefault();
    connection.console.error(unhandledLine(e.reason));
});
