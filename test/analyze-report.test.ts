// `bos analyze` v2 through the built CLI as a process: the JSON of cli.md with the
// performance model (node times, flows, s*, bottleneck), the text tables (servers and R,
// flows against their SLOs, the saturation line, the queueing model's line, the cost
// change), colour, and hostile numbers that must give a defined result or a clear
// finding: never NaN or Infinity, never a crash or a hang.
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { QUEUEING_MODEL } from '../src/analysis/report.js';
import { bos, needsBuild } from './bos-process.js';
import { tempFiles } from './temp.js';

beforeAll(needsBuild);

interface NodeJson {
    name: string;
    [field: string]: unknown;
}

function analysed(dir: string, ...args: string[]) {
    const r = bos(dir, ['analyze', '--format', 'json', ...args]);
    expect(r.err).toBe('');
    // JSON.stringify would print Infinity and NaN as null: the text must not need to.
    expect(r.out).not.toMatch(/Infinity|NaN/);
    const scenario = JSON.parse(r.out).scenarios[0];
    const node = (name: string) => scenario.nodes.find((n: NodeJson) => n.name === name);
    return { scenario, node };
}

describe('analyze --format json, v2', () => {
    it('gives every node its time model and every scenario its flows, s* and bottleneck', () => {
        const dir = tempFiles('v2', {
            'm.bos': `package v
infrastructure I {
  resource Pool : database { capacity 600k/s  latency 150ms }
  resource Split : database { capacity 600k/s  latency 150ms  instances 1_000 }
  resource Delay : storage { latency 1ms }
  resource Bare : storage { capacity 2M/s }
  resource Derived : cache { latency 2ms  instances 4  concurrency 50 }
}
platform P : business { capability C { runs on I.Pool, I.Split, I.Delay, I.Bare, I.Derived  capacity 1M/s } }
element E : sales { uses P.C }
flow Pay { step P.C  slo 50ms }
flow Buy { step P.C  slo 500ms }
scenario Peak { load Buy 583.2k/s  load Pay 0/s }
`,
        });
        const { scenario, node } = analysed(dir);
        expect(Object.keys(scenario)).toEqual([
            'name',
            'title',
            'transactionsPerSecond',
            'saturation',
            'bottleneck',
            'nodes',
            'flows',
            'costPer10k',
            'budget',
        ]);
        // The spec's example: ρ = 0.972, k = 90 per instance: R ≈ 192ms; one pool: R ≈ 150ms.
        expect(node('v.I.Split')).toMatchObject({ utilisation: 0.972, latency: 0.15, instances: 1000, servers: 90 });
        expect(node('v.I.Split').responseTime).toBeCloseTo(0.192, 3);
        expect(node('v.I.Pool')).toMatchObject({ instances: null, servers: 90_000, saturated: false });
        expect(node('v.I.Pool').responseTime).toBeCloseTo(0.15, 6);
        // A delay station: no queue, R = S; no latency: no times at all.
        expect(node('v.I.Delay')).toMatchObject({ servers: null, wait: 0, responseTime: 0.001, capacity: null });
        expect(node('v.I.Bare')).toMatchObject({ latency: null, servers: null, wait: null, responseTime: null });
        // A derived capacity, N·k/S = 4 · 50 / 2ms = 100k/s: overloaded, so saturated.
        expect(node('v.I.Derived')).toMatchObject({
            capacity: 100_000,
            servers: 50,
            status: 'overload',
            saturated: true,
        });
        expect(node('v.I.Derived')).toMatchObject({ wait: null, responseTime: null });
        expect(scenario).toMatchObject({ bottleneck: 'v.I.Derived', saturation: 100_000 / 583_200 });
        // Sorted by name; a flow loaded at 0/s is still listed.
        expect(scenario.flows).toEqual([
            { name: 'v.Buy', rate: 583_200, latency: null, complete: false, slo: 0.5, status: 'saturated' },
            { name: 'v.Pay', rate: 0, latency: null, complete: false, slo: 0.05, status: 'saturated' },
        ]);
    });
});

