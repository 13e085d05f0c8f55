// Drill-down in the real preview page in headless Chromium: a container's header opens
// its focus view, Alt+click any box's, the breadcrumb and Back go back along the way, the
// picker lists flows and draws a sequence view; a focus whose declaration is gone shows a
// banner over the last picture; hostile titles in the breadcrumb stay text, under the CSP.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagramFor } from '../src/lsp/diagram-request.js';
import type { DiagramParams, DiagramResult } from '../src/lsp/protocol.js';
import { editor } from './editor-helpers.js';
import { exampleFiles } from './example-files.js';
import { openPreview, servePreview } from './webview-server.js';

async function diagram(params: DiagramParams, extra = ''): Promise<DiagramResult> {
    const e = await editor({ ...exampleFiles(), 'extra.bos': extra });
    return diagramFor({ theme: 'light', ...params }, e.Bos, e.Bos.shared.workspace.LangiumDocuments);
}

let context: BrowserContext;
let page: Page;
let server: Awaited<ReturnType<typeof servePreview>>;
let consoleErrors: string[] = [];

type Posted = { type: string; view?: string; scenario?: string; node?: string };
const posted = () => page.evaluate(() => (window as unknown as { __posted: Posted[] }).__posted);
const send = (d: DiagramResult) => page.evaluate(msg => window.postMessage(msg, '*'), { type: 'diagram', diagram: d });
const crumbs = () => page.locator('#breadcrumb .crumb').allTextContents();
const box = (d: DiagramResult, focus: string) =>
    page.locator(`#canvas [data-node="${d.nodes.find(n => n.focus === focus)!.id}"]`);
/** Sends a view's picture and waits until the page has drawn it. */
async function show(d: DiagramResult): Promise<void> {
    await send(d);
    await page.waitForFunction(v => document.querySelector('#canvas svg')?.getAttribute('data-view') === v, d.view);
}

beforeAll(async () => {
    server = await servePreview();
    ({ context, page, errors: consoleErrors } = await openPreview(server.url, { width: 1400, height: 900 }));
}, 60_000);

afterAll(async () => {
    await context?.close();
    await server?.close();
});

