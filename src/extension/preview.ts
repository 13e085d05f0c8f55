// The diagram preview beside the editor: a webview that only draws. The picture comes
// from the language server (`bos/diagram`), is refreshed after every build, follows the
// colour theme, reveals declarations on click and highlights the box under the cursor.
// Compared with a revision, every refresh asks for the picture against that fixed base.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
    DIAGRAM_REQUEST,
    type DiagramNodeSource,
    type DiagramParams,
    type DiagramResult,
    FLOW_VIEW_PREFIX,
    type FromWebview,
    MODEL_CHANGED_NOTIFICATION,
    parseFromWebview,
    type ToWebview,
    type WhatIfParams,
} from '../lsp/protocol.js';
import { makeNonce, previewHtml } from '../webview/html.js';

/** The diagram palette for the colour theme: light for light and high-contrast light themes. */
export function diagramTheme(): 'light' | 'dark' {
    const kind = vscode.window.activeColorTheme.kind;
    return kind === vscode.ColorThemeKind.Light || kind === vscode.ColorThemeKind.HighContrastLight ? 'light' : 'dark';
}

/** Opens a declaration, but only inside the workspace. */
export async function revealSource(source: DiagramNodeSource): Promise<void> {
    const uri = vscode.Uri.parse(source.uri);
    if (!vscode.workspace.getWorkspaceFolder(uri)) return;
    const range = new vscode.Range(source.start.line, source.start.character, source.end.line, source.end.character);
    const editor = await vscode.window.showTextDocument(uri, {
        viewColumn: vscode.ViewColumn.One,
        selection: new vscode.Range(range.start, range.start),
    });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

export class DiagramPreview implements vscode.Disposable {
    private panel?: vscode.WebviewPanel;
    private last?: DiagramResult;
    private choice: { view?: string; scenario?: string } = {};
    /** The revision the picture is compared with, until the banner's Stop comparing. */
    private base?: string;
    /** The preview's what-if: analysed by the server, never written to a file. */
    private whatIf?: WhatIfParams;
    /** Edge bundles the reader expanded: kept across what-if steps and edits. */
    private expand: string[] = [];
    private whatIfCommand?: string;
    private timer?: ReturnType<typeof setTimeout>;
    /** A box to highlight once the next picture is drawn (Show in diagram). */
    private pendingHighlight?: string;
    private readonly disposables: vscode.Disposable[] = [];

    constructor(private readonly context: vscode.ExtensionContext, private readonly client: BaseLanguageClient) {
        this.disposables.push(
            client.onNotification(MODEL_CHANGED_NOTIFICATION, () => this.scheduleRefresh()),
            vscode.window.onDidChangeActiveColorTheme(() => this.scheduleRefresh()),
            vscode.window.onDidChangeTextEditorSelection(e => this.followCursor(e.textEditor)),
        );
    }

    open(): void {
        if (this.panel) {
            this.panel.reveal(vscode.ViewColumn.Beside, true);
            return;
        }
        const roots = [
            vscode.Uri.joinPath(this.context.extensionUri, 'media'),
            vscode.Uri.joinPath(this.context.extensionUri, 'out'),
        ];
        const panel = vscode.window.createWebviewPanel('bos.preview', 'BOS Diagram', {
            viewColumn: vscode.ViewColumn.Beside,
            preserveFocus: true,
        }, { enableScripts: true, localResourceRoots: roots, retainContextWhenHidden: true });
        panel.iconPath = vscode.Uri.joinPath(this.context.extensionUri, 'media', 'icon.png');
        panel.webview.html = previewHtml({
            cspSource: panel.webview.cspSource,
            nonce: makeNonce(),
            scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'out', 'webview.js'))
                .toString(),
            styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'media', 'preview.css'))
                .toString(),
        });
        panel.webview.onDidReceiveMessage(m => void this.handle(parseFromWebview(m)), undefined, this.disposables);
        panel.onDidDispose(
            () => {
                this.panel = undefined;
                // A preview opened again starts uncompared.
                this.base = undefined;
            },
            undefined,
            this.disposables,
        );
        this.panel = panel;
    }

    /** Opens the preview compared with `base` (HEAD, a branch, a commit). */
    compare(base: string | undefined): void {
        this.base = base;
        const opened = !!this.panel;
        this.open();
        this.panel!.title = base === undefined ? 'BOS Diagram' : `BOS Diagram ↔ ${base}`;
        // A new panel asks for its picture when its script is ready.
        if (opened) this.scheduleRefresh();
    }

    /** Opens the preview on a view (a focus view, a flow) and highlights a box in it. */
    async show(view: string, node?: string): Promise<void> {
        // A flow's sequence opens under its own scenario (the first that loads it), for its
        // times; a focus view keeps the overlay shown.
        this.choice = { view, scenario: view.startsWith(FLOW_VIEW_PREFIX) ? undefined : this.choice.scenario };
        this.pendingHighlight = node;
        const fresh = !this.panel;
        this.open();
        // A new panel asks for its picture when its script is ready.
        if (!fresh) await this.refresh();
    }

    private scheduleRefresh(): void {
        if (!this.panel) return;
        clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.refresh(), 150);
    }

    private async refresh(): Promise<void> {
        if (!this.panel) return;
        const theme = diagramTheme();
        const params: DiagramParams = {
            ...this.choice,
            theme,
            ...(this.whatIf ? { whatIf: this.whatIf } : {}),
            ...(this.expand.length ? { expand: this.expand } : {}),
            ...(this.base === undefined ? {} : { base: this.base }),
        };
        const diagram = await vscode.window.withProgress({
            location: vscode.ProgressLocation.Window,
            title: 'BOS: laying out the diagram',
        }, () => this.client.sendRequest<DiagramResult>(DIAGRAM_REQUEST, params));
        this.whatIfCommand = diagram.whatIf?.command;
        if (diagram.svg && !diagram.syntaxErrors) this.last = diagram;
        this.last ??= diagram;
        this.post({ type: 'diagram', diagram });
        if (this.pendingHighlight && diagram.svg) this.post({ type: 'highlight', node: this.pendingHighlight });
        this.pendingHighlight = undefined;
    }

    private post(m: ToWebview): void {
        void this.panel?.webview.postMessage(m);
    }

    private async handle(m: FromWebview | undefined): Promise<void> {
        if (!m) return; // unknown or malformed messages are ignored
        if (m.type === 'ready') await this.refresh();
        else if (m.type === 'stopCompare') this.compare(undefined);
        else if (m.type === 'choose') {
            this.choice = { view: m.view, scenario: m.scenario };
            await this.refresh();
        } else if (m.type === 'whatIf') {
            this.whatIf = m.whatIf;
            await this.refresh();
        } else if (m.type === 'expand') {
            this.expand = m.bundles;
            await this.refresh();
        } else if (m.type === 'copyWhatIf') {
            if (!this.whatIfCommand) return;
            await vscode.env.clipboard.writeText(this.whatIfCommand);
            void vscode.window.showInformationMessage(`Copied: ${this.whatIfCommand}`);
        } else if (m.type === 'reveal') await this.reveal(m.node);
        else if (m.type === 'exportPng') {
            // atob, not Buffer: the web extension host has no Node.
            const binary = atob(m.dataUrl.slice('data:image/png;base64,'.length));
            await this.save('png', Uint8Array.from(binary, c => c.charCodeAt(0)));
        }
    }

    private async reveal(node: string): Promise<void> {
        const source = this.last?.nodes.find(n => n.id === node);
        if (source) await revealSource(source);
    }

    private followCursor(editor: vscode.TextEditor): void {
        if (!this.panel || !this.last || editor.document.languageId !== 'bos') return;
        const uri = editor.document.uri.toString();
        const pos = editor.selection.active;
        // The innermost declaration around the cursor: the last one that starts before it.
        const inside = this.last.nodes.filter(n =>
            n.uri === uri
            && new vscode.Range(n.start.line, n.start.character, n.end.line, n.end.character).contains(pos)
        );
        this.post({ type: 'highlight', node: inside.at(-1)?.id });
    }

    async exportSvg(): Promise<void> {
        if (!this.last?.svg) {
            void vscode.window.showInformationMessage('Open the BOS diagram first.');
            return;
        }
        const svg = this.last.svg.replace(/(<svg[^>]*>)/, `$1<style>${this.last.css ?? ''}</style>`);
        await this.save('svg', new TextEncoder().encode(svg));
    }

    exportPng(): void {
        if (!this.panel) {
            void vscode.window.showInformationMessage('Open the BOS diagram first.');
            return;
        }
        // The webview rasterises what it shows and answers with an exportPng message.
        this.post({ type: 'exportPng' });
    }

    private async save(ext: 'svg' | 'png', data: Uint8Array): Promise<void> {
        const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
        const name = `${(this.last?.view ?? 'diagram').split('.').pop()}.${ext}`;
        const target = await vscode.window.showSaveDialog({
            defaultUri: folder && vscode.Uri.joinPath(folder, name),
            filters: { [ext.toUpperCase()]: [ext] },
        });
        if (!target) return;
        await vscode.workspace.fs.writeFile(target, data);
        void vscode.window.showInformationMessage(`Saved ${vscode.workspace.asRelativePath(target)}`);
    }

    dispose(): void {
        clearTimeout(this.timer);
        this.panel?.dispose();
        for (const d of this.disposables) d.dispose();
    }
}
