import { describe, expect, it } from 'vitest';
import { money, percent, rate, scaled } from '../src/analysis/format.js';
import { analyse, type NodeLoad, type ScenarioResult, statusOf } from '../src/analysis/scenario.js';
import { deriveFacts } from '../src/model/graph.js';
import type { ModelNode } from '../src/model/model.js';
import { exampleFiles } from './example-files.js';
import { brief, check } from './helpers.js';

async function scenario(text: string, name = 'Peak'): Promise<{ s: ScenarioResult; diags: string[] }> {
    const c = await check(text);
    const s = c.result.analysis.scenarios.find(x => x.scenario.name === name)!;
    return { s, diags: brief(c) };
}

const node = (s: ScenarioResult, id: string) => s.nodes.find(n => n.node.id === id)!;

describe('scenario analysis', () => {
    it('passes load through weighted steps, calls, runs on and fractions', async () => {
        const { s } = await scenario(`package a
infrastructure I {
  resource VM : compute { capacity 100k/s }
  resource DB : database { capacity 10k/s }
}
platform P : business {
  capability Order { runs on I.VM, I.DB x 0.5  calls Stock x 2  capacity 50k/s }
  capability Stock { runs on I.DB x 0.25 }
}
element E : sales { uses P.Order }
flow Buy { step P.Order x 3 }
scenario Peak { load Buy 1k/s }
`);
        // Order: 1k × 3 = 3k; Stock: 3k × 2 = 6k; VM: 3k; DB: 3k × 0.5 + 6k × 0.25 = 3k.
        expect(node(s, 'a.P.Order').load).toBeCloseTo(3000);
        expect(node(s, 'a.P.Stock').load).toBeCloseTo(6000);
        expect(node(s, 'a.I.VM').load).toBeCloseTo(3000);
        expect(node(s, 'a.I.DB').load).toBeCloseTo(3000);
        expect(node(s, 'a.I.DB').utilisation).toBeCloseTo(0.3);
        expect(node(s, 'a.P.Order').utilisation).toBeCloseTo(0.06);
        expect(node(s, 'a.P.Stock').status).toBe('unknown');
        expect(s.nodes.map(n => n.node.id)).toEqual(['a.I.DB', 'a.I.VM', 'a.P.Order', 'a.P.Stock']);
    });

    it('adds load along both sides of a diamond and down depends-on chains', async () => {
        const { s } = await scenario(`package d
infrastructure I {
  resource Net : network { capacity 1M/s }
  resource Disk : storage { depends on Net x 2 }
  resource DB : database { depends on Disk x 3, Net }
}
platform P : business {
  capability Top { runs on I.DB  calls Left, Right }
  capability Left { runs on I.DB  calls Bottom }
  capability Right { runs on I.DB  calls Bottom x 2 }
  capability Bottom { runs on I.DB }
}
element E : sales { uses P.Top }
flow F { step P.Top }
scenario Peak { load F 10/s }
`);
        // Top 10, Left 10, Right 10, Bottom 10 + 20 = 30; DB = 10+10+10+30 = 60;
        // Disk = 60 × 3 = 180; Net = 60 + 180 × 2 = 420.
        expect(node(s, 'd.P.Bottom').load).toBeCloseTo(30);
        expect(node(s, 'd.I.DB').load).toBeCloseTo(60);
        expect(node(s, 'd.I.Disk').load).toBeCloseTo(180);
        expect(node(s, 'd.I.Net').load).toBeCloseTo(420);
    });

    it('converts /min and /h rates to per second', async () => {
        const { s } = await scenario(`package u
infrastructure I { resource R : compute { capacity 36k/h } }
platform P : business { capability C { runs on I.R  capacity 600/min } }
element E : sales { uses P.C }
flow F { step P.C }
scenario Peak { load F 300/min }
`);
        expect(s.transactionsPerSecond).toBeCloseTo(5);
        expect(node(s, 'u.P.C').utilisation).toBeCloseTo(0.5);
        expect(node(s, 'u.I.R').utilisation).toBeCloseTo(0.5);
    });

    it('computes cost per 10k transactions over several flows and compares the budget after scaling', async () => {
        const { s, diags } = await scenario(`package c
infrastructure I {
  resource A : compute { capacity 1M/s  cost 2 CNY per 1M }
  resource B : database { capacity 1M/s  cost 0.5 CNY per 10k }
  resource Free : cache { capacity 1M/s }
}
platform P : business {
  capability X { runs on I.A, I.Free  capacity 1M/s }
  capability Y { runs on I.B x 2  capacity 1M/s }
}
element E : sales { uses P.X, P.Y }
flow F1 { step P.X }
flow F2 { step P.X  step P.Y }
scenario Peak { load F1 30k/s  load F2 10k/s  budget 0.1 CNY per 1k }
`);
        // A: 40k/s × 2e-6 = 0.08 CNY/s; B: 20k/s × 5e-5 = 1 CNY/s; total 1.08 over 40k tx/s → 0.27 per 10k.
        expect(s.costPer10k!.amount).toBeCloseTo(0.27);
        expect(s.costPer10k!.currency).toBe('CNY');
        expect(s.budgetPer10k!.amount).toBeCloseTo(1);
        expect(s.overBudget).toBe(false);
        expect(diags).toEqual([]);
    });

    it('reports bos/overload and bos/headroom at the capacity line, bos/no-capacity at the name, once per scenario', async () => {
        const c = await check(`package o
infrastructure I {
  resource VM : compute {
    capacity 10k/s
  }
  resource DB : database
}
platform P : business {
  capability C {
    runs on I.VM, I.DB
    capacity 9k/s
  }
}
element E : sales { uses P.C }
flow F { step P.C }
scenario Peak { load F 12k/s }
scenario Busy { load F 8.5k/s  headroom 10% }
scenario Calm { load F 7k/s }
`);
        expect(brief(c)).toEqual([
            'bos/overload@4',
            'bos/no-capacity@6',
            'bos/no-capacity@6',
            'bos/no-capacity@6',
            'bos/overload@11',
            'bos/headroom@11',
        ]);
        const overloads = c.diagnostics.filter(d => d.code === 'bos/overload');
        expect(overloads[0].message).toContain('o.Peak');
        expect(overloads[0].message).toContain('120%');
        // Busy: C at 8.5/9 = 94.4% > 90% → headroom; VM at 85% < 90% → ok. Calm: 77.8% and 70% are ok.
        const busy = c.result.analysis.scenarios.find(s => s.scenario.name === 'Busy')!;
        expect(node(busy, 'o.P.C').status).toBe('headroom');
        expect(node(busy, 'o.I.VM').status).toBe('ok');
        expect(c.diagnostics.find(d => d.code === 'bos/headroom')!.message).toContain('o.Busy');
    });

    it('gives a capacity with the wrong unit its bos/unit error only, and the status unknown', async () => {
        const c = await check(`package w
infrastructure I { resource R : compute { capacity 5ms } }
platform P : business { capability C { runs on I.R  capacity 1k/s } }
element E : sales { uses P.C }
flow F { step P.C }
scenario Peak { load F 1/s }
`);
        expect(brief(c)).toEqual(['bos/unit@2']);
        expect(node(c.result.analysis.scenarios[0], 'w.I.R').status).toBe('unknown');
    });

    it('reports bos/over-budget at the budget line', async () => {
        const c = await check(`package b
infrastructure I { resource R : compute { capacity 1M/s  cost 1 EUR per 1k } }
platform P : business { capability C { runs on I.R } }
element E : sales { uses P.C }
flow F { step P.C }
scenario Peak {
  load F 1k/s
  budget 5 EUR per 10k
}
`);
        // 1 EUR per 1k = 10 EUR per 10k, budget 5.
        expect(brief(c).filter(d => !d.startsWith('bos/no-capacity'))).toEqual(['bos/over-budget@8']);
        expect(c.result.analysis.scenarios[0].costPer10k!.amount).toBeCloseTo(10);
    });

    it('reports bos/currency at the scenario name and leaves the cost null when currencies mix', async () => {
        const c = await check(`package m
infrastructure I { resource R : compute { cost 1 USD per 1k } resource S : compute { cost 1 CNY per 1k } }
platform P : business { capability C { runs on I.R, I.S } capability D { runs on I.R } }
element E : sales { uses P.C, P.D }
flow F { step P.C }
flow G { step P.D }
scenario Peak { load F 1k/s }
scenario Other { load G 1k/s  budget 1 EUR per 10k }
scenario Fine { load G 1k/s  budget 100 USD per 10k }
`);
        expect(brief(c).filter(d => d.startsWith('bos/currency'))).toEqual(['bos/currency@7', 'bos/currency@8']);
        expect(c.diagnostics.find(d => d.code === 'bos/currency')!.column).toBe(10);
        const [peak, other, fine] = c.result.analysis.scenarios;
        expect(peak.costPer10k).toBeNull();
        expect(other.costPer10k).toBeNull();
        expect(fine.costPer10k!.amount).toBeCloseTo(10);
    });

    it('leaves the cost null when no loaded resource has a cost', async () => {
        const { s } = await scenario(`package n
infrastructure I { resource R : compute { capacity 1k/s } }
platform P : business { capability C { runs on I.R } }
element E : sales { uses P.C }
flow F { step P.C }
scenario Peak { load F 1/s  budget 1 CNY per 10k }
`);
        expect(s.costPer10k).toBeNull();
        expect(s.budgetPer10k).toEqual({ amount: 1, currency: 'CNY' });
    });

    it('skips every scenario, with a note, while a cycle exists', async () => {
        const c = await check(`package y
infrastructure I { resource R : compute { capacity 1/s } }
platform P : business { capability A { runs on I.R  calls B } capability B { runs on I.R  calls A } }
element E : sales { uses P.A }
flow F { step P.A }
scenario Peak { load F 1k/s }
`);
        expect(c.result.analysis.scenarios).toEqual([]);
        expect(c.result.analysis.skipped).toContain('y.P.A → y.P.B');
        expect(brief(c)).toEqual(['bos/cycle@3']);
    });

    it('prints quantities with a readable scale', () => {
        expect(rate(583000)).toBe('583k/s');
        expect(rate(20e6)).toBe('20M/s');
        expect(rate(1_166_000)).toBe('1.17M/s');
        expect(scaled(2.5e9)).toBe('2.5B');
        expect(percent(0.971667)).toBe('97.2%');
        expect(money(0.84, 'CNY')).toBe('0.84 CNY');
    });
});

