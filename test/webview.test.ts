// The real preview page in a real headless Chromium (Debian's, via playwright-core).
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagramFor } from '../src/lsp/diagram-request.js';
import type { DiagramParams, DiagramResult } from '../src/lsp/protocol.js';
import { editor } from './editor-helpers.js';
import { exampleFiles } from './example-files.js';
import { openPreview, servePreview } from './webview-server.js';

async function diagram(params: DiagramParams, extra = ''): Promise<DiagramResult> {
    const e = await editor({ ...exampleFiles(), 'extra.bos': extra });
    return diagramFor(params, e.Bos, e.Bos.shared.workspace.LangiumDocuments);
}

let context: BrowserContext;
let page: Page;
let server: Awaited<ReturnType<typeof servePreview>>;
let consoleErrors: string[] = [];
const dialogs: string[] = [];

const posted = () => page.evaluate(() => (window as unknown as { __posted: { type: string }[] }).__posted);
const send = (m: unknown) => page.evaluate(msg => window.postMessage(msg, '*'), m);

beforeAll(async () => {
    server = await servePreview();
    ({ context, page, errors: consoleErrors } = await openPreview(server.url));
    page.on('dialog', d => {
        dialogs.push(d.message());
        void d.dismiss();
    });
}, 60_000);

afterAll(async () => {
    await context?.close();
    await server?.close();
});

