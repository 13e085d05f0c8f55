// The bundled example and the README tour are part of the product: keep them valid.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CODES } from '../src/checks/codes.js';
import { exampleFiles } from './example-files.js';
import { brief, check } from './helpers.js';

describe('examples/double11', () => {
    it('has no errors, all four middle platforms and all eleven commerce elements', async () => {
        const c = await check(exampleFiles());
        expect(c.diagnostics.filter(d => d.severity === 'error')).toEqual([]);
        expect(brief(c)).toEqual(['bos/headroom@22', 'bos/headroom@47']);
        const nodes = c.result.model.nodes;
        expect(new Set(nodes.filter(n => n.keyword === 'platform').map(n => n.kind))).toEqual(
            new Set(['business', 'data', 'intelligence', 'collaboration']),
        );
        expect(new Set(nodes.filter(n => n.keyword === 'element').map(n => n.kind)).size).toBe(11);
    });

    it("reproduces the seed's figures: 583k orders/s, 1,457 times 2009's peak, cost per 10k down 80% since 2016", async () => {
        const { analysis } = (await check(exampleFiles())).result;
        const scenario = (name: string) => analysis.scenarios.find(s => s.scenario.name === name)!;
        const orders = (name: string) => scenario(name).flows.find(f => /Checkout/.test(f.flow.name))!.rate;
        const [peak, base] = [scenario('Double11Peak'), scenario('Baseline2016')];
        expect(peak.nodes.find(n => n.node.id === 'tmall.platforms.Business.PlaceOrder')!.load).toBe(583_000);
        expect(orders('Double11Peak')).toBe(583_000);
        expect(orders('Double11Peak') / orders('FirstDouble11')).toBeCloseTo(1_457, -1);
        expect(peak.overBudget).toBe(false);
        expect(base.overBudget).toBe(false);
        // The same chain of flows in both years, so the cost per transaction compares like with like.
        expect(new Set(peak.flows.map(f => f.flow.name.replace('2016', '')))).toEqual(
            new Set(base.flows.map(f => f.flow.name.replace('2016', ''))),
        );
        const fall = 1 - peak.costPer10k!.amount / base.costPer10k!.amount;
        expect(fall).toBeGreaterThan(0.78);
        expect(fall).toBeLessThan(0.82);
    });

    it('shows the checkout latency at the peak against its SLO, and how far the peak can grow', async () => {
        const { analysis } = (await check(exampleFiles())).result;
        const peak = analysis.scenarios.find(s => s.scenario.name === 'Double11Peak')!;
        const checkout = peak.flows.find(f => f.flow.name === 'Checkout')!;
        expect(checkout).toMatchObject({ status: 'ok', complete: true, slo: 0.5 });
        expect(checkout.latency).toBeGreaterThan(0.35);
        expect(checkout.latency).toBeLessThan(0.5);
        expect(peak.bottleneck?.id).toBe('tmall.platforms.Business.PlaceOrder');
        expect(peak.saturation).toBeCloseTo(650 / 583, 6);
    });
});

describe('README', () => {
    it('lists every diagnostic code with its severity', () => {
        const readme = readFileSync('README.md', 'utf8');
        for (const [code, { severity }] of Object.entries(CODES)) {
            expect(readme, code).toContain(`| \`${code}\` | ${severity} |`);
        }
    });

    it('has a language tour that parses', async () => {
        const readme = readFileSync('README.md', 'utf8');
        const tour = /```bos\n([\s\S]*?)```/.exec(readme)![1];
        const c = await check(tour);
        expect(c.codes.filter(code => code === 'bos/syntax')).toEqual([]);
        expect(c.result.model.byId.has('tmall.platforms.Business.PlaceOrder')).toBe(true);
    });
});

describe('view patterns', () => {
    it('accept every layer name, reserved or not', async () => {
        const c = await check(
            'view V { include layer platform, layer infrastructure, layer commerce, layer actors, kind cache }\n',
        );
        expect(brief(c)).toEqual([]);
        expect(c.result.model.nodes[0].includes.map(p => p.type === 'layer' ? p.layer : p.type)).toEqual([
            'platform',
            'infrastructure',
            'commerce',
            'actors',
            'kind',
        ]);
    });
});
