// The web extension (vscode.dev, github.dev, any browser-hosted workbench): the same
// session as the desktop one, with the language server in a Web Worker that reads files
// through the extension (file-requests.ts); the worker runs this extension's own script
// (web-bundle.ts). The worker's crashes go to the BOS log; BOS: Restart Language Server
// starts a fresh worker.
import * as vscode from 'vscode';
import {
    BrowserMessageReader,
    BrowserMessageWriter,
    LanguageClient,
    type MessageTransports,
} from 'vscode-languageclient/browser';
import { LAYOUT_WORKER_REQUEST, type LayoutWorkerResult } from '../lsp/protocol.js';
import { answerFileRequests, readWorkspaceAhead } from './file-requests.js';
import { serverWorkerParts } from './server-worker.js';
import { clientOptions, startSession } from './session.js';
import { StartupSteps } from './startup-steps.js';

/**
 * A script of out/web/ as a worker can load it. An extension served over HTTP (vscode.dev)
 * has a URL; one installed on a remote (code-server: `vscode-remote:`) has none the page
 * can load, so its bytes are read through the workspace file system.
 */
async function webScript(context: vscode.ExtensionContext, name: string): Promise<string | Uint8Array<ArrayBuffer>> {
    const uri = vscode.Uri.joinPath(context.extensionUri, 'out', 'web', name);
    if (uri.scheme === 'http' || uri.scheme === 'https') return uri.toString(true);
    return await vscode.workspace.fs.readFile(uri) as Uint8Array<ArrayBuffer>;
}

const blobUrl = (parts: BlobPart[]) => URL.createObjectURL(new Blob(parts, { type: 'text/javascript' }));

async function layoutWorkerUrl(context: vscode.ExtensionContext): Promise<string> {
    const script = await webScript(context, 'layout-worker.js');
    return typeof script === 'string' ? script : blobUrl([script]);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    const steps = new StartupSteps();
    const log = vscode.window.createOutputChannel('BOS', { log: true });
    // The workspace is read while the server's script is read and its worker starts.
    const ahead = readWorkspaceAhead();
    const server = blobUrl(serverWorkerParts(await webScript(context, 'extension.js')));
    steps.first('server script read');
    // ELK (1.5 MB) is read when the first diagram is asked for, not before the first diagnostics.
    let layoutWorker: Promise<string> | undefined;
    let worker: Worker | undefined;
    // Called at every start, so a restart replaces a worker that crashed or hangs. The
    // transports are made here: the workbench wraps Worker, so the client's own
    // `instanceof Worker` test fails on the worker it gets.
    const startWorker = async (): Promise<MessageTransports> => {
        worker?.terminate();
        worker = new Worker(server, { name: 'BOS language server' });
        steps.first('worker started');
        worker.addEventListener('error', e => log.error(`the language server worker failed: ${e.message}`));
        return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
    };
    const client = new LanguageClient('bos', 'BOS Language Server', startWorker, clientOptions(log));
    context.subscriptions.push(
        ahead,
        answerFileRequests(client, steps, ahead),
        client.onRequest(LAYOUT_WORKER_REQUEST, async (): Promise<LayoutWorkerResult> => {
            try {
                return { url: await (layoutWorker ??= layoutWorkerUrl(context)) };
            } catch (err) {
                layoutWorker = undefined;
                return { error: `cannot read the layout worker: ${err instanceof Error ? err.message : String(err)}` };
            }
        }),
        { dispose: () => worker?.terminate() },
    );
    await startSession(context, client, { steps, log, startup: ahead });
}
