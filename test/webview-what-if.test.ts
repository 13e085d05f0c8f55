// The preview's what-if, edge labels, find and keyboard in a real headless Chromium:
// the page asks, the server's own diagram request answers, the page draws.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiagramParams, DiagramResult } from '../src/lsp/protocol.js';
import { exampleServer, openPreview, type PreviewPage } from './preview-page.js';

let p: PreviewPage;
let server: Awaited<ReturnType<typeof exampleServer>>;
const TRADE: DiagramParams = { view: 'TradeChain', theme: 'light' };
const PLACE_ORDER = 'tmall.platforms.Business.PlaceOrder';

/** Where each box is drawn: a what-if must not move any. */
const geometry = () =>
    p.page.evaluate(() =>
        [...document.querySelectorAll('#canvas [data-node]')].map(g => `${g.id} ${g.getAttribute('transform')}`)
    );
const box = (label: string) => p.page.locator('#canvas [data-node]').filter({ hasText: label }).first();
const statusOf = async (label: string) =>
    /bos-status-(\w+)/.exec((await box(label).locator('rect').first().getAttribute('class')) ?? '')?.[1];
const lastWhatIf = async () => (await p.posted()).filter(m => m.type === 'whatIf').at(-1);

async function show(d: DiagramResult): Promise<void> {
    await p.send({ type: 'diagram', diagram: d });
    // The message is a task queued before this one: once it has run, the page has drawn.
    await p.page.evaluate(() => new Promise(r => setTimeout(r, 0)));
}

beforeAll(async () => {
    [p, server] = await Promise.all([openPreview(), exampleServer()]);
}, 60_000);

afterAll(async () => {
    await p?.close();
});

