// The web extension's one script (out/web/extension.js), run in two realms: the web
// worker extension host loads it as the extension, and the extension starts it again in
// a Web Worker as the language server (server-worker.ts). One file ships the LSP
// libraries both sides use (vscode-jsonrpc, the protocol and its types) once, and keeps
// the web bundles within 2.5 MB; each realm runs only its own half, which esbuild
// initialises at the dynamic import, not when the script loads.
import type * as vscode from 'vscode';

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    await (await import('./browser.js')).activate(context);
}

export async function deactivate(): Promise<void> {
    await (await import('./session.js')).deactivate();
}

/** Called in the server's Web Worker, by the loader server-worker.ts wraps the script in. */
export function serveLanguage(): Promise<unknown> {
    return import('../lsp/browser-main.js');
}
