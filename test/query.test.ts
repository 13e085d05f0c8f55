// `bos query` answers (src/query/): impact and its share, bounded paths, transitive uses
// and who-uses, names as written — in memory on the example and on small models built to
// pin each definition down.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLAIN } from '../src/analysis/report.js';
import { lookUp } from '../src/query/names.js';
import { ask, type Question } from '../src/query/questions.js';
import { check } from './helpers.js';

function exampleFiles(dir = 'examples/double11'): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
        if (e.isFile() && e.name.endsWith('.bos')) {
            out[relative(dir, join(e.parentPath, e.name))] = readFileSync(join(e.parentPath, e.name), 'utf8');
        }
    }
    return out;
}

const example = await check(exampleFiles());

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

function answer(q: Question, ws = example.result): { json: Json; text: string } {
    const a = ask(ws, q);
    if ('problem' in a) throw new Error(a.problem);
    return { json: a.json, text: a.text(PLAIN) };
}

function problem(q: Question, ws = example.result): string {
    const a = ask(ws, q);
    if (!('problem' in a)) throw new Error('expected a problem');
    return a.problem;
}

describe('impact', () => {
    it('gives each flow its share of step requests and its visits, and each scenario its load', () => {
        const { json } = answer({ ask: 'impact', name: 'AlibabaCloud.PolarDB' });
        expect(json.name).toBe('tmall.cloud.AlibabaCloud.PolarDB');
        // PlaceOrder x 2 + ReserveStock (called by PlaceOrder) + Pay: 4 PolarDB requests per checkout.
        expect(json.flows).toEqual([{ name: 'tmall.scenarios.Checkout', share: 1, visits: 4 }]);
        expect(json.scenarios).toHaveLength(1);
        const peak = json.scenarios[0];
        expect(peak).toMatchObject({ name: 'tmall.scenarios.Double11Peak', capacity: 5e6, status: 'ok' });
        expect(peak.load).toBeCloseTo(2_332_000, 3);
        expect(peak.utilisation).toBeCloseTo(0.4664, 9);
        expect(peak.flows).toEqual([{ name: 'tmall.scenarios.Checkout', rate: 583_000, load: peak.load, part: 1 }]);
    });

    it('counts the share of a flow whose other steps do not reach the node', () => {
        const { json } = answer({ ask: 'impact', name: 'tmall.cloud.AlibabaCloud.ECS', scenario: 'Double11Peak' });
        const browse = json.flows.find((f: Json) => f.name === 'tmall.scenarios.Browse');
        // Browse: Search x 1, ProductDetail x 3, Recommend x 2; only Search runs on ECS.
        expect(browse.share).toBeCloseTo(1 / 6, 12);
        expect(browse.visits).toBe(1);
        const parts = json.scenarios[0].flows.map((f: Json) => f.part);
        expect(parts.reduce((a: number, b: number) => a + b, 0)).toBeCloseTo(1, 12);
    });

    it('agrees with the analysis on every loaded node of every scenario', () => {
        for (const scenario of example.result.analysis.scenarios) {
            for (const n of scenario.nodes) {
                const { json } = answer({ ask: 'impact', name: n.node.id!, scenario: scenario.scenario.id });
                expect(json.scenarios[0].load).toBeCloseTo(n.load, 6);
                expect(json.scenarios[0].status).toBe(n.status);
            }
        }
    });

    it('counts a container by what it holds, and a flow by the scenarios that load it', () => {
        const business = answer({ ask: 'impact', name: 'tmall.platforms.Business' }).json;
        expect(business.members).toHaveLength(8);
        expect(business.scenarios.map((s: Json) => s.name)).toEqual([
            'tmall.scenarios.Double11Peak',
            'tmall.scenarios.Baseline2016',
            'tmall.scenarios.FirstDouble11',
        ]);
        expect(business.scenarios[0].utilisation).toBeNull();
        const checkout = answer({ ask: 'impact', name: 'tmall.scenarios.Checkout' }).json;
        expect(checkout.scenarios).toEqual([expect.objectContaining({ load: 583_000 })]);
    });

    it('says why an element has no load, and refuses an unknown scenario', () => {
        expect(answer({ ask: 'impact', name: 'tmall.commerce.Sales' }).json.note).toMatch(
            /^no load reaches an element/,
        );
        expect(problem({ ask: 'impact', name: 'AlibabaCloud.ECS', scenario: 'Nope' })).toBe(
            "no scenario named 'Nope' (scenarios: tmall.scenarios.Double11Peak, tmall.scenarios.Baseline2016, "
                + 'tmall.scenarios.FirstDouble11)',
        );
    });

    it('reads weights below 1 as the fraction of requests that take a reference, alternatives adding up to 1', async () => {
        const ws = await check(`package q
infrastructure I { resource R : database { capacity 10k/s } resource S : compute }
platform P : business {
  capability A { runs on I.S  calls C x 0.5 }
  capability B { runs on I.S  calls C x 0.5 }
  capability C { runs on I.R }
  capability D { runs on I.S  calls C x 0.7, E x 0.7 }
  capability E { runs on I.S  calls C }
}
flow Split { step P.A  step P.B x 3 }
flow Capped { step P.D }
scenario Peak { load Split 1k/s  load Capped 1k/s }
`);
        const flows = answer({ ask: 'impact', name: 'I.R' }, ws.result).json.flows;
        // Split: A x 1 (half reach R) and B x 3 (half reach R): (0.5 + 1.5) / 4; visits 0.5 + 1.5.
        // Capped: D reaches R through C (0.7) and through E (0.7): min(1, 1.4); visits 0.7 + 0.7.
        expect(flows).toEqual([
            { name: 'q.Capped', share: 1, visits: expect.closeTo(1.4, 12) },
            { name: 'q.Split', share: 0.5, visits: 2 },
        ]);
        const text = answer({ ask: 'impact', name: 'I.R' }, ws.result).text;
        expect(text).toContain('q.I.R (resource): reached by 2 flows, loaded in 1 scenario');
        expect(text).toContain("share: of the flow's step requests, the fraction that reaches it");
    });

    it('has no numbers while a cycle exists', async () => {
        const ws = await check(`package c
platform P : business { capability A { calls B } capability B { calls A } }
flow F { step P.A }
scenario S { load F 1/s }
`);
        expect(answer({ ask: 'impact', name: 'P.A' }, ws.result).json.note).toMatch(/cycle/);
    });
});

