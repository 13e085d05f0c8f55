// The performance model in the analysis (spec section 7): servers and capacity per node,
// node times, flow latency against SLOs, saturation, what-if runs, and the findings
// bos/slo, bos/capacity-mismatch and bos/no-latency.
import { describe, expect, it } from 'vitest';
import { visitsOf } from '../src/analysis/flows.js';
import { analyse, type Override, type ScenarioResult } from '../src/analysis/scenario.js';
import { deriveFacts, type ModelFacts } from '../src/model/graph.js';
import type { BosModel, ModelNode } from '../src/model/model.js';
import { brief, check, type Checked } from './helpers.js';

const node = (s: ScenarioResult, id: string) => s.nodes.find(n => n.node.id === id)!;
const flow = (s: ScenarioResult, id: string) => s.flows.find(f => f.flow.id === id)!;
const byId = (model: BosModel, id: string) => model.byId.get(id)!;
const findings = (c: Checked, code: string) => [...c.result.findings.values()].flat().filter(f => f.code === code);

const facts = new WeakMap<Checked, ModelFacts>();
/** The facts of a checked model, derived once per model as a workspace build does. */
function factsOf(c: Checked): ModelFacts {
    let f = facts.get(c);
    if (!f) facts.set(c, f = deriveFacts(c.result.model));
    return f;
}

/** Analyses the checked model again, with what-if options. */
function rerun(c: Checked, options: { scale?: number; overrides?: Map<ModelNode, Override> }) {
    return analyse(c.result.model, factsOf(c), options);
}

const SPLIT = `package q
infrastructure I {
  resource Pool : compute { capacity 600k/s  latency 150ms }
  resource Split : compute { capacity 600k/s  latency 150ms  instances 1_000 }
  resource Fixed : compute { capacity 600k/s  latency 150ms  instances 1_000  concurrency 64 }
}
platform P : business { capability C { runs on I.Pool, I.Split, I.Fixed } }
element E : sales { uses P.C }
flow F { step P.C }
scenario Peak { load F 583.2k/s }
`;

