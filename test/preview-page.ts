// The real preview page in headless Chromium, for the tests of its controls: the page,
// what it posted, every CSP violation and console error, and a way to send it messages.
import type { Page } from 'playwright-core';
import { diagramFor } from '../src/lsp/diagram-request.js';
import type { DiagramParams, DiagramResult } from '../src/lsp/protocol.js';
import { type Editor, editor } from './editor-helpers.js';
import { exampleFiles } from './example-files.js';
import { launchChromium, servePreview } from './webview-server.js';

export interface PreviewPage {
    page: Page;
    errors: string[];
    posted(): Promise<{ type: string; [k: string]: unknown }[]>;
    csp(): Promise<string[]>;
    send(m: unknown): Promise<void>;
    close(): Promise<void>;
}

/** The preview page (or another page of webview-server.ts, such as `analysis`) in a fresh Chromium. */
export async function openPreview(bodyClass = 'vscode-light', path = ''): Promise<PreviewPage> {
    const server = await servePreview(bodyClass);
    const context = await launchChromium('bos-chromium-', { width: 1200, height: 800 });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', m => {
        if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', e => errors.push(e.message));
    page.on('dialog', d => {
        errors.push(`dialog: ${d.message()}`);
        void d.dismiss();
    });
    await page.goto(server.url + path);
    const posted = () => page.evaluate(() => (window as unknown as { __posted: { type: string }[] }).__posted);
    await page.waitForFunction(() =>
        (window as unknown as { __posted: { type: string }[] }).__posted.some(m => m.type === 'ready')
    );
    return {
        page,
        errors,
        posted,
        csp: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp),
        send: async m => {
            await page.evaluate(msg => window.postMessage(msg, '*'), m);
        },
        close: async () => {
            await context.close();
            await server.close();
        },
    };
}

/** The example's workspace in the server's own services, and its diagrams as the server answers them. */
export async function exampleServer(
    extra = '',
): Promise<{ e: Editor; diagram(p: DiagramParams): Promise<DiagramResult> }> {
    const e = await editor({ ...exampleFiles(), 'extra.bos': extra });
    return { e, diagram: p => diagramFor(p, e.Bos, e.Bos.shared.workspace.LangiumDocuments) };
}
