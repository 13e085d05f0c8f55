// The web extension (vscode.dev, github.dev, any browser-hosted workbench): the same
// session as the desktop one, with the language server in a Web Worker that reads files
// through the extension (file-requests.ts). The worker's crashes go to the BOS log; BOS:
// Restart Language Server starts a fresh worker.
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import type { BrowserServerOptions } from '../lsp/protocol.js';
import { answerFileRequests } from './file-requests.js';
import { clientOptions, startSession } from './session.js';

export { deactivate } from './session.js';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    const activated = Date.now();
    const log = vscode.window.createOutputChannel('BOS', { log: true });
    const script = (name: string) => vscode.Uri.joinPath(context.extensionUri, 'out', 'web', name).toString(true);
    let worker: Worker | undefined;
    // Called at every start, so a restart replaces a worker that crashed or hangs.
    const startWorker = async (): Promise<Worker> => {
        worker?.terminate();
        worker = new Worker(script('server.js'), { name: 'BOS language server' });
        worker.addEventListener('error', e => log.error(`the language server worker failed: ${e.message}`));
        return worker;
    };
    const options = {
        ...clientOptions(log),
        initializationOptions: { layoutWorker: script('layout-worker.js') } satisfies BrowserServerOptions,
    };
    const client = new LanguageClient('bos', 'BOS Language Server', startWorker, options);
    context.subscriptions.push(answerFileRequests(client), { dispose: () => worker?.terminate() });
    await startSession(context, client, { activated, log });
}