describe('drill-down in the preview (Chromium)', () => {
    it('goes from the overview to the business platform to the checkout sequence, and back', async () => {
        const overview = await diagram({ view: 'Overview' });
        await show(overview);
        expect(await crumbs()).toEqual(['数字原生商业操作系统']);
        expect(await page.locator('vscode-option').allTextContents()).toEqual(
            expect.arrayContaining(['数字原生商业操作系统', 'Flow: 下单链路', 'Flow: 浏览链路']),
        );
        // A click on the platform's title opens its focus view, keeping the overlay (none).
        const business = box(overview, 'focus:tmall.platforms.Business');
        const r = (await business.locator('rect').first().boundingBox())!;
        await page.mouse.click(r.x + 30, r.y + 8);
        expect((await posted()).at(-1)).toEqual({
            type: 'choose',
            view: 'focus:tmall.platforms.Business',
            scenario: '',
        });
        const focus = await diagram({ view: 'focus:tmall.platforms.Business', scenario: '' });
        await show(focus);
        expect(await crumbs()).toEqual(['数字原生商业操作系统', 'Focus: 业务中台']);
        expect(await page.locator('#breadcrumb [aria-current="page"]').textContent()).toBe('Focus: 业务中台');
        // The picker names the focus view while it is drawn.
        expect(
            await page.locator('vscode-dropdown').first().evaluate(el => (el as HTMLElement & { value: string }).value),
        )
            .toBe('focus:tmall.platforms.Business');
        // A plain click on a box inside reveals it; with Alt it opens that box's focus view.
        const order = box(focus, 'focus:tmall.platforms.Business.PlaceOrder');
        await order.click();
        expect((await posted()).at(-1)?.type).toBe('reveal');
        await order.click({ modifiers: ['Alt'] });
        expect((await posted()).at(-1)?.view).toBe('focus:tmall.platforms.Business.PlaceOrder');
        // The picker lists the flows: the checkout's sequence view, with the peak's waterfall.
        await page.evaluate(() => {
            const dd = document.querySelector('vscode-dropdown') as HTMLElement & { value: string };
            dd.value = 'flow:tmall.scenarios.Checkout';
            dd.dispatchEvent(new Event('change'));
        });
        expect((await posted()).at(-1)).toEqual({ type: 'choose', view: 'flow:tmall.scenarios.Checkout' });
        const checkout = await diagram({ view: 'flow:tmall.scenarios.Checkout' });
        await show(checkout);
        expect(await crumbs()).toEqual(['数字原生商业操作系统', 'Focus: 业务中台', 'Flow: 下单链路']);
        expect(await page.locator('#canvas .bos-sequence .bos-seq-bar').count()).toBeGreaterThan(5);
        expect(await page.locator('#canvas .bos-seq-top').count()).toBe(1);
        expect(await page.locator('#canvas svg').textContent()).toContain('R(F) 401ms against SLO 500ms');
        // Bars are drawn in the theme's colours (the constructed sheet), not black.
        expect(await page.locator('#canvas .bos-seq-top').evaluate(el => getComputedStyle(el).fill)).toBe(
            'rgb(154, 103, 0)',
        );
        // Back, then a crumb: each asks for that view again, keeping the overlay shown.
        await page.locator('#breadcrumb vscode-button[title="Back"]').click();
        expect((await posted()).at(-1)).toEqual({
            type: 'choose',
            view: 'focus:tmall.platforms.Business',
            scenario: 'tmall.scenarios.Double11Peak',
        });
        await page.locator('#breadcrumb button.crumb', { hasText: '数字原生商业操作系统' }).click();
        expect((await posted()).at(-1)?.view).toBe('tmall.scenarios.Overview');
        await show(await diagram({ view: 'tmall.scenarios.Overview', scenario: '' }));
        expect(await crumbs()).toEqual(['数字原生商业操作系统']);
        expect(await page.locator('#breadcrumb vscode-button[title="Back"]').getAttribute('disabled')).not.toBeNull();
        expect(consoleErrors).toEqual([]);
    }, 120_000);

    it('shows a banner over the last picture when the focused declaration is gone', async () => {
        const count = await page.locator('#canvas [data-node]').count();
        await send(await diagram({ view: 'focus:tmall.platforms.Business.Gone' }));
        await expect.poll(() => page.locator('#banner').textContent()).toBe(
            "no declaration named 'tmall.platforms.Business.Gone' to focus on (it may have been renamed or deleted)",
        );
        expect(await page.locator('#banner').isVisible()).toBe(true);
        expect(await page.locator('#canvas [data-node]').count()).toBe(count);
        expect(
            await page.locator('vscode-dropdown').first().evaluate(el => (el as HTMLElement & { value: string }).value),
        )
            .toBe('tmall.scenarios.Overview');
    });

    it("keeps a container's header a target when zoomed far out", async () => {
        const overview = await diagram({ view: 'Overview' });
        await show(overview);
        for (let i = 0; i < 6; i++) await page.locator('vscode-button[title="Zoom out"]').click();
        const container = box(overview, 'focus:tmall.platforms.Business');
        const r = (await container.locator('rect').first().boundingBox())!;
        // The title lines are now about 4 px high; a 16 px strip (where no box inside is) still opens the focus.
        expect(r.height).toBeLessThan(60);
        // Where no box inside is: found along the strip from the right, whatever the layout put there.
        const id = await container.getAttribute('data-node');
        const x = await page.evaluate(({ r, id }) => {
            for (let x = r.x + r.width - 3; x > r.x; x--) {
                if (document.elementFromPoint(x, r.y + 9)?.closest('[data-node]')?.getAttribute('data-node') === id) {
                    return x;
                }
            }
            return undefined;
        }, { r, id });
        expect(x).toBeDefined();
        await page.mouse.click(x!, r.y + 9);
        expect((await posted()).at(-1)).toEqual({
            type: 'choose',
            view: 'focus:tmall.platforms.Business',
            scenario: '',
        });
        // The focus view arrives fitted to the window, not at the zoom it was opened from.
        const scale = () =>
            page.evaluate(() => new DOMMatrix(getComputedStyle(document.getElementById('canvas')!).transform).a);
        const zoomed = await scale();
        await show(await diagram({ view: 'focus:tmall.platforms.Business', scenario: '' }));
        expect(await scale()).toBeGreaterThan(zoomed * 3);
    }, 60_000);

    it('keeps hostile titles in the breadcrumb and the sequence as text, under the CSP', async () => {
        const payload = '<img src=x onerror="window.__pwned=1">';
        const model = [
            'package evil',
            `actor U ${JSON.stringify(payload)}`,
            `platform P ${JSON.stringify(payload)} : business { capability C ${JSON.stringify(payload)} }`,
            `flow F ${JSON.stringify(payload)} { from U  step P.C  step P.Nothing }`,
        ].join('\n');
        const focus = await diagram({ view: 'focus:evil.P' }, model);
        await show(focus);
        await expect.poll(() => page.locator('#breadcrumb [aria-current="page"]').textContent()).toBe(
            `Focus: ${payload}`,
        );
        const flow = await diagram({ view: 'flow:evil.F' }, model);
        await show(flow);
        expect(await page.locator('#banner').textContent()).toBe(
            '1 step of evil.F names no capability and is left out: P.Nothing',
        );
        expect(await page.locator('#canvas svg').textContent()).toContain(payload);
        expect(await page.locator('#breadcrumb [aria-current="page"]').textContent()).toBe(`Flow: ${payload}`);
        expect(await page.locator('img').count()).toBe(0);
        expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
        expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
        expect(consoleErrors).toEqual([]);
    });
});