describe('servers and capacity of a node', () => {
    it('splits c·S server slots over the instances, or pools them, as in the spec example', async () => {
        const c = await check(SPLIT);
        const s = c.result.analysis.scenarios[0];
        const split = node(s, 'q.I.Split'), pooled = node(s, 'q.I.Pool');
        expect(split).toMatchObject({ latency: 0.15, instances: 1000, servers: 90, saturated: false });
        expect(split.utilisation).toBeCloseTo(0.972, 12);
        expect(split.waitProbability).toBeCloseTo(0.71, 2);
        expect(split.wait).toBeCloseTo(0.042, 3);
        expect(split.responseTime).toBeCloseTo(0.192, 3);
        expect(pooled).toMatchObject({ instances: null, servers: 90_000 });
        expect(pooled.responseTime).toBeCloseTo(0.15, 9);
        // A capability without latency has no time model.
        expect(node(s, 'q.P.C')).toMatchObject({ latency: null, servers: null, wait: null, responseTime: null });
    });

    it('takes concurrency as the servers per instance, and warns when it does not make the capacity', async () => {
        const c = await check(SPLIT);
        const fixed = node(c.result.analysis.scenarios[0], 'q.I.Fixed');
        expect(fixed.servers).toBe(64);
        expect(fixed.capacity).toBe(600_000); // the declared capacity still counts
        // 1,000 × 64 / 150 ms = 426.7k/s, not 600k/s.
        expect(brief(c)).toContain('bos/capacity-mismatch@5');
        const [mismatch] = findings(c, 'bos/capacity-mismatch');
        expect(mismatch.message).toContain('600k/s');
        expect(mismatch.message).toContain('426.7k/s');
        expect(mismatch.data).toMatchObject({ concurrency: 90 });
        expect(mismatch.data!.capacity).toBeCloseTo(426_666.67, 1);
    });

    it('tolerates 1% between the declared capacity and N·k/S', async () => {
        const c = await check(`package t
infrastructure I {
  resource Near : compute { capacity 100k/s  latency 10ms  instances 10  concurrency 99 }
  resource Far : compute { capacity 100k/s  latency 10ms  instances 10  concurrency 98 }
}
`);
        // 99,000/s is 1% under; 98,000/s is 2% under.
        expect(brief(c).filter(d => d.startsWith('bos/capacity-mismatch'))).toEqual(['bos/capacity-mismatch@4']);
    });

    it('derives the capacity from instances × concurrency / latency and reports its findings at the name', async () => {
        const c = await check(`package d
infrastructure I {
  resource Cache : cache {
    latency 0.5ms
    instances 4
    concurrency 50
  }
}
platform P : business { capability C { runs on I.Cache x 2  capacity 1M/s } }
element E : sales { uses P.C }
flow F { step P.C }
scenario Peak { load F 170k/s }
scenario Busy { load F 210k/s }
`);
        const [peak, busy] = c.result.analysis.scenarios;
        // 4 × 50 / 0.5 ms = 400k/s, loaded 340k/s (85%) and 420k/s (105%).
        expect(node(peak, 'd.I.Cache')).toMatchObject({ capacity: 400_000, derived: true, servers: 50 });
        expect(node(peak, 'd.I.Cache').status).toBe('headroom');
        expect(node(busy, 'd.I.Cache')).toMatchObject({ status: 'overload', saturated: true, responseTime: null });
        expect(brief(c)).toEqual(['bos/headroom@3', 'bos/overload@3']);
        const at = c.diagnostics.filter(d => d.line === 3).map(d => d.column);
        expect(at).toEqual([12, 12]); // the name, not a capacity line
        expect(findings(c, 'bos/overload')[0].message).toContain('derived capacity 400k/s');
    });

    it('makes a node with latency alone a delay station, and one without latency untimed', async () => {
        const c = await check(`package s
infrastructure I {
  resource CDN : cdn { latency 2ms }
  resource Disk : storage { capacity 1k/s }
}
platform P : business { capability C { runs on I.CDN, I.Disk  latency 30ms  capacity 1k/s } }
element E : sales { uses P.C }
flow F { step P.C }
scenario Peak { load F 100/s }
`);
        const s = c.result.analysis.scenarios[0];
        expect(node(s, 's.I.CDN')).toMatchObject({
            latency: 0.002,
            servers: null,
            wait: 0,
            responseTime: 0.002,
            waitProbability: null,
            status: 'unknown',
            saturated: false,
        });
        expect(node(s, 's.I.Disk')).toMatchObject({ latency: null, wait: null, responseTime: null, saturated: false });
        // Capacity 1k/s and 30 ms make 30 pooled servers.
        expect(node(s, 's.P.C').servers).toBe(30);
        expect(brief(c)).toEqual(['bos/no-capacity@3']);
    });
});

const CHAIN = `package f
infrastructure I {
  resource DB : database {
    latency 4ms
    depends on Disk x 2
  }
  resource Disk : storage { latency 1ms }
  resource Log : storage
}
platform P : business {
  capability A { runs on I.DB  calls B x 0.5  latency 10ms }
  capability B { runs on I.DB x 3  latency 20ms }
  capability W { runs on I.Log  latency 5ms }
  capability Bare { runs on I.Log }
}
element E : sales { uses P.A, P.W, P.Bare }
flow Buy {
  step P.A x 2
  step P.B
  slo 100ms
}
flow Write { step P.W  slo 10ms }
flow Note { step P.W  step P.A }
flow Log { step P.Bare  slo 1s }
flow Idle { step P.A }
scenario Peak { load Write 10/s  load Buy 1/s  load Note 5/s  load Log 1/s  load Note 5/s }
`;