describe('preview webview in Chromium', () => {
    it('renders the example with pickers, no CSP violation and no console error', async () => {
        const d = await diagram({ view: 'TradeChain', theme: 'light' });
        await send({ type: 'diagram', diagram: d });
        await page.waitForSelector('#canvas svg [data-node]');
        expect(await page.locator('#canvas [data-node]').count()).toBe(d.nodes.length);
        expect(await page.locator('vscode-dropdown').count()).toBe(2);
        // Each scenario with its s*, from the server; the tooltip names the bottleneck.
        expect(await page.locator('vscode-option').allTextContents()).toEqual(
            expect.arrayContaining(['交易链路', '四大中台', 'No overlay', '双11零点峰值 (2020) · s* ×1.11']),
        );
        expect(await page.locator('vscode-option', { hasText: '双11零点峰值' }).getAttribute('title')).toBe(
            'every load of Double11Peak can grow ×1.11 before PlaceOrder reaches 100% of its capacity',
        );
        // The palette arrives as a constructed sheet: boxes are coloured, not black.
        const fill = await page.locator('#canvas .bos-box-commerce').first().evaluate(el => getComputedStyle(el).fill);
        expect(fill).toBe('rgb(221, 244, 255)');
        expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
        expect(consoleErrors).toEqual([]);
    });

    it('labels loaded boxes with load, utilisation and R, every line inside its box', async () => {
        const label = page.locator('#canvas [data-node]').filter({ hasText: '下单' }).first().locator(
            '[class^="bos-load-"]',
        );
        expect(await label.textContent()).toBe('583k/s · 89.7% · R 153ms');
        // Measured by the browser's own fonts: no text runs past the right edge of its box.
        const overflow = await page.evaluate(() =>
            [...document.querySelectorAll('#canvas [data-node]')].flatMap(g => {
                const rect = g.querySelector('rect')!;
                const width = rect.width.baseVal.value;
                return [...g.querySelectorAll(':scope > text')].map(t => {
                    const text = t as SVGTextElement;
                    return {
                        text: text.textContent,
                        right: text.x.baseVal[0].value + text.getComputedTextLength(),
                        width,
                    };
                }).filter(t => t.right > t.width - 4);
            })
        );
        expect(overflow).toEqual([]);
    });

    it('reveals the declaration of a clicked box', async () => {
        const box = page.locator('#canvas [data-node]').filter({ hasText: '下单' }).first();
        const id = await box.getAttribute('data-node');
        await box.click();
        expect((await posted()).at(-1)).toEqual({ type: 'reveal', node: id });
        expect(await box.getAttribute('class')).toContain('bos-highlight');
    });

    it('highlights the box the editor cursor is in, and exports the picture as PNG', async () => {
        const target = await page.locator('#canvas [data-node]').nth(2).getAttribute('data-node');
        await send({ type: 'highlight', node: target });
        await expect.poll(() => page.locator('#canvas .bos-highlight').getAttribute('data-node')).toBe(target);
        await send({ type: 'highlight' });
        await expect.poll(() => page.locator('#canvas .bos-highlight').count()).toBe(0);
        await send({ type: 'exportPng' });
        await page.waitForFunction(() =>
            (window as unknown as { __posted: { type: string }[] }).__posted.some(m => m.type === 'exportPng')
        );
        const png = (await posted()).find(m => m.type === 'exportPng') as unknown as { dataUrl: string };
        expect(png.dataUrl.startsWith('data:image/png;base64,')).toBe(true);
        expect(Buffer.from(png.dataUrl.split(',')[1], 'base64').length).toBeGreaterThan(10_000);
    });

    it('zooms with the buttons and the wheel, keeping the viewport across updates', async () => {
        const scale = () =>
            page.evaluate(() => new DOMMatrix(getComputedStyle(document.getElementById('canvas')!).transform).a);
        const before = await scale();
        await page.locator('vscode-button[title="Zoom in"]').click();
        expect(await scale()).toBeCloseTo(before * 1.25, 3);
        await page.mouse.move(600, 400);
        await page.mouse.wheel(0, -200);
        const zoomed = await scale();
        expect(zoomed).toBeGreaterThan(before * 1.25);
        await send({ type: 'diagram', diagram: await diagram({ view: 'TradeChain', theme: 'light' }) });
        expect(await scale()).toBeCloseTo(zoomed, 5);
    });

    it('switches view and overlay through the pickers', async () => {
        await page.evaluate(() => {
            const dd = document.querySelectorAll('vscode-dropdown')[0] as HTMLElement & { value: string };
            dd.value = 'tmall.scenarios.Platforms';
            dd.dispatchEvent(new Event('change'));
        });
        expect((await posted()).at(-1)).toEqual({ type: 'choose', view: 'tmall.scenarios.Platforms' });
        const platforms = await diagram({ view: 'tmall.scenarios.Platforms', theme: 'light' });
        await send({ type: 'diagram', diagram: platforms });
        await page.waitForFunction(
            n => document.querySelectorAll('#canvas [data-node]').length === n,
            platforms.nodes.length,
        );
        expect(await page.locator('#canvas .bos-status-headroom').count()).toBeGreaterThan(0);
        await page.evaluate(() => {
            const dd = document.querySelectorAll('vscode-dropdown')[1] as HTMLElement & { value: string };
            dd.value = '';
            dd.dispatchEvent(new Event('change'));
        });
        expect((await posted()).at(-1)).toEqual({ type: 'choose', view: 'tmall.scenarios.Platforms', scenario: '' });
        await send({
            type: 'diagram',
            diagram: await diagram({ view: 'tmall.scenarios.Platforms', scenario: '', theme: 'light' }),
        });
        await page.waitForFunction(() => document.querySelectorAll('#canvas [class*="bos-status-"]').length === 0);
    });

    it('keeps the last good diagram under a banner while the model has syntax errors', async () => {
        const count = await page.locator('#canvas [data-node]').count();
        const broken = await diagram({ view: 'TradeChain', theme: 'light' }, 'platform {');
        expect(broken.syntaxErrors).toBeGreaterThan(0);
        await send({ type: 'diagram', diagram: broken });
        await expect.poll(() => page.locator('#banner').textContent()).toMatch(/syntax error.*last good diagram/);
        expect(await page.locator('#canvas [data-node]').count()).toBe(count);
    });

    it('shows a hostile title as plain text, and ignores malformed messages', async () => {
        const hostile = await diagram(
            { view: 'Evil', theme: 'light' },
            'package evil\nactor X "<img src=x onerror=alert(1)>"\nview Evil { include X }\n',
        );
        await send({ type: 'diagram', diagram: hostile });
        await page.waitForFunction(() =>
            document.querySelector('#canvas')?.textContent?.includes('<img src=x onerror=alert(1)>')
        );
        expect(await page.locator('#canvas img').count()).toBe(0);
        await send({ type: 'diagram', diagram: { views: 'nope' } });
        await send({ type: 'highlight', node: 42 });
        await send('<script>alert(1)</script>');
        await page.waitForTimeout(200);
        expect(dialogs).toEqual([]);
        expect(consoleErrors).toEqual([]);
        expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
    });

    it('runs nothing from hostile titles, descriptions, pickers or a forged picture, and ignores odd messages', async () => {
        const payloads = [
            '<img src=x onerror="window.__pwned=1">',
            '"><svg onload="window.__pwned=1">',
            '</text><script>window.__pwned=1</script>',
            ']]><script>window.__pwned=1</script>',
            "{{constructor.constructor('window.__pwned=1')()}}",
            '&lt;b&gt;&amp;',
            'javascript:window.__pwned=1',
        ];
        const model = [
            'package evil',
            ...payloads.map((p, i) => `actor X${i} ${JSON.stringify(p)} { description ${JSON.stringify(p)} }`),
            `scenario S ${JSON.stringify(payloads[0])} { load F 1/s }`,
            'flow F { from X0 }',
            `view Evil ${JSON.stringify(payloads[1])} { include ${
                payloads.map((_, i) => `X${i}`).join(', ')
            }  overlay S }`,
        ].join('\n');
        const hostile = await diagram({ view: 'Evil', theme: 'dark' }, model);
        await send({ type: 'diagram', diagram: hostile });
        // Every payload is shown as the text it is.
        for (const p of payloads) {
            await page.waitForFunction(text => document.querySelector('#canvas')?.textContent?.includes(text), p);
        }
        expect(await page.locator('vscode-option').allTextContents()).toEqual(
            expect.arrayContaining([payloads[0], payloads[1]]),
        );
        // A forged picture (not from our server) and messages of every odd shape.
        const forged = {
            ...hostile,
            // A new geometry: the page parses the picture (the same one would only have its overlay repainted).
            layout: 'forged',
            svg: '<svg xmlns="http://www.w3.org/2000/svg" onload="window.__pwned=1"><script>window.__pwned=1</script>'
                + '<image href="x" onerror="window.__pwned=1"/><a href="javascript:window.__pwned=1"><text>t</text></a>'
                + '<foreignObject><img xmlns="http://www.w3.org/1999/xhtml" src="x" onerror="window.__pwned=1"/></foreignObject></svg>',
        };
        await send({ type: 'diagram', diagram: forged });
        await page.locator('#canvas a').dispatchEvent('click');
        // Hostile s* text from a forged answer is shown as text; a non-string one voids the message.
        await send({
            type: 'diagram',
            diagram: {
                ...hostile,
                scenarios: [{ id: 'x', title: 'T', saturation: payloads[2], saturationDetail: payloads[0] }],
            },
        });
        await expect.poll(() => page.locator('vscode-option', { hasText: 'T · ' }).textContent()).toBe(
            `T · ${payloads[2]}`,
        );
        expect(await page.locator('vscode-option', { hasText: 'T · ' }).getAttribute('title')).toBe(payloads[0]);
        for (
            const odd of [
                null,
                undefined,
                42,
                'diagram',
                [],
                { type: 'diagram' },
                { type: 'diagram', diagram: null },
                { type: 'diagram', diagram: { views: [], nodes: [], view: 'x', svg: 5 } },
                { type: 'highlight', node: { toString: 1 } },
                { type: 'reveal', node: 'n0' },
                { type: '__proto__' },
                { type: 'diagram', diagram: { views: [{}], nodes: [{}], view: 'x', svg: '<html>' } },
                { type: 'diagram', diagram: { ...hostile, scenarios: [{ id: 'x', title: 'Odd', saturation: 42 }] } },
                { type: 'diagram', diagram: { ...hostile, scenarios: [{ id: 'x', title: { toString: 1 } }] } },
                { type: 'diagram', diagram: { ...hostile, views: [{ id: 'x' }] } },
                { type: 'diagram', diagram: { ...hostile, syntaxErrors: '<b>1</b>' } },
            ]
        ) {
            await send(odd);
        }
        await page.waitForTimeout(300);
        expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
        expect(await page.locator('vscode-option', { hasText: 'Odd' }).count()).toBe(0);
        expect(dialogs).toEqual([]);
        // Chrome tries the forged root's onload while parsing the SVG, before the page
        // strips it; the CSP blocks it. That block is the only complaint allowed.
        const csp = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
        expect(csp.length).toBeGreaterThan(0);
        for (const v of csp) expect(v).toMatch(/^script-src-attr inline /);
        for (const e of consoleErrors.splice(0)) {
            expect(e).toMatch(
                new RegExp(
                    '^Executing inline event handler violates the following Content Security Policy directive '
                        + '.*The action has been blocked\\.$',
                ),
            );
        }
        // Still working afterwards.
        await send({ type: 'diagram', diagram: await diagram({ view: 'TradeChain', theme: 'light' }) });
        await page.waitForFunction(() => document.querySelectorAll('#canvas [data-node]').length > 5);
    });

    it('draws an oversized model (2,000 declarations, folded by the server) without errors', async () => {
        const parts = [
            'package big',
            'infrastructure I {',
            ...Array.from({ length: 600 }, (_, i) => `  resource R${i} : compute { capacity 1M/s }`),
            '}',
            'platform P : business {',
            ...Array.from({ length: 900 }, (_, i) => `  capability C${i} { runs on I.R${i % 600} }`),
            '}',
            ...Array.from({ length: 500 }, (_, i) => `element E${i} : sales { uses P.C${i} }`),
            'view Big { include layer platform, layer commerce, layer infrastructure }',
        ];
        const big = await diagram({ view: 'Big', theme: 'light' }, parts.join('\n'));
        const started = performance.now();
        await send({ type: 'diagram', diagram: big });
        await page.waitForFunction(
            n => document.querySelectorAll('#canvas [data-node]').length === n,
            big.nodes.length,
            { timeout: 20_000 },
        );
        console.log(`webview: ${big.nodes.length} boxes drawn in ${(performance.now() - started).toFixed(0)} ms`);
        expect(big.nodes.length).toBeGreaterThan(100);
        expect(consoleErrors).toEqual([]);
    }, 60_000);
});
