// The desktop extension: starts the BOS language server (out/server.cjs) as a Node
// process; everything else is shared with the web extension (session.ts).
import * as vscode from 'vscode';
import { LanguageClient, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { clientOptions, startSession } from './session.js';
import { StartupSteps } from './startup-steps.js';

export { deactivate } from './session.js';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    const steps = new StartupSteps();
    const log = vscode.window.createOutputChannel('BOS', { log: true });
    const module = context.asAbsolutePath('out/server.cjs');
    const serverOptions: ServerOptions = {
        run: { module, transport: TransportKind.stdio },
        debug: { module, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    const client = new LanguageClient('bos', 'BOS Language Server', serverOptions, clientOptions(log, 'file'));
    await startSession(context, client, { steps, log });
}