describe('flow latency', () => {
    it('sums visits × response time through steps, calls, runs on and depends on', async () => {
        const c = await check(CHAIN);
        const s = c.result.analysis.scenarios[0];
        // V: A 2, B 2 × 0.5 + 1 = 2, DB 2 + 2 × 3 = 8, Disk 16: 2·10 + 2·20 + 8·4 + 16·1 = 108 ms.
        const buy = flow(s, 'f.Buy');
        expect(buy.latency).toBeCloseTo(0.108, 12);
        expect(buy).toMatchObject({ complete: true, saturated: false, slo: 0.1, status: 'over-slo', rate: 1 });
        expect(buy.slowest?.id).toBe('f.P.B');
        expect(buy.slowestAdds).toBeCloseTo(0.04, 12);
        const graph = factsOf(c).loadGraph!;
        const visits = visitsOf(graph, byId(c.result.model, 'f.Buy'));
        const v = Object.fromEntries(visits.positions.map((p, i) => [graph.order[p].name, visits.loads[i]]));
        expect(v).toEqual({ A: 2, B: 2, DB: 8, Disk: 16 });
    });

    it('lists the flows the scenario loads, by name, each with its total rate', async () => {
        const s = (await check(CHAIN)).result.analysis.scenarios[0];
        expect(s.flows.map(f => [f.flow.name, f.rate])).toEqual([['Buy', 1], ['Log', 1], ['Note', 10], ['Write', 10]]);
        expect(flow(s, 'f.Note').status).toBe('no-slo');
    });

    it('marks a latency incomplete when a visited node has no latency, and null when none has one', async () => {
        const s = (await check(CHAIN)).result.analysis.scenarios[0];
        expect(flow(s, 'f.Write')).toMatchObject({ latency: 0.005, complete: false, status: 'ok' });
        expect(flow(s, 'f.Log')).toMatchObject({ latency: null, complete: false, status: 'ok', slowest: null });
    });

    it('reports bos/slo at the slo line, naming the scenario, the latency, the SLO and the slowest node', async () => {
        const c = await check(CHAIN);
        expect(brief(c).filter(d => d.startsWith('bos/slo'))).toEqual(['bos/slo@20']);
        const [slo] = findings(c, 'bos/slo');
        expect(slo.message).toBe(
            'f.Peak takes 108ms on flow f.Buy, over its SLO of 100ms; capability f.P.B adds most (40ms)',
        );
        // Delay stations: no number of instances shortens them.
        expect(slo.data).toMatchObject({ scenario: 'f.Peak', flow: 'f.Buy', node: 'f.P.B', instances: null });
    });

    it('reports bos/no-latency once per node a flow with an SLO visits, naming the flows', async () => {
        const c = await check(CHAIN);
        const infos = findings(c, 'bos/no-latency');
        expect(infos.map(f => f.data)).toEqual([
            { node: 'f.I.Log', flows: ['f.Write', 'f.Log'] },
            { node: 'f.P.Bare', flows: ['f.Log'] },
        ]);
        expect(infos[0].message).toBe(
            'resource f.I.Log declares no latency, so the latency of flows f.Write, f.Log is incomplete',
        );
    });
});

const QUEUE = `package z
infrastructure I { resource DB : database { capacity 10k/s  latency 5ms  instances 10 } }
platform P : business {
  capability Pay { runs on I.DB  capacity 3k/s  latency 40ms  instances 4 }
  capability Cart { runs on I.DB  capacity 8k/s  latency 8ms }
}
element E : sales { uses P.Pay, P.Cart }
flow Checkout { step P.Pay  slo 60ms }
flow Shop { step P.Cart  slo 20ms }
scenario Peak { load Checkout 2.85k/s  load Shop 2k/s }
scenario Over { load Checkout 3.3k/s }
`;

