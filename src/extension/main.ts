// The VS Code extension: thin glue that starts the BOS language server and wires a few
// commands to it. Every language feature lives in the server.
import * as vscode from 'vscode';
import {
    LanguageClient,
    type LanguageClientOptions,
    type ServerOptions,
    TransportKind,
} from 'vscode-languageclient/node';
import { AnalysisPanel } from './analysis-panel.js';
import { DiagramPreview } from './preview.js';
import { EXAMPLE, openPendingFile, scaffold, STARTER } from './scaffold.js';
import { modelStatus } from './status.js';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    const activated = Date.now();
    const log = vscode.window.createOutputChannel('BOS', { log: true });
    const module = context.asAbsolutePath('out/server.cjs');
    const serverOptions: ServerOptions = {
        run: { module, transport: TransportKind.stdio },
        debug: { module, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: [{ scheme: 'file', language: 'bos' }],
        synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.bos') },
    };
    client = new LanguageClient('bos', 'BOS Language Server', serverOptions, clientOptions);
    const preview = new DiagramPreview(context, client);
    const analysisPanel = new AnalysisPanel(context, client);
    // Activation speed is a feature: the log says how long the first diagnostics took.
    const firstDiagnostics = vscode.languages.onDidChangeDiagnostics(e => {
        if (!e.uris.some(u => u.path.endsWith('.bos'))) return;
        log.info(`first diagnostics ${Date.now() - activated} ms after activation`);
        firstDiagnostics.dispose();
    });
    context.subscriptions.push(
        log,
        preview,
        analysisPanel,
        firstDiagnostics,
        modelStatus(),
        vscode.commands.registerCommand('bos.openPreview', () => preview.open()),
        vscode.commands.registerCommand('bos.exportSvg', () => preview.exportSvg()),
        vscode.commands.registerCommand('bos.exportPng', () => preview.exportPng()),
        vscode.commands.registerCommand('bos.restartServer', () => client?.restart()),
        vscode.commands.registerCommand('bos.newModel', (target?: vscode.Uri) => scaffold(context, STARTER, target)),
        vscode.commands.registerCommand('bos.openExample', (target?: vscode.Uri) => scaffold(context, EXAMPLE, target)),
        vscode.commands.registerCommand('bos.showAnalysis', () => analysisPanel.open()),
    );
    log.info('activated');
    void openPendingFile(context);
    await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: 'BOS: checking the model' },
        () => client!.start(),
    );
}

export function deactivate(): Thenable<void> | undefined {
    return client?.stop();
}