describe('export', () => {
    it("carries the performance model's inputs and numbers: node times, flows, s*, bottleneck", () => {
        const r = bos(resolve('examples/double11'), ['export']);
        expect(r.code).toBe(0);
        expect(r.out).not.toMatch(/Infinity|NaN/);
        const { declarations, analysis } = JSON.parse(r.out);
        const order = declarations.find((d: NodeJson) => d.name === 'tmall.platforms.Business.PlaceOrder');
        expect(order).toMatchObject({
            latency: { value: 150, unit: 'ms', base: 0.15 },
            instances: { value: 1000, unit: null, base: 1000 },
        });
        const checkout = declarations.find((d: NodeJson) => d.name === 'tmall.scenarios.Checkout');
        expect(checkout.slo).toEqual({ value: 500, unit: 'ms', base: 0.5 });
        const peak = analysis.scenarios.find((s: NodeJson) => s.name === 'tmall.scenarios.Double11Peak');
        expect(peak).toMatchObject({ bottleneck: 'tmall.platforms.Business.PlaceOrder' });
        expect(peak.saturation).toBeCloseTo(650 / 583, 9);
        expect(peak.nodes.find((n: NodeJson) => n.name === 'tmall.platforms.Business.PlaceOrder')).toMatchObject({
            servers: 98,
            instances: 1000,
            saturated: false,
        });
        expect(peak.flows.map((f: NodeJson) => [f.name, f.status])).toEqual([
            ['tmall.scenarios.Browse', 'no-slo'],
            ['tmall.scenarios.Checkout', 'ok'],
            ['tmall.scenarios.Deliver', 'no-slo'],
        ]);
    });
});

const EXAMPLE = resolve('examples/double11');

describe('analyze text', () => {
    const text = () => bos(EXAMPLE, ['analyze']).out;

    it('adds servers and R to the node table, a flows table, the saturation line and the queueing model', () => {
        const out = text();
        const lines = out.split('\n');
        expect(lines[1]).toMatch(/^ {2}node +load +capacity +util +status +servers +R$/);
        expect(out).toMatch(
            /\n {2}tmall\.platforms\.Business\.PlaceOrder +583k\/s +650k\/s +89\.7% +█+▌ +headroom +1k×98 +153ms\n/,
        );
        expect(out).toMatch(/\n {2}flow +rate +latency +SLO +of SLO +status\n/);
        expect(out).toMatch(/\n {2}tmall\.scenarios\.Checkout +583k\/s +401ms +500ms +████████ +ok\n/);
        // Browse visits nodes without a latency: its latency is a lower bound.
        expect(out).toMatch(/\n {2}tmall\.scenarios\.Browse +3M\/s +≥311ms +— +no-slo\n/);
        expect(out).toContain('\n  saturation ×1.11 — bottleneck tmall.platforms.Business.PlaceOrder\n');
        expect(out).toContain('\n  saturation ×500 — bottleneck tmall.platforms.Business.PlaceOrder2016\n');
        expect(lines.filter(l => l === QUEUEING_MODEL)).toHaveLength(1);
        expect(QUEUEING_MODEL).toMatch(
            /M\/M\/k queue of an open network, solved on its own; not modelled: .*callee.*parallel calls/,
        );
    });

    it('compares the cost per 10k with the most expensive scenario', () => {
        const out = text();
        expect(out).toMatch(/\n {2}tmall\.scenarios\.Double11Peak +0\.1007 CNY +█+ +−80% against Baseline2016\n/);
        expect(out).toMatch(/\n {2}tmall\.scenarios\.Baseline2016 +0\.5017 CNY +█+\n/);
    });

    it('leaves out servers and R when no node has a latency, and marks a derived capacity', () => {
        const plain = tempFiles('plain', {
            'm.bos': 'infrastructure I { resource R : compute { capacity 1k/s } }\n'
                + 'platform P : business { capability C { runs on I.R } }\nflow F { step P.C }\nscenario S { load F 100/s }\n',
        });
        const out = bos(plain, ['analyze']).out;
        expect(out.split('\n')[1]).toMatch(/^ {2}node +load +capacity +util +status$/);
        expect(out).toContain('  saturation ×10 — bottleneck I.R\n');
        const derived = tempFiles('derived', {
            'm.bos': 'infrastructure I { resource R : compute { latency 10ms  concurrency 4 } }\n'
                + 'platform P : business { capability C { runs on I.R } }\nflow F { step P.C }\nscenario S { load F 100/s }\n',
        });
        const d = bos(derived, ['analyze']).out;
        expect(d).toMatch(/\n {2}I\.R +100\/s +400\/s\* +25% /);
        expect(d).toContain('\n  * derived capacity: instances × concurrency / latency\n');
    });

    it('colours with --color always, never with --color never, and refuses another word', () => {
        expect(bos(EXAMPLE, ['analyze', '--color', 'always']).out).toContain('\u001b[');
        expect(bos(EXAMPLE, ['analyze', '--color', 'never'], { FORCE_COLOR: '1' }).out).not.toContain('\u001b[');
        const r = bos(EXAMPLE, ['analyze', '--color', 'sometimes']);
        expect(r).toMatchObject({
            code: 2,
            out: '',
            err: "bos: --color must be one of auto, always, never, not 'sometimes'\n",
        });
    });
});

