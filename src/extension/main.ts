// The VS Code extension: thin glue that starts the BOS language server and wires a few
// commands to it. Every language feature lives in the server.
import * as vscode from 'vscode';
import {
    LanguageClient,
    type LanguageClientOptions,
    type ServerOptions,
    TransportKind,
} from 'vscode-languageclient/node';
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
        vscode.commands.registerCommand(
            SHOW_IN_DIAGRAM_COMMAND,
            (view?: string, node?: string) => typeof view === 'string' ? preview.show(view, node) : preview.open(),
        ),
        vscode.commands.registerCommand('bos.exportSvg', () => preview.exportSvg()),
        vscode.commands.registerCommand('bos.exportPng', () => preview.exportPng()),
        vscode.commands.registerCommand('bos.restartServer', () => client?.restart()),
        vscode.commands.registerCommand('bos.compareDiagram', () => compareDiagram(preview)),
        // From the Source Control view's changed .bos files: the change since the last commit.
        vscode.commands.registerCommand('bos.showArchitectureChange', () => preview.compare('HEAD')),
        vscode.commands.registerCommand('bos.newModel', (target?: vscode.Uri) => scaffold(context, STARTER, target)),
        vscode.commands.registerCommand('bos.openExample', (target?: vscode.Uri) => scaffold(context, EXAMPLE, target)),
        vscode.commands.registerCommand(SHOW_IMPACT_COMMAND, (...at: ShowImpactArguments | []) => showImpact(at)),
        vscode.commands.registerCommand('bos.showAnalysis', () => analysisPanel.open()),
    );
    log.info('activated');
    void openPendingFile(context);
    await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: 'BOS: checking the model' },
        () => client!.start(),
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

/** Picks the base among what the server read from git (HEAD, branches, recent commits). */
async function compareDiagram(preview: DiagramPreview): Promise<void> {
    const { refs, error } = await client!.sendRequest<BaseRefsResult>(BASE_REFS_REQUEST, {});
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

export function deactivate(): Thenable<void> | undefined {
    return client?.stop();
}
