// What the desktop (main.ts) and the web (browser.ts) extension share: the language
// client once it is made, the commands, the preview, the status and the activation log.
// Every language feature lives in the server; the entries differ only in how it starts.
import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { ANALYSIS_REQUEST, type AnalysisParams, type AnalysisResult } from '../lsp/protocol.js';
import { DiagramPreview } from './preview.js';
import { EXAMPLE, openPendingFile, scaffold, STARTER } from './scaffold.js';
import { modelStatus } from './status.js';

let client: BaseLanguageClient | undefined;

/** The client options of both entries; `scheme` limits the documents to one file system. */
export function clientOptions(log: vscode.LogOutputChannel, scheme?: string): LanguageClientOptions {
    return {
        documentSelector: [scheme ? { scheme, language: 'bos' } : { language: 'bos' }],
        synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.bos') },
        // The server's log lines (files it could not read, checks that threw) land in the BOS channel.
        outputChannel: log,
    };
}

export interface SessionOptions {
    /** Performance.now() or Date.now() at activation, for the first-diagnostics line. */
    activated: number;
    log: vscode.LogOutputChannel;
}

export async function startSession(
    context: vscode.ExtensionContext,
    languageClient: BaseLanguageClient,
    { activated, log }: SessionOptions,
): Promise<void> {
    client = languageClient;
    const output = vscode.window.createOutputChannel('BOS Analysis');
    const preview = new DiagramPreview(context, languageClient);
    // Activation speed is a feature: the log says how long the first diagnostics took.
    const firstDiagnostics = vscode.languages.onDidChangeDiagnostics(e => {
        if (!e.uris.some(u => u.path.endsWith('.bos'))) return;
        log.info(`first diagnostics ${Date.now() - activated} ms after activation`);
        firstDiagnostics.dispose();
    });
    context.subscriptions.push(
        log,
        output,
        preview,
        firstDiagnostics,
        modelStatus(),
        vscode.commands.registerCommand('bos.openPreview', () => preview.open()),
        vscode.commands.registerCommand('bos.exportSvg', () => preview.exportSvg()),
        vscode.commands.registerCommand('bos.exportPng', () => preview.exportPng()),
        vscode.commands.registerCommand('bos.restartServer', () => restart(log)),
        vscode.commands.registerCommand('bos.newModel', (target?: vscode.Uri) => scaffold(context, STARTER, target)),
        vscode.commands.registerCommand('bos.openExample', (target?: vscode.Uri) => scaffold(context, EXAMPLE, target)),
        vscode.commands.registerCommand('bos.showAnalysis', () =>
            vscode.window.withProgress(
                { location: vscode.ProgressLocation.Notification, title: 'BOS: analysing scenarios…' },
                async () => {
                    const result = await languageClient.sendRequest<AnalysisResult>(
                        ANALYSIS_REQUEST,
                        {} satisfies AnalysisParams,
                    );
                    output.clear();
                    output.append(result.text);
                    output.show(true);
                },
            )),
    );
    log.info('activated');
    void openPendingFile(context);
    await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: 'BOS: checking the model' },
        () => languageClient.start(),
    );
}

async function restart(log: vscode.LogOutputChannel): Promise<void> {
    log.info('restarting the language server');
    try {
        await client?.stop();
        await client?.start();
        log.info('the language server restarted');
    } catch (err) {
        log.error(`the language server did not restart: ${err instanceof Error ? err.message : String(err)}`);
    }
}

export function deactivate(): Thenable<void> | undefined {
    return client?.stop();
}