describe('hostile numbers in the performance model', () => {
    const dir = () =>
        tempFiles('hostile', {
            'm.bos': `package bad
infrastructure I {
  resource Zero : compute { capacity 0/s  latency 5ms }
  resource Instant : compute { latency 0ms  concurrency 8 }
  resource Trillion : compute { capacity 1M/s  latency 10ms  instances 1_000_000_000_000 }
  resource Full : compute { capacity 1k/s  latency 10ms }
  resource Deep : database { capacity 1B/s  latency 1ms }
}
platform P : business {
  capability A { runs on I.Zero, I.Instant, I.Trillion, I.Full  calls B x 1000  latency 1ms  capacity 10k/s }
  capability B { calls C x 1000  latency 0ms }
  capability C { runs on I.Deep x 1000  latency 1ms }
}
element E : sales { uses P.A }
flow F { step P.A  slo 100ms }
flow G { step P.A x 0  slo 1s }
scenario S { load F 1k/s  load G 1k/s }
`,
        });

    it('each gets a defined result in the JSON', () => {
        const d = dir();
        const { scenario, node } = analysed(d);
        // A capacity of 0 counts as none: no utilisation; with a latency alone, a delay station.
        expect(node('bad.I.Zero')).toMatchObject({ capacity: 0, utilisation: null, status: 'unknown', servers: null });
        expect(node('bad.I.Zero')).toMatchObject({ wait: 0, responseTime: 0.005, saturated: false });
        // Latency 0 with a concurrency derives no capacity (it would be infinite): R = 0.
        expect(node('bad.I.Instant')).toMatchObject({
            capacity: null,
            servers: null,
            responseTime: 0,
            saturated: false,
        });
        expect(node('bad.I.Trillion')).toMatchObject({ instances: 1e12, servers: 1, saturated: false });
        expect(node('bad.I.Trillion').responseTime).toBeCloseTo(0.01, 4);
        // ρ exactly 1 is saturated (its status is still headroom: not over 100%).
        expect(node('bad.I.Full')).toMatchObject({ utilisation: 1, status: 'headroom', saturated: true, wait: null });
        // A million-fold chain of visits: 1k/s × 1000³ on Deep.
        expect(node('bad.I.Deep')).toMatchObject({ load: 1e12, status: 'overload', saturated: true });
        expect(scenario).toMatchObject({ saturation: 0.001, bottleneck: 'bad.I.Deep' });
        expect(scenario.flows).toEqual([
            { name: 'bad.F', rate: 1000, latency: null, complete: true, slo: 0.1, status: 'saturated' },
            // Visited nowhere (`x 0`): no latency, and an SLO it cannot be judged against is ok.
            { name: 'bad.G', rate: 1000, latency: null, complete: true, slo: 1, status: 'ok' },
        ]);
    });

    it('each gets a clear finding where there is one to give, and none takes long', () => {
        const r = bos(dir(), ['validate']);
        expect(r.code).toBe(1);
        expect(r.ms).toBeLessThan(10_000);
        expect(r.out).toMatch(/bad\.I\.Instant carries 1k\/s in bad\.S but declares no capacity \[bos\/no-capacity\]/);
        expect(r.out).toMatch(/loads resource bad\.I\.Full to 100% .*\[bos\/headroom\]/);
        expect(r.out).toMatch(/overloads resource bad\.I\.Deep: load 1e12\/s on capacity 1B\/s .*\[bos\/overload\]/);
        expect(r.out).toMatch(/saturates flow bad\.F \(SLO 100ms\): resource bad\.I\.Deep .*\[bos\/slo\]/);
        expect(r.out).not.toMatch(/Infinity|NaN/);
    });

    it('a what-if beyond what a double holds prints null and ∞, never Infinity', () => {
        const d = dir();
        const huge = `1${'0'.repeat(300)}`;
        const { scenario, node } = analysed(d, '--scale', huge);
        expect(scenario).toMatchObject({ transactionsPerSecond: 2e303, saturation: 0, bottleneck: 'bad.I.Deep' });
        expect(node('bad.I.Deep')).toMatchObject({
            load: null,
            utilisation: null,
            status: 'overload',
            saturated: true,
        });
        const text = bos(d, ['analyze', '--scale', huge]);
        expect(text.out).toMatch(/\n {2}bad\.I\.Deep +∞\/s +1B\/s +∞% /);
        expect(text.out).not.toMatch(/Infinity|NaN/);
        expect(text.out).toContain('  saturation ×0 — bottleneck bad.I.Deep');
        expect(bos(d, ['analyze', '--sweep', `0..${huge}`, '--steps', '3']).out).not.toMatch(/Infinity|NaN/);
    });
});
