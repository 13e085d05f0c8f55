// Serves the real preview page (previewHtml, out/webview.js, media/preview.css) on
// loopback for browser tests and the screenshot script, with the host stand-in.
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { analysisHtml, makeNonce, type PageResources, previewHtml } from '../src/webview/html.js';

const FILES: Readonly<Record<string, [string, string]>> = {
    '/out/webview.js': ['out/webview.js', 'text/javascript'],
    '/media/preview.css': ['media/preview.css', 'text/css'],
    '/stand-in.js': ['test/fixtures/stand-in.js', 'text/javascript'],
    '/out/analysis.js': ['out/analysis.js', 'text/javascript'],
    '/media/analysis.css': ['media/analysis.css', 'text/css'],
};

/** The pages served: the preview at `/`, the analysis panel at `/analysis`. */
const PAGES: Readonly<Record<string, { html: (r: PageResources) => string; script: string; style: string }>> = {
    '/': { html: previewHtml, script: '/out/webview.js', style: '/media/preview.css' },
    '/analysis': { html: analysisHtml, script: '/out/analysis.js', style: '/media/analysis.css' },
};

export async function servePreview(bodyClass = 'vscode-light'): Promise<{ url: string; close(): Promise<void> }> {
    let origin = '';
    const server: Server = createServer((req, res) => {
        const path = (req.url ?? '/').split('?')[0];
        const page = PAGES[path];
        if (page) {
            const html = page.html({
                cspSource: origin,
                nonce: makeNonce(),
                scriptUri: `${origin}${page.script}`,
                styleUri: `${origin}${page.style}`,
                preludeUri: `${origin}/stand-in.js`,
            })
                .replace('<body>', `<body class="${bodyClass}">`);
            res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
            return;
        }
        if (path === '/favicon.ico') {
            res.writeHead(204).end();
            return;
        }
        const file = FILES[path];
        if (!file) {
            res.writeHead(404).end();
            return;
        }
        res.writeHead(200, { 'content-type': file[1] }).end(readFileSync(file[0]));
    });
    await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return { url: `${origin}/`, close: () => new Promise<void>(r => server.close(() => r())) };
}

export const CHROMIUM_ARGS = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
];

/** Debian's Chromium, headless, in a throw-away profile whose folder name starts with `prefix`. */
export function launchChromium(prefix: string, viewport: { width: number; height: number }): Promise<BrowserContext> {
    return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), prefix)), {
        executablePath: '/usr/bin/chromium',
        headless: true,
        args: CHROMIUM_ARGS,
        viewport,
    });
}

/** The served page in headless Chromium, once its script said `ready`; console errors and page errors collected. */
export async function openPreview(
    url: string,
    viewport = { width: 1200, height: 800 },
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await launchChromium('bos-chromium-', viewport);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', m => {
        if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', e => errors.push(e.message));
    await page.goto(url);
    await page.waitForFunction(() =>
        (window as unknown as { __posted: { type: string }[] }).__posted.some(m => m.type === 'ready')
    );
    return { context, page, errors };
}