describe('queues, saturation and sizing', () => {
    it('gives a scenario its saturation s* and bottleneck', async () => {
        const [peak] = (await check(QUEUE)).result.analysis.scenarios;
        // Pay at 2.85k / 3k = 95%; DB at 4.85k / 10k; Cart at 25%.
        expect(peak.saturation).toBeCloseTo(1 / 0.95, 12);
        expect(peak.bottleneck?.id).toBe('z.P.Pay');
        expect(peak.saturation!).toBeLessThan(1 / (1 - peak.headroom));
    });

    it('finds the fewest instances, scaled out, that bring a flow over its SLO back within it', async () => {
        const c = await check(QUEUE);
        const peak = c.result.analysis.scenarios[0];
        const checkout = flow(peak, 'z.Checkout');
        expect(checkout.status).toBe('over-slo');
        const fix = checkout.scaleOut!;
        expect(fix.node.id).toBe('z.P.Pay');
        // Each instance keeps its 750/s: the capacity grows with the instances.
        expect(fix.capacity).toBeCloseTo((3000 * fix.instances) / 4, 9);
        const Pay = byId(c.result.model, 'z.P.Pay');
        const latencyWith = (instances: number) =>
            flow(
                rerun(c, { overrides: new Map([[Pay, { instances, capacity: (3000 * instances) / 4 }]]) }).scenarios[0],
                'z.Checkout',
            ).latency!;
        expect(latencyWith(fix.instances)).toBeLessThanOrEqual(0.06);
        expect(latencyWith(fix.instances - 1)).toBeGreaterThan(0.06);
        expect(findings(c, 'bos/slo')[0].data).toMatchObject({
            node: 'z.P.Pay',
            instances: fix.instances,
            capacity: fix.capacity,
        });
    });

    it('sizes the node that waits longest when the one that adds most is all service time', async () => {
        // Slow adds 200ms of service and never waits; Busy adds less but queues at 95%.
        const c = await check(`package w
infrastructure I { resource VM : compute }
platform P : business {
  capability Slow { runs on I.VM  capacity 10k/s  latency 200ms }
  capability Busy { runs on I.VM  capacity 1k/s  latency 20ms  instances 4 }
}
element E : sales { uses P.Slow, P.Busy }
flow F { step P.Slow  step P.Busy  slo 225ms }
scenario S { load F 950/s  headroom 1% }
`);
        const f = flow(c.result.analysis.scenarios[0], 'w.F');
        expect(f.status).toBe('over-slo');
        expect(f.slowest?.id).toBe('w.P.Slow');
        expect(f.scaleOut?.node.id).toBe('w.P.Busy');
        expect(findings(c, 'bos/slo')[0].data).toMatchObject({ node: 'w.P.Busy', instances: f.scaleOut!.instances });
        expect(findings(c, 'bos/slo')[0].message).toContain('w.P.Slow adds most');
    });

    it('saturates a flow whose node is at capacity, and sizes its only saturated node', async () => {
        const c = await check(QUEUE);
        const over = c.result.analysis.scenarios[1];
        expect(node(over, 'z.P.Pay')).toMatchObject({ saturated: true, wait: null, responseTime: null });
        expect(flow(over, 'z.Checkout')).toMatchObject({
            latency: null,
            saturated: true,
            status: 'saturated',
            slowest: byId(c.result.model, 'z.P.Pay'),
        });
        const slo = findings(c, 'bos/slo').find(f => (f.data as { scenario: string }).scenario === 'z.Over')!;
        expect(slo.message).toBe(
            'z.Over saturates flow z.Checkout (SLO 60ms): capability z.P.Pay is at 110% of its capacity, so the latency is unbounded',
        );
        expect((slo.data as { instances: number }).instances).toBeGreaterThan(4);
    });

    it('suggests no instances when more than one visited node is saturated', async () => {
        const c = await check(QUEUE);
        const both = rerun(c, { scale: 4 }).scenarios[1]; // 13.2k/s: Pay at 440%, DB at 132%
        const checkout = flow(both, 'z.Checkout');
        expect(checkout.status).toBe('saturated');
        expect(both.nodes.filter(n => n.saturated).map(n => n.node.name)).toEqual(['DB', 'Pay']);
        expect(checkout.scaleOut).toBeNull();
        expect(both.missedSlos).toEqual([checkout]);
    });

    it('breaks a saturation tie by qualified name, and has none without capacities', async () => {
        const c = await check(`package t
infrastructure I { resource B : compute { capacity 2k/s } resource A : compute { capacity 2k/s } resource X : cdn }
platform P : business { capability C { runs on I.B, I.A } capability D { runs on I.X } }
element E : sales { uses P.C, P.D }
flow F { step P.C }
flow G { step P.D }
scenario Peak { load F 1k/s }
scenario Bare { load G 1k/s }
`);
        const [peak, bare] = c.result.analysis.scenarios;
        expect(peak.bottleneck?.id).toBe('t.I.A');
        expect(peak.saturation).toBe(2);
        expect(bare.saturation).toBeNull();
        expect(bare.bottleneck).toBeNull();
    });
});

