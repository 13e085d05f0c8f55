// The analysis panel (BOS: Show Scenario Analysis) in a real headless Chromium: the
// server's own answer, drawn by the real page under its CSP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepChart } from '../src/diagram/charts.js';
import { analysisPanel } from '../src/lsp/analysis-panel.js';
import { exampleFiles } from './example-files.js';
import { check } from './helpers.js';
import { openPreview, type PreviewPage } from './preview-page.js';

let p: PreviewPage;

beforeAll(async () => {
    p = await openPreview('vscode-light', 'analysis');
}, 60_000);

afterAll(async () => {
    await p?.close();
});

describe('the analysis panel', () => {
    it('shows per scenario the node table with bars by status, the cost, the flows and the sweep with its knee', async () => {
        const { result } = await check(exampleFiles());
        const answer = analysisPanel(result, 0.2, 'light');
        await p.send({ type: 'analysis', analysis: answer });
        await p.page.waitForSelector('.bos-scenario');
        expect(await p.page.locator('.bos-scenario h2').allTextContents()).toEqual(
            result.analysis.scenarios.map(s => s.scenario.title ?? s.scenario.name),
        );
        const peak = p.page.locator('.bos-scenario').filter({ hasText: '双11零点峰值 (2020)' });
        expect(await peak.locator('.bos-summary').textContent()).toBe(
            '3.68M/s transactions, headroom 20%, s* ×1.11, bottleneck 下单',
        );
        // PlaceOrder's row: 89.7% of its capacity, drawn as a bar of that length in the headroom colour.
        const row = peak.locator('tr.bos-row').filter({ hasText: '下单' }).first();
        expect(await row.locator('td').allTextContents()).toEqual(
            expect.arrayContaining(['下单', '583k/s', '650k/s', '89.7%', 'headroom']),
        );
        const bar = await row.locator('svg.bos-bar rect').nth(1).evaluate(r => ({
            width: (r as SVGRectElement).width.baseVal.value,
            fill: r.getAttribute('fill'),
        }));
        expect(bar.width).toBeCloseTo(120 * 0.897, 0);
        expect(bar.fill).toBe('#9a6700');
        expect(await peak.locator('.bos-cost').textContent()).toMatch(
            /^0\.1007 CNY per 10k transactions, budget 0\.5 CNY/,
        );
        expect(await peak.locator('caption', { hasText: 'Flows' }).count()).toBe(1);
        // The sweep: a line per flow shown, the bottleneck's utilisation, the knee marked.
        const chart = peak.locator('figure.bos-sweep svg');
        expect(await chart.locator('.bos-chart-flow').count()).toBeGreaterThan(0);
        expect(await chart.locator('.bos-chart-bottleneck').count()).toBe(1);
        expect(await chart.locator('.bos-chart-knee').count()).toBe(1);
        expect(await chart.textContent()).toMatch(/knee ×1\.\d/);
        // A click on a row reveals its declaration.
        await row.click();
        const id = await row.getAttribute('data-node');
        expect((await p.posted()).at(-1)).toEqual({ type: 'reveal', node: id });
        expect(answer.sources.find(s => s.id === id)?.name).toBe('tmall.platforms.Business.PlaceOrder');
        await row.press('Enter');
        expect((await p.posted()).filter(m => m.type === 'reveal')).toHaveLength(2);
        expect(await p.csp()).toEqual([]);
        expect(p.errors).toEqual([]);
    });

    it('says why there is nothing to show, and shows hostile names as text', async () => {
        const payload = '<img src=x onerror="window.__pwned=1">';
        const cycle = await check('element A : sales { uses B }\nelement B : sales { uses A }\n');
        await p.send({ type: 'analysis', analysis: analysisPanel(cycle.result, 0.2, 'dark') });
        await expect.poll(() => p.page.locator('#banner').textContent()).toMatch(/skipped while a dependency cycle/);
        const hostile = await check([
            `platform P : business { capability C ${JSON.stringify(payload)} { capacity 1k/s  latency 10ms } }`,
            `flow F ${JSON.stringify(payload)} { step P.C  slo 50ms }`,
            `scenario S ${JSON.stringify(payload)} { load F 800/s }`,
        ].join('\n'));
        await p.send({ type: 'analysis', analysis: analysisPanel(hostile.result, 0.2, 'light') });
        await expect.poll(() => p.page.locator('.bos-scenario h2').textContent()).toBe(payload);
        expect(await p.page.locator('#banner').isHidden()).toBe(true);
        expect(await p.page.locator('figure.bos-sweep').textContent()).toContain(payload);
        // A forged chart and odd messages change nothing and run nothing.
        await p.send({ type: 'analysis', analysis: { scenarios: [{ id: 'x', title: 1 }], sources: [] } });
        await p.send({ type: 'analysis', analysis: null });
        await p.send({
            type: 'analysis',
            analysis: {
                sources: [],
                scenarios: [{
                    id: 'x',
                    title: 'Forged',
                    summary: '',
                    nodes: [],
                    flows: [],
                    sweep: '<svg xmlns="http://www.w3.org/2000/svg"><script>window.__pwned=1</script></svg>',
                }],
            },
        });
        await expect.poll(() => p.page.locator('.bos-scenario h2').textContent()).toBe('Forged');
        expect(await p.page.locator('script:not([src])').count()).toBe(0);
        expect(await p.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
        expect(await p.page.locator('img').count()).toBe(0);
    });
});

describe('sweep chart', () => {
    it('draws nothing for fewer than two steps, and marks saturated steps', () => {
        const series = { scales: [1], bottleneck: [0.5], flows: [], knee: -1 };
        expect(sweepChart(series, 'light', 't')).toBe('');
        const svg = sweepChart(
            {
                scales: [1, 2, 3],
                bottleneck: [0.5, 1, 1.5],
                flows: [{ name: 'F', latency: [0.1, 0.3, null], saturated: [false, false, true], slo: 0.5 }],
                knee: 2,
            },
            'dark',
            'title <b>',
        );
        expect(svg).toContain('<title>title &lt;b&gt;</title>');
        expect(svg).toContain('>∞</text>');
        expect(svg).toContain('knee ×3');
        expect(svg).toContain('SLO 500ms');
    });
});