describe('the headroom rule', () => {
    it('is one rule: overload over 100%, headroom over the line, unknown without a utilisation', () => {
        expect(statusOf(undefined, 0.2)).toBe('unknown');
        expect(statusOf(NaN, 0.2)).toBe('unknown');
        expect(statusOf(0, 0.2)).toBe('ok');
        // On the line is still ok, and rounding such as 0.1 + 0.7 never flips it.
        expect(statusOf(0.8, 0.2)).toBe('ok');
        expect(statusOf(0.1 + 0.7, 0.2)).toBe('ok');
        expect(statusOf(0.8 + 1e-6, 0.2)).toBe('headroom');
        expect(statusOf(1, 0.2)).toBe('headroom');
        expect(statusOf(1 + 1e-12, 0.2)).toBe('headroom');
        expect(statusOf(1.0001, 0.2)).toBe('overload');
        expect(statusOf(1, 0)).toBe('ok');
        expect(statusOf(0.5, 1)).toBe('headroom');
    });

    it('flags exactly the loaded nodes whose status is not ok', async () => {
        const c = await check(`package g
infrastructure I {
  resource A : compute { capacity 1k/s }
  resource B : compute { capacity 2k/s }
  resource C : compute { capacity 100k/s }
  resource D : compute
}
platform P : business { capability X { runs on I.A, I.B, I.C, I.D  capacity 1.25k/s } }
element E : sales { uses P.X }
flow F { step P.X }
scenario Peak { load F 1k/s }
scenario Low { load F 1.6k/s  headroom 50% }
`);
        for (const s of c.result.analysis.scenarios) {
            const notOk = s.nodes.filter(n => n.status !== 'ok');
            expect(s.flagged).toEqual(notOk);
        }
        const [peak, low] = c.result.analysis.scenarios;
        // X at 1k of 1.25k is on the 80% line: still ok.
        expect(peak.flagged.map(n => `${n.node.name} ${n.status}`)).toEqual(['A headroom', 'D unknown']);
        expect(low.flagged.map(n => `${n.node.name} ${n.status}`)).toEqual([
            'A overload',
            'B headroom',
            'D unknown',
            'X overload',
        ]);
    });

    it("gives one node's loads in every scenario that reaches it, as the scenarios' node lists have them", async () => {
        for (const files of [exampleFiles(), { 'two.bos': TWO_REACHES }]) {
            const { result } = await check(files);
            const expected = new Map<ModelNode, string[]>();
            for (const s of result.analysis.scenarios) {
                for (const l of s.nodes) expected.set(l.node, [...expected.get(l.node) ?? [], described(s, l)]);
            }
            expect(expected.size).toBeGreaterThan(2);
            for (const n of result.model.nodes) {
                const got = result.loads.get(n)?.map(({ scenario, load }) => described(scenario, load));
                expect(got, n.id).toEqual(expected.get(n));
            }
        }
        const { result } = await check(TWO_REACHES);
        const loads = (id: string) => result.loads.get(result.model.byId.get(id)!)?.map(l => l.scenario.scenario.name);
        expect(loads('r.I.A')).toEqual(['Both', 'OnlyA']);
        expect(loads('r.I.B')).toEqual(['Both']);
        expect(loads('r.I.Idle')).toBeUndefined();
        expect(loads('r.E')).toBeUndefined();
    });

    it('takes the default headroom alone, as before the what-if options', async () => {
        const c = await check(BASE_LOADED);
        const { model } = c.result;
        const facts = deriveFacts(model);
        const statuses = (a: ReturnType<typeof analyse>) => a.scenarios[0].nodes.map(n => n.status);
        expect(statuses(analyse(model, facts, 0.5))).toEqual(statuses(analyse(model, facts, { defaultHeadroom: 0.5 })));
        // DB, VM, O at 12%, 60%, 60% against a 50% line.
        expect(statuses(analyse(model, facts, 0.5))).toEqual(['ok', 'headroom', 'headroom']);
    });
});

const BASE_LOADED = `package h
infrastructure I { resource VM : compute { capacity 100k/s } resource DB : database { capacity 500k/s } }
platform P : business { capability O { runs on I.VM, I.DB  capacity 100k/s } }
element E : sales { uses P.O }
flow F { step P.O }
scenario Peak { load F 60k/s }
`;

const described = (s: ScenarioResult, l: NodeLoad) =>
    `${s.scenario.name} ${l.node.id} ${l.load} ${l.status} ${l.responseTime}`;

const TWO_REACHES = `package r
infrastructure I {
  resource A : compute { capacity 1k/s }
  resource B : compute { capacity 2k/s }
  resource Idle : compute { capacity 2k/s }
}
platform P : business {
  capability X { runs on I.A, I.B }
  capability Y { runs on I.A }
}
element E : sales { uses P.X, P.Y }
flow F { step P.X }
flow G { step P.Y }
scenario Both { load F 100/s  load G 50/s }
scenario OnlyA { load G 300/s }
`;
