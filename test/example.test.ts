// The bundled example and the README tour are part of the product: keep them valid.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brief, check } from './helpers.js';

function bosFiles(dir: string): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
        if (e.isFile() && e.name.endsWith('.bos')) {
            const path = join(e.parentPath, e.name);
            out[relative(dir, path)] = readFileSync(path, 'utf8');
        }
    }
    return out;
}

describe('examples/double11', () => {
    it('has no errors, all four middle platforms and all eleven commerce elements', async () => {
        const c = await check(bosFiles('examples/double11'));
        expect(c.diagnostics.filter(d => d.severity === 'error')).toEqual([]);
        expect(brief(c)).toEqual(['bos/headroom@22', 'bos/headroom@44']);
        const nodes = c.result.model.nodes;
        expect(new Set(nodes.filter(n => n.keyword === 'platform').map(n => n.kind))).toEqual(
            new Set(['business', 'data', 'intelligence', 'collaboration']),
        );
        expect(new Set(nodes.filter(n => n.keyword === 'element').map(n => n.kind)).size).toBe(11);
    });

    it('loads the 2020 peak at 583k orders/s within budget, and the cost per 10k falls from 2016', async () => {
        const { analysis } = (await check(bosFiles('examples/double11'))).result;
        const peak = analysis.scenarios.find(s => s.scenario.name === 'Double11Peak')!;
        const base = analysis.scenarios.find(s => s.scenario.name === 'Baseline2016')!;
        expect(peak.nodes.find(n => n.node.id === 'tmall.platforms.Business.PlaceOrder')!.load).toBe(583_000);
        expect(peak.overBudget).toBe(false);
        expect(base.overBudget).toBe(false);
        expect(peak.costPer10k!.amount).toBeLessThan(base.costPer10k!.amount / 10);
    });
});

describe('README', () => {
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
