// The site `bos site` writes, opened from file:// in a real headless Chromium with the
// network cut off: no request, no console error, no CSP violation; walking views with
// the back button, the slider and per-node what-if, search, and hostile labels.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { factor, percent, rate } from '../src/analysis/format.js';
import { bos, needsBuild } from './bos-process.js';
import { analyzeJson, siteData, WHAT_IF } from './site-helpers.js';
import { tempDir, tempFiles } from './temp.js';
import { CHROMIUM_ARGS } from './webview-server.js';

const HOSTILE_TITLE = '<img src=x onerror=alert(1)>';
const HOSTILE_TEXT = '</script><script>alert(2)</script><!-- x';
const HOSTILE = `element Evil "${HOSTILE_TITLE}" : sales {
  description "${HOSTILE_TEXT}"
  uses P.C
}
platform P "平台" : business { capability C "</script>" { runs on I.R; capacity 10/s } }
infrastructure I { resource R : compute { capacity 100/s } }
flow F { step P.C }
scenario S { load F 5/s }
view 平台视图 "平台 <b>视图</b>" { include P.* }
`;

const BROKEN = `platform P : business {
  capability A { calls B; capacity 10/s }
  capability B { calls A }
}
flow F { step P.A }
scenario S { load F 1/s }
element E : sales { uses P.A
element "unnamed
`;

let context: BrowserContext;
let page: Page;
const requests: string[] = [];
const problems: string[] = [];
const dialogs: string[] = [];
let example: string;
let hostile: string;
let broken: string;

const PLACE_ORDER = 'tmall.platforms.Business.PlaceOrder';
const BUSINESS = 'tmall.platforms.Business';
const SALES = 'tmall.commerce.Sales';
const visible = (p: Page) => p.locator('section.page:not([hidden])');
const box = (p: Page, id: string) => visible(p).locator(`g[data-node="n${nodeIndex(id)}"]`);
let nodeIndex: (id: string) => number;

async function open(file: string, hash = ''): Promise<void> {
    await page.goto(pathToFileURL(file).href + hash);
    await page.waitForSelector('#summary');
}

/** Opens the example at `hash` and moves the slider to ×1.2: PlaceOrder's box turns from headroom to overload. */
async function overloadPlaceOrder(hash: string) {
    await open(example, hash);
    const rect = box(page, PLACE_ORDER).locator('rect').first();
    expect(await rect.getAttribute('class')).toContain('bos-status-headroom');
    await page.locator('#scale').fill('1.2');
    expect(await rect.getAttribute('class')).toContain('bos-status-overload');
    return rect;
}

beforeAll(async () => {
    needsBuild();
    const dir = tempDir('site-page');
    const built = bos(dir, ['site', resolve('examples/double11'), '-o', 'example.html']);
    expect(built.code, built.err).toBe(0);
    example = join(dir, 'example.html');
    const evil = tempFiles('site-hostile', { 'evil.bos': HOSTILE });
    expect(bos(evil, ['site', '.', '-o', 'evil.html']).code).toBe(0);
    hostile = join(evil, 'evil.html');
    // A cycle (no analysis) and a file cut off mid-declaration (syntax errors): still a site.
    const bad = tempFiles('site-broken', { 'broken.bos': BROKEN });
    expect(bos(bad, ['site', '.', '-o', 'broken.html']).code).toBe(1);
    broken = join(bad, 'broken.html');
    const data = siteData(readFileSync(example, 'utf8'));
    nodeIndex = id => data.model.nodes.findIndex(n => n.id === id);
    context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'bos-chromium-')), {
        executablePath: '/usr/bin/chromium',
        headless: true,
        args: CHROMIUM_ARGS,
        viewport: { width: 1400, height: 900 },
        offline: true,
    });
    // The site's own file is the one request allowed; any other is recorded and refused.
    const sites = [example, hostile, broken].map(f => pathToFileURL(f).href);
    await context.route('**/*', route => {
        const r = route.request();
        if (r.isNavigationRequest() && sites.includes(r.url().replace(/#.*$/, ''))) return route.continue();
        requests.push(r.url());
        return route.abort();
    });
    await context.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', e => {
            console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
        });
    });
    page = await context.newPage();
    page.on('console', m => {
        if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', e => problems.push(e.message));
    page.on('dialog', d => {
        dialogs.push(d.message());
        void d.dismiss();
    });
}, 120_000);

