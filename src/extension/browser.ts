// The web extension (vscode.dev, github.dev, any browser-hosted workbench): the same
// session as the desktop one, with the language server in a Web Worker that reads files
// through the extension (file-requests.ts). The worker's crashes go to the BOS log; BOS:
// Restart Language Server starts a fresh worker.
import * as vscode from 'vscode';
import {
    BrowserMessageReader,
    BrowserMessageWriter,
    LanguageClient,
    type MessageTransports,
} from 'vscode-languageclient/browser';
import { LAYOUT_WORKER_REQUEST, type LayoutWorkerResult } from '../lsp/protocol.js';
import { answerFileRequests } from './file-requests.js';
import { clientOptions, startSession } from './session.js';

export { deactivate } from './session.js';

/**
 * A URL a worker can be started from. An extension served over HTTP (vscode.dev) has one;
 * one installed on a remote (code-server: `vscode-remote:`) has none the page can load,
 * so the worker starts from its bytes, read through the workspace file system.
 */
async function workerScript(context: vscode.ExtensionContext, name: string): Promise<string> {
    const uri = vscode.Uri.joinPath(context.extensionUri, 'out', 'web', name);
    if (uri.scheme === 'http' || uri.scheme === 'https') return uri.toString(true);
    const bytes = await vscode.workspace.fs.readFile(uri);
    return URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'text/javascript' }));
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    const activated = Date.now();
    const log = vscode.window.createOutputChannel('BOS', { log: true });
    const server = await workerScript(context, 'server.js');
    // ELK (1.5 MB) is read when the first diagram is asked for, not before the first diagnostics.
    let layoutWorker: Promise<string> | undefined;
    let worker: Worker | undefined;
    // Called at every start, so a restart replaces a worker that crashed or hangs. The
    // transports are made here: the workbench wraps Worker, so the client's own
    // `instanceof Worker` test fails on the worker it gets.
    const startWorker = async (): Promise<MessageTransports> => {
        worker?.terminate();
        worker = new Worker(server, { name: 'BOS language server' });
        worker.addEventListener('error', e => log.error(`the language server worker failed: ${e.message}`));
        return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
    };
    const client = new LanguageClient('bos', 'BOS Language Server', startWorker, clientOptions(log));
    context.subscriptions.push(
        answerFileRequests(client),
        client.onRequest(LAYOUT_WORKER_REQUEST, async (): Promise<LayoutWorkerResult> => {
            try {
                return { url: await (layoutWorker ??= workerScript(context, 'layout-worker.js')) };
            } catch (err) {
                layoutWorker = undefined;
                return { error: `cannot read the layout worker: ${err instanceof Error ? err.message : String(err)}` };
            }
        }),
        { dispose: () => worker?.terminate() },
    );
    await startSession(context, client, { activated, log });
}