describe('what-if runs', () => {
    it('scales every load, the transactions and the flow rates, but not the cost per 10k', async () => {
        const c = await check(`package w
infrastructure I { resource VM : compute { capacity 10k/s  latency 2ms  cost 1 CNY per 10k } }
platform P : business { capability C { runs on I.VM  capacity 10k/s } }
element E : sales { uses P.C }
flow F { step P.C }
scenario Peak { load F 4.5k/s }
`);
        const base = c.result.analysis.scenarios[0];
        const twice = rerun(c, { scale: 2 }).scenarios[0];
        expect(twice.transactionsPerSecond).toBe(9000);
        expect(node(twice, 'w.I.VM').load).toBe(9000);
        expect(node(twice, 'w.I.VM').status).toBe('headroom');
        expect(flow(twice, 'w.F').rate).toBe(9000);
        expect(twice.saturation).toBeCloseTo(base.saturation! / 2, 12);
        expect(twice.costPer10k).toEqual(base.costPer10k);
        // The validation's analysis is unchanged.
        expect(node(base, 'w.I.VM').load).toBe(4500);
    });

    it('overrides capacity, latency, instances and concurrency for that run only', async () => {
        const c = await check(SPLIT);
        const { model } = c.result;
        const overrides = new Map<ModelNode, Override>([
            [byId(model, 'q.I.Pool'), { instances: 1000 }],
            [byId(model, 'q.I.Split'), { capacity: 1.2e6, latency: 0.1 }],
            [byId(model, 'q.P.C'), { latency: 0.001, concurrency: 10 }],
        ]);
        const s = rerun(c, { overrides }).scenarios[0];
        expect(node(s, 'q.I.Pool').servers).toBe(90);
        expect(node(s, 'q.I.Split')).toMatchObject({ capacity: 1.2e6, latency: 0.1, servers: 120 });
        expect(node(s, 'q.I.Split').utilisation).toBeCloseTo(0.486, 12);
        // Latency and concurrency without capacity: derived, 10 / 1 ms = 10k/s.
        expect(node(s, 'q.P.C')).toMatchObject({ capacity: 10_000, derived: true, status: 'overload' });
        expect(node(c.result.analysis.scenarios[0], 'q.I.Pool').servers).toBe(90_000);
    });

    it('refuses a scale that is not a finite number of at least 0', async () => {
        const c = await check(QUEUE);
        for (const scale of [-1, NaN, Infinity]) expect(() => rerun(c, { scale })).toThrow(RangeError);
        expect(rerun(c, { scale: 0 }).scenarios[0]).toMatchObject({ transactionsPerSecond: 0, saturation: null });
    });

    it('keeps the per-model work between runs: the same visits serve every scale', async () => {
        const c = await check(QUEUE);
        const graph = factsOf(c).loadGraph!;
        const checkout = byId(c.result.model, 'z.Checkout');
        const before = visitsOf(graph, checkout);
        for (const scale of [0.5, 1, 1.5]) rerun(c, { scale }).scenarios.forEach(s => s.flows);
        expect(visitsOf(graph, checkout)).toBe(before);
    });
});

describe('numbers that reach JSON', () => {
    it('are finite or null, whatever the model declares', async () => {
        const c = await check(`package n
infrastructure I {
  resource Zero : compute { capacity 0/s  latency 5ms }
  resource Instant : compute { latency 0ms  concurrency 4 }
  resource Huge : compute { capacity ${'9'.repeat(300)}/s }
  resource Many : compute { capacity 1B/s  latency 1s  instances 1_000_000_000_000 }
  resource Slow : compute { capacity 1k/s  latency 100000s }
}
platform P : business { capability C { runs on I.Zero, I.Instant, I.Huge, I.Many, I.Slow x 0.999999  latency 0ms } }
element E : sales { uses P.C }
flow F { step P.C  slo 1ms }
scenario Peak { load F 1k/s }
scenario Off { load F 0/s }
`);
        const bad: string[] = [];
        const walk = (v: unknown, path: string) => {
            if (typeof v === 'number' && !Number.isFinite(v)) bad.push(`${path} = ${v}`);
            else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
            else if (v && typeof v === 'object' && !('$type' in v) && !('keyword' in v)) {
                for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
            }
        };
        for (const s of c.result.analysis.scenarios) {
            walk(s.nodes, s.scenario.name);
            walk(
                s.flows.map(f => ({ ...f, flow: undefined, slowest: undefined, scaleOut: f.scaleOut?.instances })),
                s.scenario.name,
            );
            walk([s.saturation, s.transactionsPerSecond], s.scenario.name);
        }
        expect(bad).toEqual([]);
        const peak = c.result.analysis.scenarios[0];
        expect(node(peak, 'n.I.Zero')).toMatchObject({ capacity: 0, utilisation: undefined, status: 'unknown' });
        expect(node(peak, 'n.I.Instant')).toMatchObject({ responseTime: 0, derived: false });
        expect(node(peak, 'n.I.Many').servers).toBe(1);
        // Slow: 100M pooled servers at ρ = 0.999999 wait about S / (k·(1 − ρ)) = 1,000 s.
        expect(flow(peak, 'n.F').latency).toBeGreaterThan(100_000);
        expect(Number.isFinite(flow(peak, 'n.F').latency)).toBe(true);
    });
});