afterAll(async () => {
    await context?.close();
});

describe('the site in Chromium, offline', () => {
    it('opens from file:// with no request, no console error and no CSP violation', async () => {
        await open(example);
        expect(await visible(page).locator('h2').textContent()).toBe('数字原生商业操作系统');
        expect(await visible(page).locator('svg [data-node]').count()).toBeGreaterThan(20);
        // The stylesheet applied under the CSP: boxes are filled, not black.
        const fill = await visible(page).locator('.bos-box-commerce').first().evaluate(e => getComputedStyle(e).fill);
        expect(fill).toBe('rgb(221, 244, 255)');
        expect(await page.locator('#saturation').textContent()).toBe('s* ×1.11 bottleneck 下单');
        expect(requests).toEqual([]);
        expect(problems).toEqual([]);
    });

    it('walks overview → platforms → trade chain → a box → its flow, and back with the browser', async () => {
        await open(example);
        await page.locator('#views a', { hasText: '四大中台' }).click();
        await expect.poll(() => page.url()).toMatch(/#view=tmall\.scenarios\.Platforms$/);
        await expect.poll(() => visible(page).locator('h2').textContent()).toBe('四大中台');
        await page.locator('#views a', { hasText: '交易链路' }).click();
        // The page changes on hashchange, after the click returns: the box is clicked where it is shown.
        await expect.poll(() => visible(page).locator('h2').textContent()).toBe('交易链路');
        await box(page, PLACE_ORDER).click();
        await expect.poll(() => decodeURIComponent(page.url())).toMatch(
            /#view=tmall\.scenarios\.TradeChain&node=.*\.PlaceOrder$/,
        );
        const details = page.locator('#details');
        await expect.poll(() => details.locator('h2').textContent()).toBe('下单');
        expect(await details.locator('dd').allTextContents()).toEqual(
            expect.arrayContaining(['capability', '650k/s', '150ms', '1000']),
        );
        expect(await details.locator('.numbers').textContent()).toContain('583k/s89.7%');
        expect(await details.locator('li').allTextContents()).toEqual(
            expect.arrayContaining(['calls 库存预扣', '销售', '下单链路']),
        );
        // → the flow: its latency against its SLO, and its steps.
        await page.locator('#summary a', { hasText: '下单链路' }).click();
        await expect.poll(() => decodeURIComponent(page.url())).toMatch(
            /#view=tmall\.scenarios\.TradeChain&node=tmall\.scenarios\.Checkout$/,
        );
        await expect.poll(() => details.locator('h2').textContent()).toBe('下单链路');
        expect(await details.locator('.numbers td').allTextContents()).toEqual(
            expect.arrayContaining(['583k/s', '401ms', 'SLO 500ms']),
        );
        expect(await details.locator('li').allTextContents()).toEqual(
            expect.arrayContaining(['step 下单', 'step 支付']),
        );
        await page.goBack();
        await expect.poll(() => details.locator('h2').textContent()).toBe('下单');
        await page.goBack();
        await expect.poll(() => details.locator('h2').count()).toBe(0);
        await expect.poll(() => visible(page).locator('h2').textContent()).toBe('交易链路');
        await page.goBack();
        await expect.poll(() => visible(page).locator('h2').textContent()).toBe('四大中台');
        await page.goBack();
        await expect.poll(() => visible(page).locator('h2').textContent()).toBe('数字原生商业操作系统');
        // A finding's link shows its box where it is drawn.
        await page.locator('#findings summary').click();
        await page.locator('#findings a', { hasText: PLACE_ORDER }).first().click();
        await expect.poll(() => details.locator('h2').textContent()).toBe('下单');
        expect(await page.locator('.bos-node.found').count()).toBe(1);
        expect(problems).toEqual([]);
    });

    it('recolours a box when the load slider moves past its capacity', async () => {
        const rect = await overloadPlaceOrder('#view=tmall.scenarios.TradeChain');
        expect(await box(page, PLACE_ORDER).locator('[class^="bos-load-"]').textContent()).toMatch(
            /^699.6k\/s · 107.6%/,
        );
        expect(await page.locator('#saturation').textContent()).toBe('s* ×0.929 bottleneck 下单');
        await page.locator('#reset').click();
        expect(await rect.getAttribute('class')).toContain('bos-status-headroom');
    });

    it('lists a bundle’s member relations on a click, each end a link to its box, the loads following the slider', async () => {
        await open(example);
        const bundle = visible(page).locator(
            'g[data-bundle="bundle:tmall.platforms.Business->tmall.cloud.AlibabaCloud"]',
        );
        const count = bundle.locator('text.bos-bundle-label');
        const before = await count.textContent();
        expect(before).toMatch(/^17 runs on · [\d.]+[kM]?\/s$/);
        await bundle.click();
        const details = page.locator('#details');
        expect(await details.locator('h2').textContent()).toBe(before);
        expect(await details.locator('p.hint').textContent()).toBe('from 业务中台 to 阿里云, drawn as one line');
        const rows = details.locator('table.bundle-members tr');
        expect(await rows.count()).toBe(17);
        const order = rows.filter({ hasText: '下单' }).first();
        expect(await order.locator('td').allTextContents()).toEqual([
            '下单',
            '→',
            expect.any(String),
            'runs on',
            expect.stringMatching(/^[\d.]+[kM]?\/s$/),
        ]);
        // The page's own what-if moves the count's load and the members' without a new layout.
        await page.locator('#scale').fill('2');
        await expect.poll(() => count.textContent()).not.toBe(before);
        expect(await details.locator('h2').textContent()).toBe(await count.textContent());
        await order.locator('a').first().click();
        await expect.poll(() => details.locator('h2').textContent()).toBe('下单');
        expect(await box(page, PLACE_ORDER).getAttribute('class')).toContain('found');
        expect(problems).toEqual([]);
    });

    it('walks a page with the keyboard: Tab, arrows, Enter selects, the menu key opens the what-if, Enter lists a bundle', async () => {
        await open(example);
        const active = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null);
        // One stop in the tab order, every box a labelled button.
        expect(await visible(page).locator('[data-node][tabindex="0"], [data-bundle][tabindex="0"]').count()).toBe(1);
        expect(await box(page, PLACE_ORDER).getAttribute('role')).toBe('button');
        expect(await box(page, PLACE_ORDER).getAttribute('aria-label')).toMatch(/^下单, capability/);
        // The arrow goes to the nearest stop drawn lower, Tab to the next in reading order (both scroll it into view).
        const below = () =>
            box(page, PLACE_ORDER).evaluate(from =>
                document.activeElement!.getBoundingClientRect().top - from.getBoundingClientRect().top
            );
        await box(page, PLACE_ORDER).focus();
        await page.keyboard.press('ArrowDown');
        expect(await below()).toBeGreaterThan(0);
        await box(page, PLACE_ORDER).focus();
        await page.keyboard.press('Tab');
        expect(await active()).not.toMatch(/^下单/);
        expect(await below()).toBeGreaterThanOrEqual(0);
        await box(page, SALES).focus();
        await page.keyboard.press('Enter');
        await expect.poll(() => page.locator('#details h2').textContent()).toBe('销售');
        expect(decodeURIComponent(page.url())).toContain(`&node=${SALES}`);
        // The focus stays on the box the details are of.
        expect(await active()).toMatch(/^销售, element/);
        await box(page, PLACE_ORDER).focus();
        await page.keyboard.press('ContextMenu');
        await expect.poll(() => page.evaluate(() => document.activeElement?.closest('fieldset.whatif') !== null))
            .toBe(true);
        expect(await page.locator('#details h2').textContent()).toBe('下单');
        const bundle = visible(page).locator(
            'g[data-bundle="bundle:tmall.platforms.Business->tmall.cloud.AlibabaCloud"]',
        );
        await bundle.focus();
        await page.keyboard.press('Enter');
        await expect.poll(() => page.locator('#details table.bundle-members tr').count()).toBe(17);
        expect(problems).toEqual([]);
    });

    it('drills overview → a platform by its header → a flow’s sequence, and back with the browser', async () => {
        await open(example);
        // The header strip of the container, not a box inside it.
        await box(page, BUSINESS).click({ position: { x: 60, y: 10 } });
        expect(decodeURIComponent(page.url())).toMatch(/#view=focus:tmall\.platforms\.Business$/);
        await expect.poll(() => visible(page).locator('h2').textContent()).toBe('Focus: 业务中台');
        expect(await box(page, PLACE_ORDER).count()).toBe(1);
        // A box inside it selects it; its flow's details link to the flow's sequence page.
        await box(page, PLACE_ORDER).click();
        const details = page.locator('#details');
        await expect.poll(() => details.locator('h2').textContent()).toBe('下单');
        await details.locator('li a', { hasText: '下单链路' }).click();
        await expect.poll(() => details.locator('h2').textContent()).toBe('下单链路');
        await details.locator('a.drill', { hasText: 'Sequence view' }).click();
        expect(decodeURIComponent(page.url())).toMatch(/#view=flow:tmall\.scenarios\.Checkout$/);
        const sequence = visible(page).locator('svg.bos-sequence');
        await expect.poll(() => sequence.locator('text', { hasText: /^R\(F\) / }).first().textContent()).toBe(
            'R(F) 401ms',
        );
        expect(await sequence.locator('.bos-seq-row').count()).toBeGreaterThan(3);
        await page.goBack();
        await expect.poll(() => details.locator('h2').textContent()).toBe('下单链路');
        await expect.poll(() => visible(page).locator('h2').textContent()).toBe('Focus: 业务中台');
        await page.goBack();
        await page.goBack();
        await expect.poll(() => visible(page).locator('h2').textContent()).toBe('Focus: 业务中台');
        await page.goBack();
        await expect.poll(() => visible(page).locator('h2').textContent()).toBe('数字原生商业操作系统');
        // Alt+click drills into any box with a focus page; the details link to it too.
        await box(page, SALES).click({ modifiers: ['Alt'] });
        expect(decodeURIComponent(page.url())).toMatch(/#view=focus:tmall\.commerce\.Sales$/);
        await page.goBack();
        await box(page, SALES).click();
        await page.locator('#details a.drill', { hasText: 'Focus view' }).click();
        await expect.poll(() => visible(page).locator('h2').textContent()).toBe('Focus: 销售');
        // A capability has no page of its own: its details link to its platform's.
        await box(page, PLACE_ORDER).click();
        await page.locator('#details a.drill', { hasText: 'Focus view of 业务中台' }).click();
        await expect.poll(() => visible(page).locator('h2').textContent()).toBe('Focus: 业务中台');
        expect(requests).toEqual([]);
        expect(problems).toEqual([]);
    });

    it('recolours a focus page with the slider, and draws a flow’s waterfall again', async () => {
        const rect = await overloadPlaceOrder('#view=focus%3Atmall.platforms.Business');
        // Red (#cf222e), as the stylesheet colours an overload.
        expect(await rect.evaluate(e => getComputedStyle(e).stroke)).toBe('rgb(207, 34, 46)');
        // The sequence page follows the same what-if: past capacity the flow saturates.
        await page.locator('#views a[data-page="view=flow%3Atmall.scenarios.Checkout"]').click();
        const total = visible(page).locator('svg.bos-sequence text', { hasText: /^R\(F\) / }).first();
        await expect.poll(() => total.textContent()).toBe('R(F) saturated');
        await page.locator('#scale').fill('1');
        await expect.poll(() => total.textContent()).toBe('R(F) 401ms');
        expect(problems).toEqual([]);
    });

    it('shows the numbers of bos analyze --scale --set for a per-node what-if', async () => {
        const scenario = analyzeJson(resolve('examples/double11'), ['--scenario', 'Double11Peak', ...WHAT_IF.flags])
            .scenarios[0];
        const node = scenario.nodes.find((n: { name: string }) => n.name === PLACE_ORDER);
        await open(example, `#view=tmall.scenarios.TradeChain&node=${PLACE_ORDER}`);
        await page.locator('#scale').fill(String(WHAT_IF.scale));
        await page.locator('[data-whatif="instances"]').fill(String(WHAT_IF.instances));
        await page.locator('[data-whatif="instances"]').dispatchEvent('change');
        await page.locator('[data-whatif="capacity"]').fill(String(WHAT_IF.capacity));
        await page.locator('[data-whatif="capacity"]').dispatchEvent('change');
        const text = await box(page, PLACE_ORDER).locator('[class^="bos-load-"]').textContent();
        expect(text).toBe(`${rate(node.load)} · ${percent(node.utilisation)} · R 150ms`);
        expect(await box(page, PLACE_ORDER).locator('rect').first().getAttribute('class')).toContain(
            `bos-status-${node.status}`,
        );
        expect(await page.locator('#saturation').textContent()).toBe(
            `s* ${factor(scenario.saturation)} bottleneck 下单`,
        );
        // The input keeps the value it was given after the panel is drawn again.
        expect(await page.locator('[data-whatif="instances"]').inputValue()).toBe('1200');
    });

    it('finds a declaration by its Chinese title', async () => {
        await open(example);
        await page.locator('#search').fill('预扣');
        const hits = page.locator('#results li a');
        expect(await hits.allTextContents()).toEqual(['库存预扣']);
        await hits.first().click();
        await expect.poll(() => page.locator('#details h2').textContent()).toBe('库存预扣');
        expect(await page.locator('#results').isHidden()).toBe(true);
        expect(await page.locator('.bos-node.found').count()).toBe(1);
    });

    it('opens a site of a broken model: findings open on top, the analysis skipped with its reason', async () => {
        await open(broken);
        expect(await page.locator('#findings').getAttribute('open')).toBe('');
        expect(await page.locator('#findings li .severity', { hasText: 'error' }).count()).toBeGreaterThan(1);
        expect(await page.locator('#findings code').allTextContents()).toEqual(
            expect.arrayContaining(['bos/syntax', 'bos/cycle']),
        );
        expect(await page.locator('#summary').textContent()).toMatch(
            /^scenario analysis skipped while a dependency cycle/,
        );
        await page.locator('#scale').fill('2');
        await visible(page).locator('g[data-node]').filter({ has: page.locator('text.bos-text', { hasText: /^A$/ }) })
            .click();
        expect(await page.locator('#details h2').textContent()).toBe('A');
        expect(problems).toEqual([]);
    });

    it('shows hostile titles and descriptions as text', async () => {
        await open(hostile);
        const evil = visible(page).locator('g[data-node]', { hasText: HOSTILE_TITLE });
        expect(await evil.count()).toBe(1);
        await evil.click();
        expect(await page.locator('#details h2').textContent()).toBe(HOSTILE_TITLE);
        expect(await page.locator('#details dd', { hasText: 'alert(2)' }).textContent()).toBe(HOSTILE_TEXT);
        await page.locator('#search').fill('</script>');
        expect(await page.locator('#results li a').allTextContents()).toEqual(['</script>']);
        expect(await page.locator('img, b').count()).toBe(0);
        // A view named in Chinese has its own hash, and back returns to the whole model.
        await page.locator('#views a', { hasText: '平台 <b>视图</b>' }).click();
        await expect.poll(() => decodeURIComponent(page.url())).toMatch(/#view=平台视图$/);
        await expect.poll(() => visible(page).locator('h2').textContent()).toBe('平台 <b>视图</b>');
        await page.goBack();
        await expect.poll(() => visible(page).locator('h2').textContent()).toBe('Overview');
        // Its focus page and the flow's sequence, drawn in the page, show the labels as text too.
        await evil.click({ modifiers: ['Alt'] });
        await expect.poll(() => visible(page).locator('h2').textContent()).toBe(`Focus: ${HOSTILE_TITLE}`);
        expect(await visible(page).locator('g[data-node] text.bos-text', { hasText: HOSTILE_TITLE }).count()).toBe(1);
        await page.locator('#views a', { hasText: 'Flow: F' }).click();
        const sequence = visible(page).locator('svg.bos-sequence');
        const ROWS = ['step </script>', 'runs on R'];
        await expect.poll(() => sequence.locator('.bos-seq-row > text:first-of-type').allTextContents()).toEqual(ROWS);
        await page.locator('#scale').fill('2.5');
        expect(await sequence.locator('.bos-seq-row > text:first-of-type').allTextContents()).toEqual(ROWS);
        expect(await page.locator('img, b').count()).toBe(0);
        expect(await page.locator('script').count()).toBe(2);
        expect(dialogs).toEqual([]);
        expect(requests).toEqual([]);
        expect(problems).toEqual([]);
    });
});