describe('path', () => {
    it('lists the dependency paths with their weights, shortest first, and their total', () => {
        const { json, text } = answer({ ask: 'path', from: 'Business.PlaceOrder', to: 'AlibabaCloud.PolarDB' });
        expect(json).toMatchObject({ count: 2, shown: 2, truncated: false, total: 3 });
        expect(json.paths.map((p: Json) => [p.weight, p.hops.map((h: Json) => h.relation)])).toEqual([
            [2, ['runs on']],
            [1, ['calls', 'runs on']],
        ]);
        expect(text).toContain('  ×2  Business.PlaceOrder ─runs on x 2→ AlibabaCloud.PolarDB');
    });

    it('weights a path from a scenario in requests per second, and a path through uses not at all', () => {
        const fromScenario = answer({ ask: 'path', from: 'tmall.scenarios.Double11Peak', to: 'AlibabaCloud.PolarDB' });
        expect(fromScenario.json.total).toBeCloseTo(2_332_000, 3);
        expect(fromScenario.text).toContain('together they put 2.33M/s on AlibabaCloud.PolarDB');
        const fromActor = answer({ ask: 'path', from: 'tmall.commerce.Consumer', to: 'AlibabaCloud.PolarDB' }).json;
        expect(fromActor.paths[0].weight).toBeNull();
        expect(fromActor.total).toBeNull();
        expect(answer({ ask: 'path', from: 'AlibabaCloud.PolarDB', to: 'tmall.commerce.Consumer' }).text)
            .toBe('no path from tmall.cloud.AlibabaCloud.PolarDB to tmall.commerce.Consumer\n');
    });

    it('stops at the limit in a dense model, counts them all and says so', async () => {
        // Ten layers of four capabilities, each calling all four of the next: 4^9 paths from top to bottom.
        const layers = 10, width = 4;
        const caps: string[] = [];
        for (let l = 0; l < layers; l++) {
            for (let w = 0; w < width; w++) {
                const next = l + 1 < layers ? Array.from({ length: width }, (_, k) => `C${l + 1}_${k}`).join(', ') : '';
                caps.push(`  capability C${l}_${w}${next ? ` { calls ${next} x 2 }` : ''}`);
            }
        }
        const ws = await check(
            `package d\nplatform P : business {\n${caps.join('\n')}\n  capability Top { calls C0_0 }\n}\n`,
        );
        const started = performance.now();
        const { json, text } = answer({ ask: 'path', from: 'P.Top', to: 'P.C9_0' }, ws.result);
        expect(performance.now() - started).toBeLessThan(1000);
        expect(json).toMatchObject({ count: 4 ** 8, shown: 50, truncated: true });
        // `calls A, B, C, D x 2` weighs only D: from each layer 1 + 1 + 1 + 2 requests go on, and C9_0 gets weight 1.
        expect(json.total).toBe(5 ** 8);
        expect(text).toMatch(/^65.54k paths from d\.P\.Top to d\.P\.C9_0 \(the 50 found first, shortest first/);
        expect(answer({ ask: 'path', from: 'P.Top', to: 'P.C9_0', limit: 3 }, ws.result).json.shown).toBe(3);
    });

    it('finds simple paths around a cycle without counting them', async () => {
        const ws = await check(`package c
element A : sales { uses B }
element B : sales { uses A, C }
element C : sales
`);
        const { json } = answer({ ask: 'path', from: 'A', to: 'C' }, ws.result);
        expect(json.count).toBeNull();
        expect(json.paths.map((p: Json) => p.hops.length)).toEqual([2]);
    });
});

describe('uses and who-uses', () => {
    it('walks every dependency transitively, breadth first, naming the reference that reaches each', () => {
        const { json } = answer({ ask: 'who-uses', name: 'AlibabaCloud.PolarDB' });
        const by = new Map(json.results.map((r: Json) => [r.name, r]));
        expect(by.get('tmall.platforms.Business.PlaceOrder')).toMatchObject({
            depth: 1,
            reference: { relation: 'runs on', weight: 2 },
        });
        expect(by.get('tmall.commerce.Sales')).toMatchObject({ depth: 2, via: 'tmall.platforms.Business.Pay' });
        expect(by.get('tmall.scenarios.Checkout')).toMatchObject({ depth: 2, reference: { relation: 'step' } });
        expect(by.get('tmall.scenarios.Double11Peak')).toMatchObject({
            depth: 3,
            reference: { relation: 'load', weight: 583_000 },
        });
        expect(by.get('tmall.cloud.AlibabaCloud')).toMatchObject({ depth: 1, reference: { relation: 'contains' } });
        expect(by.has('tmall.scenarios.Baseline2016')).toBe(false);
        const depths = json.results.map((r: Json) => r.depth);
        expect([...depths].sort((a, b) => a - b)).toEqual(depths);
    });

    it('takes a container for what it holds', () => {
        const { json, text } = answer({ ask: 'uses', name: 'tmall.platforms.Data' });
        expect(json.results.slice(0, 3).map((r: Json) => [r.name, r.reference.relation])).toEqual([
            ['tmall.platforms.Data.DemandForecast', 'contains'],
            ['tmall.platforms.Data.LiveDashboard', 'contains'],
            ['tmall.platforms.Data.UserProfile', 'contains'],
        ]);
        expect(text).toContain('tmall.platforms.Data depends on 6 declarations');
        expect(text).toMatch(/2 {2}tmall\.cloud\.AlibabaCloud\.MaxCompute +resource +Data\.DemandForecast runs on /);
    });
});

describe('names', () => {
    it('takes a name as from the package root or fully qualified, escapes and all', async () => {
        const { model } = example.result;
        const id = (name: string) => {
            const found = lookUp(model, name);
            return 'node' in found ? found.node.id : found.problem;
        };
        expect(id('AlibabaCloud.PolarDB')).toBe('tmall.cloud.AlibabaCloud.PolarDB');
        expect(id('tmall.cloud.AlibabaCloud.PolarDB')).toBe('tmall.cloud.AlibabaCloud.PolarDB');
        expect(id('^AlibabaCloud.PolarDB')).toBe('tmall.cloud.AlibabaCloud.PolarDB');
        expect(id('PolarDB')).toBe("no declaration named 'PolarDB' (nearest: tmall.cloud.AlibabaCloud.PolarDB)");
        expect(id('Busines.PlaceOrdr')).toBe(
            "no declaration named 'Busines.PlaceOrdr' (nearest: tmall.platforms.Business.PlaceOrder, "
                + 'tmall.platforms.Business.PlaceOrder2016, tmall.platforms.Business.Pay)',
        );
        const two = await check({ 'a.bos': 'package a\nelement E : sales', 'b.bos': 'package b\nelement E : sales' });
        expect(problem({ ask: 'uses', name: 'E' }, two.result)).toBe(
            "'E' names a.E and b.E; write one fully qualified",
        );
    });
});
