// What the desktop (main.ts) and the web (browser.ts) extension share: the language
// client once it is made, the commands, the preview, the status and the activation log.
// Every language feature lives in the server; the entries differ only in how it starts.
import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import {
    BASE_REFS_REQUEST,
    type BaseRefsResult,
    SHOW_IMPACT_COMMAND,
    SHOW_IN_DIAGRAM_COMMAND,
    type ShowImpactArguments,
} from '../lsp/protocol.js';
import { AnalysisPanel } from './analysis-panel.js';
import { DiagramPreview } from './preview.js';
import { EXAMPLE, openPendingFile, scaffold, STARTER } from './scaffold.js';
import type { StartupSteps } from './startup-steps.js';
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
    /** Made at activation; the entry may time its own steps in it. */
    steps: StartupSteps;
    /** What only the start-up needs (the web's read-ahead), disposed at the first diagnostics. */
    startup?: vscode.Disposable;
    log: vscode.LogOutputChannel;
}

export async function startSession(
    context: vscode.ExtensionContext,
    languageClient: BaseLanguageClient,
    { steps, log, startup }: SessionOptions,
): Promise<void> {
    client = languageClient;
    const preview = new DiagramPreview(context, languageClient);
    const analysisPanel = new AnalysisPanel(context, languageClient);
    // Activation speed is a feature: the log says how long the first diagnostics took.
    const firstDiagnostics = vscode.languages.onDidChangeDiagnostics(e => {
        if (!e.uris.some(u => u.path.endsWith('.bos'))) return;
        log.info(steps.firstDiagnosticsLine());
        startup?.dispose();
        firstDiagnostics.dispose();
    });
    context.subscriptions.push(
        log,
        preview,
        analysisPanel,
        firstDiagnostics,
        modelStatus(),
        vscode.commands.registerCommand('bos.openPreview', () => preview.open()),
        vscode.commands.registerCommand(
            SHOW_IN_DIAGRAM_COMMAND,
            (view?: string, node?: string) => typeof view === 'string' ? preview.show(view, node) : preview.open(),
        ),
        vscode.commands.registerCommand('bos.exportSvg', () => preview.exportSvg()),
        vscode.commands.registerCommand('bos.exportPng', () => preview.exportPng()),
        vscode.commands.registerCommand('bos.restartServer', () => restart(log)),
        vscode.commands.registerCommand('bos.compareDiagram', () => compareDiagram(languageClient, preview)),
        // From the Source Control view's changed .bos files: the change since the last commit.
        vscode.commands.registerCommand('bos.showArchitectureChange', () => preview.compare('HEAD')),
        vscode.commands.registerCommand('bos.newModel', (target?: vscode.Uri) => scaffold(context, STARTER, target)),
        vscode.commands.registerCommand('bos.openExample', (target?: vscode.Uri) => scaffold(context, EXAMPLE, target)),
        vscode.commands.registerCommand(SHOW_IMPACT_COMMAND, (...at: ShowImpactArguments | []) => showImpact(at)),
        vscode.commands.registerCommand('bos.showAnalysis', () => analysisPanel.open()),
    );
    log.info('activated');
    void openPendingFile(context);
    // Running once the server answered `initialize`, before it reads the workspace.
    const running = languageClient.onDidChangeState(() => {
        if (languageClient.isRunning()) steps.first('server initialized');
    });
    context.subscriptions.push(running);
    await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: 'BOS: checking the model' },
        () => languageClient.start(),
    );
}

/**
 * The incoming call hierarchy — what depends on the declaration — at a code lens's
 * declaration, or at the cursor from the command palette. VS Code's own references view
 * shows it; `showIncomingCalls` sets the direction, which the view remembers otherwise.
 */
async function showImpact(at: ShowImpactArguments | []): Promise<void> {
    if (at.length) {
        const position = new vscode.Position(at[1].line, at[1].character);
        await vscode.window.showTextDocument(vscode.Uri.parse(at[0]), {
            selection: new vscode.Range(position, position),
        });
    }
    await vscode.commands.executeCommand('references-view.showCallHierarchy');
    await vscode.commands.executeCommand('references-view.showIncomingCalls');
}

/**
 * Picks the base among what the server read from git (HEAD, branches, recent commits); the
 * browser server has no git and answers none, with its reason.
 */
async function compareDiagram(languageClient: BaseLanguageClient, preview: DiagramPreview): Promise<void> {
    const { refs, error } = await languageClient.sendRequest<BaseRefsResult>(BASE_REFS_REQUEST, {});
    if (!refs.length) {
        void vscode.window.showWarningMessage(
            `BOS: nothing to compare with. ${error ?? 'The repository has no commits.'}`,
        );
        return;
    }
    const picked = await vscode.window.showQuickPick(refs, {
        title: 'BOS: Compare Diagram with…',
        placeHolder: 'a branch, a commit or HEAD',
        matchOnDescription: true,
        matchOnDetail: true,
    });
    if (picked) preview.compare(picked.rev);
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