describe('live what-if in the preview', () => {
    it('slides the peak to ×1.3: PlaceOrder turns red first, s* and the flows follow, no box moves', async () => {
        await show(await server.diagram(TRADE));
        await p.page.waitForSelector('#canvas [data-node]');
        const before = await geometry();
        expect(await statusOf('下单')).toBe('headroom');
        // The slider asks the server; the page computes nothing.
        await p.page.locator('#bos-scale').fill('1.3');
        await expect.poll(lastWhatIf).toEqual({ type: 'whatIf', whatIf: { scale: 1.3, sets: [] } });
        const whatIf = (await lastWhatIf())!.whatIf as DiagramParams['whatIf'];
        const started = performance.now();
        const d = await server.diagram({ ...TRADE, whatIf });
        await show(d);
        await expect.poll(() => statusOf('下单')).toBe('overload');
        console.log(`what-if ×1.3 answered and drawn in ${(performance.now() - started).toFixed(0)} ms`);
        // Only PlaceOrder crosses 100% at ×1.3: it is the bottleneck s* ×1.11 named.
        const red = await p.page.locator('#canvas [data-node]:has(> rect.bos-status-overload)').allTextContents();
        expect(red).toHaveLength(1);
        expect(red[0]).toContain('下单');
        expect(await box('下单').locator('[class^="bos-load-"]').textContent()).toBe('757.9k/s · 116.6% · saturated');
        expect(await geometry()).toEqual(before);
        expect(await p.page.locator('vscode-option', { hasText: '双11零点峰值' }).textContent()).toBe(
            '双11零点峰值 (2020) · s* ×0.858',
        );
        await expect.poll(() => p.page.locator('#whatif').textContent()).toContain('every load ×1.3');
        expect(await p.page.locator('#whatif .bos-flow-saturated').count()).toBeGreaterThan(0);
        expect(await p.page.locator('#banner').isHidden()).toBe(true);
        await p.page.locator('#bos-copy-what-if').click();
        expect((await p.posted()).at(-1)).toEqual({ type: 'copyWhatIf' });
        expect(d.whatIf?.command).toBe('bos analyze --scale 1.3');
    });

    it('sets a capacity from the box menu, and says what the server refused in a banner', async () => {
        await box('下单').click({ button: 'right' });
        await expect.poll(() => p.page.locator('#box-menu').isVisible()).toBe(true);
        expect(await p.page.locator('#box-menu [role="menuitem"]').allTextContents()).toEqual([
            'Set instances…',
            'Set capacity…',
        ]);
        // A right click opens the menu; it does not reveal.
        expect((await p.posted()).at(-1)?.type).not.toBe('reveal');
        await p.page.keyboard.press('ArrowDown');
        await p.page.keyboard.press('Enter');
        await p.page.locator('#box-menu input').fill('1M/s');
        await p.page.keyboard.press('Enter');
        const asked = { scale: 1.3, sets: [{ name: PLACE_ORDER, property: 'capacity', value: '1M/s' }] };
        await expect.poll(lastWhatIf).toEqual({ type: 'whatIf', whatIf: asked });
        expect(await p.page.locator('#box-menu').isHidden()).toBe(true);
        const d = await server.diagram({ ...TRADE, whatIf: asked as DiagramParams['whatIf'] });
        expect(d.whatIf?.command).toBe(`bos analyze --scale 1.3 --set ${PLACE_ORDER}.capacity=1M/s`);
        await show(d);
        await expect.poll(() => statusOf('下单')).toBe('ok');
        expect(await box('下单').locator('[class^="bos-load-"]').textContent()).toMatch(/^757.9k\/s · 75.8% · /);
        expect(await p.page.locator('#whatif .bos-chip-set').textContent()).toBe('PlaceOrder capacity 1M/s ✕');
        // A value the server refuses: the picture stays, a banner says why.
        const refused = await server.diagram({
            ...TRADE,
            whatIf: { scale: 1.3, sets: [{ name: PLACE_ORDER, property: 'instances', value: 'lots' }] },
        });
        await show(refused);
        await expect.poll(() => p.page.locator('#banner').textContent()).toMatch(
            /^what-if not applied: --set .*PlaceOrder\.instances=lots: instances 'lots' is not/,
        );
        expect(await p.page.locator('#canvas [data-node]').count()).toBe(refused.nodes.length);
        const negative = await server.diagram({ ...TRADE, whatIf: { scale: -1 } });
        await show(negative);
        await expect.poll(() => p.page.locator('#banner').textContent()).toBe(
            'what-if not applied: a what-if scale is a number from 0 to 1000, not -1',
        );
    });

    it('warns in a banner when a what-if saturates every node, and keeps the picture', async () => {
        const all = await server.diagram({ ...TRADE, whatIf: { scale: 1000 } });
        expect(all.whatIf?.saturatesAll).toBe(true);
        await show(all);
        await expect.poll(() => p.page.locator('#banner').textContent()).toMatch(/overloads every node/);
        expect(await p.page.locator('#canvas [data-node]').count()).toBe(all.nodes.length);
        await p.page.locator('vscode-button[title="Reset the what-if"]').click();
        await expect.poll(lastWhatIf).toEqual({ type: 'whatIf', whatIf: { scale: 1, sets: [] } });
    });
});

