// **BOS: Show Scenario Analysis**: a webview panel, under the preview's CSP, that draws
// what the server's `bos/analysisPanel` answers; refreshed after every build and theme
// change; a click on a row reveals the declaration.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
    ANALYSIS_PANEL_REQUEST,
    type AnalysisPanelParams,
    type AnalysisPanelResult,
    MODEL_CHANGED_NOTIFICATION,
    parseFromWebview,
    type ToAnalysisPanel,
} from '../lsp/protocol.js';
import { analysisHtml, makeNonce } from '../webview/html.js';
import { debounce, type Debounced } from './debounce.js';
import { diagramTheme, revealSource } from './preview.js';

export class AnalysisPanel implements vscode.Disposable {
    private panel?: vscode.WebviewPanel;
    private last?: AnalysisPanelResult;
    private readonly soon: Debounced = debounce(() => void this.refresh());
    private readonly disposables: vscode.Disposable[] = [];

    constructor(private readonly context: vscode.ExtensionContext, private readonly client: BaseLanguageClient) {
        this.disposables.push(
            client.onNotification(MODEL_CHANGED_NOTIFICATION, () => this.panel && this.soon.schedule()),
            vscode.window.onDidChangeActiveColorTheme(() => this.panel && this.soon.schedule()),
        );
    }

    open(): void {
        if (this.panel) {
            this.panel.reveal(undefined, false);
            return;
        }
        const roots = [
            vscode.Uri.joinPath(this.context.extensionUri, 'media'),
            vscode.Uri.joinPath(this.context.extensionUri, 'out'),
        ];
        const panel = vscode.window.createWebviewPanel(
            'bos.analysis',
            'BOS Scenario Analysis',
            vscode.ViewColumn.Active,
            {
                enableScripts: true,
                localResourceRoots: roots,
                retainContextWhenHidden: true,
            },
        );
        const file = (...path: string[]) =>
            panel.webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, ...path)).toString();
        panel.iconPath = vscode.Uri.joinPath(this.context.extensionUri, 'media', 'icon.png');
        panel.webview.html = analysisHtml({
            cspSource: panel.webview.cspSource,
            nonce: makeNonce(),
            scriptUri: file('out', 'analysis.js'),
            styleUri: file('media', 'analysis.css'),
        });
        panel.webview.onDidReceiveMessage(
            raw => {
                const m = parseFromWebview(raw);
                if (m?.type === 'ready') void this.refresh();
                else if (m?.type === 'reveal') {
                    const source = this.last?.sources.find(s => s.id === m.node);
                    if (source) void revealSource(source);
                }
            },
            undefined,
            this.disposables,
        );
        panel.onDidDispose(() => (this.panel = undefined), undefined, this.disposables);
        this.panel = panel;
    }

    private async refresh(): Promise<void> {
        if (!this.panel) return;
        const params: AnalysisPanelParams = { theme: diagramTheme() };
        const analysis = await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Window, title: 'BOS: analysing scenarios' },
            () => this.client.sendRequest<AnalysisPanelResult>(ANALYSIS_PANEL_REQUEST, params),
        );
        this.last = analysis;
        void this.panel.webview.postMessage({ type: 'analysis', analysis } satisfies ToAnalysisPanel);
    }

    dispose(): void {
        this.soon.dispose();
        this.panel?.dispose();
        for (const d of this.disposables) d.dispose();
    }
}