describe('edge labels', () => {
    it('labels each load-carrying edge with its load and weight, behind a toggle that starts off above 200 edges', async () => {
        // The platform's 17 `runs on` are one bundle; expanded, each member has its own label.
        const d = await server.diagram({
            ...TRADE,
            expand: ['bundle:tmall.platforms.Business->tmall.cloud.AlibabaCloud'],
        });
        await show(d);
        const labels = p.page.locator('#canvas .bos-edge-label');
        await expect.poll(() => labels.count()).toBeGreaterThan(0);
        const texts = await labels.allTextContents();
        for (const t of texts) expect(t).toMatch(/^[\d.]+[kMB]?\/s( ×[\d.]+)?$/);
        expect(texts.some(t => / ×\d/.test(t))).toBe(true);
        expect(await labels.first().isVisible()).toBe(true);
        await p.page.locator('#bos-edge-labels').click();
        await expect.poll(() => labels.first().isVisible()).toBe(false);
        await p.page.locator('#bos-edge-labels').click();
        await expect.poll(() => labels.first().isVisible()).toBe(true);
        // Without an overlay there is nothing to label.
        await show(await server.diagram({ ...TRADE, scenario: '' }));
        await expect.poll(() => labels.count()).toBe(0);
    });

    it('starts with edge labels off for a picture of more than 200 edges', async () => {
        const fresh = await openPreview();
        try {
            const d = await server.diagram(TRADE);
            await fresh.send({ type: 'diagram', diagram: { ...d, edgeCount: 201 } });
            await fresh.page.waitForSelector('#canvas .bos-edge-label', { state: 'attached' });
            expect(await fresh.page.locator('#canvas .bos-edge-label').first().isVisible()).toBe(false);
            expect(await fresh.page.locator('#bos-edge-labels').evaluate(el => (el as HTMLInputElement).checked))
                .toBe(false);
        } finally {
            await fresh.close();
        }
    });
});

describe('find and keyboard', () => {
    const centreOffset = (label: string) =>
        box(label).evaluate(g => {
            const r = g.getBoundingClientRect(), v = document.getElementById('viewport')!.getBoundingClientRect();
            return Math.hypot(
                r.left + r.width / 2 - (v.left + v.width / 2),
                r.top + r.height / 2 - (v.top + v.height / 2),
            );
        });

    it('finds a box by title or name in any script with Ctrl+F, and centres it', async () => {
        await show(await server.diagram(TRADE));
        await p.page.locator('#viewport').click({ position: { x: 5, y: 5 } });
        await p.page.keyboard.press('Control+f');
        expect(await p.page.evaluate(() => document.activeElement?.id)).toBe('bos-find');
        await p.page.keyboard.type('下单');
        await expect.poll(() => p.page.locator('#canvas .bos-found').textContent()).toContain('下单');
        expect(await centreOffset('下单')).toBeLessThan(2);
        expect(await p.page.locator('.bos-find-count').textContent()).toBe('1 of 1');
        // By qualified name, ignoring case and width: fullwidth ｐａｙ finds Pay.
        await p.page.locator('#bos-find').fill('ｐａｙ');
        await expect.poll(() => p.page.locator('#canvas .bos-found').textContent()).toContain('支付');
        await p.page.locator('#bos-find').fill('no such box');
        expect(await p.page.locator('.bos-find-count').textContent()).toBe('no match');
        await p.page.keyboard.press('Escape');
        expect(await p.page.evaluate(() => document.activeElement?.id)).toBe('viewport');
    });

    it('walks the boxes with Tab and the arrows, reads their ARIA labels, reveals with Enter', async () => {
        await p.page.keyboard.press('Tab');
        // A bundle's count is a stop too (webview-bundles.test.ts): its id is its `data-bundle`.
        const focused = () =>
            p.page.evaluate(() => ({
                id: document.activeElement?.getAttribute('data-node')
                    ?? document.activeElement?.getAttribute('data-bundle'),
                label: document.activeElement?.getAttribute('aria-label'),
                role: document.activeElement?.getAttribute('role'),
            }));
        const first = await focused();
        expect(first.id).toMatch(/^n\d+$/);
        expect(first.role).toBe('button');
        await p.page.keyboard.press('Tab');
        const second = await focused();
        expect(second.id).not.toBe(first.id);
        await p.page.keyboard.press('Shift+Tab');
        expect((await focused()).id).toBe(first.id);
        // Down from the top lands on a box below it.
        // Measured within the picture: focusing a box pans it to the middle of the window.
        const topInPicture = () =>
            p.page.evaluate(() =>
                document.activeElement!.getBoundingClientRect().top
                - document.querySelector('#canvas svg')!.getBoundingClientRect().top
            );
        const top = await topInPicture();
        await p.page.keyboard.press('ArrowDown');
        const below = await focused();
        expect(await topInPicture()).toBeGreaterThan(top);
        await p.page.keyboard.press('Enter');
        const bundle = below.id?.startsWith('bundle:');
        expect((await p.posted()).at(-1)).toEqual(
            bundle ? { type: 'expand', bundles: [below.id] } : { type: 'reveal', node: below.id },
        );
        // Every box is labelled from its own lines.
        await box('下单').focus();
        expect((await focused()).label).toBe('下单, capability, 583k/s · 89.7% · R 153ms');
        // The menu key opens the box's menu; Escape gives the focus back.
        await p.page.keyboard.press('Shift+F10');
        await expect.poll(() => p.page.locator('#box-menu').isVisible()).toBe(true);
        await p.page.keyboard.press('Escape');
        expect((await focused()).label).toContain('下单');
        expect(await p.csp()).toEqual([]);
        expect(p.errors).toEqual([]);
    });

    it('keeps the focused box focused across a what-if redraw', async () => {
        await box('下单').focus();
        await show(await server.diagram({ ...TRADE, whatIf: { scale: 1.2 } }));
        await expect.poll(() => p.page.evaluate(() => document.activeElement?.textContent)).toContain('下单');
    });
});

describe('hostile labels in the new controls', () => {
    it('shows a hostile title in the box menu and find as text; nothing runs', async () => {
        const payload = '<img src=x onerror="window.__pwned=1">';
        const hostile = await exampleServer(
            `package evil\ninfrastructure I { resource R ${JSON.stringify(payload)} : compute { capacity 1k/s } }\n`
                + 'view Evil { include I.R }\n',
        );
        await show(await hostile.diagram({ view: 'Evil', theme: 'light' }));
        await box(payload).click({ button: 'right' });
        await p.page.locator('#box-menu [role="menuitem"]').first().click();
        expect(await p.page.locator('#box-menu label').textContent()).toBe(`instances of ${payload}`);
        await p.page.keyboard.press('Escape');
        await p.page.locator('#bos-find').fill('<img');
        await expect.poll(() => p.page.locator('.bos-find-count').textContent()).toBe('1 of 1');
        expect(await p.page.locator('img').count()).toBe(0);
        expect(await p.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
        expect(await p.csp()).toEqual([]);
    });
});

describe('high contrast', () => {
    /** WCAG contrast ratio of two computed `rgb(…)` colours. */
    function contrast(a: string, b: string): number {
        const lum = (c: string) => {
            const [r, g, bl] = c.match(/[\d.]+/g)!.slice(0, 3).map(Number).map(v => {
                const s = v / 255;
                return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
            });
            return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
        };
        const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
        return (hi + 0.05) / (lo + 0.05);
    }

    for (
        const [bodyClass, theme] of [['vscode-high-contrast', 'dark'], ['vscode-high-contrast-light', 'light']] as const
    ) {
        it(`${bodyClass}: every line of every box reads at 7:1 or better`, async () => {
            const hc = await openPreview(bodyClass);
            try {
                await hc.send({ type: 'diagram', diagram: await server.diagram({ ...TRADE, theme }) });
                await hc.page.waitForSelector('#canvas [data-node]');
                const pairs = await hc.page.evaluate(() =>
                    [...document.querySelectorAll('#canvas [data-node]')].flatMap(g => {
                        const fill = getComputedStyle(g.querySelector('rect')!).fill;
                        return [...g.querySelectorAll(':scope > text')].map(t => ({
                            text: t.textContent,
                            fg: getComputedStyle(t).fill,
                            bg: fill,
                        }));
                    })
                );
                expect(pairs.length).toBeGreaterThan(10);
                const poor = pairs.filter(x => contrast(x.fg, x.bg) < 7);
                expect(poor).toEqual([]);
                expect(hc.errors).toEqual([]);
            } finally {
                await hc.close();
            }
        });
    }
});
