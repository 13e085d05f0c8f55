// Property-based tests (fast-check, seeded): random token soup and mutated valid models
// go through parse, link, validate, analyse, format and diagram building. Nothing may
// throw or take long, every diagnostic must lie inside its document, every number of the
// exported analysis is finite (or null), and formatting must be idempotent, keep every
// comment and keep the meaning of the model. Models with hostile performance values
// (latency 0, capacity 0, a trillion instances, million-fold visits) also check that the
// performance model, its findings and what-if runs agree.
// `FUZZ_RUNS` (per property) and `FUZZ_SEED` override the defaults; `npm run fuzz` runs
// longer with a fresh seed and prints it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Range } from 'vscode-languageserver-types';
import { analysisJson } from '../src/analysis/report.js';
import { analyse, type Override } from '../src/analysis/scenario.js';
import { deriveFacts } from '../src/model/graph.js';
import type { ModelNode } from '../src/model/model.js';
import type { WorkspaceResult } from '../src/services/workspace-model.js';
import { mutatedModel, performanceModel, SEEDS, tokenSoup } from './fuzz/inputs.js';
import { type Outcome, runPipeline } from './fuzz/pipeline.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 5_000); // × 2 properties: 10,000 inputs a run
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_125);
/** No input of this size may take longer than this, whatever else the machine is doing. */
const BOUND_MS = 5_000;

function inside(range: Range, lines: string[]): boolean {
    const fits = (p: Range['start']) =>
        p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length;
    const ordered = range.start.line < range.end.line
        || (range.start.line === range.end.line && range.start.character <= range.end.character);
    return fits(range.start) && fits(range.end) && ordered;
}

/** Every number in `value` (walked before JSON.stringify could hide an Infinity as null) is finite. */
function expectFinite(value: unknown, path = '$'): void {
    if (typeof value === 'number') expect(Number.isFinite(value), `${path} = ${value}`).toBe(true);
    else if (Array.isArray(value)) value.forEach((v, i) => expectFinite(v, `${path}[${i}]`));
    else if (value && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) expectFinite(v, `${path}.${k}`);
    }
}

async function holds(text: string): Promise<void> {
    const started = performance.now();
    const outcome = await runPipeline(text);
    expect(performance.now() - started).toBeLessThan(BOUND_MS);
    expectFinite(outcome.meaning);
    const lines = text.split(/\r\n|\r|\n/);
    for (const d of outcome.diagnostics) {
        expect(inside(d.range, lines), `${d.code} ${JSON.stringify(d.range)}`).toBe(true);
    }
    if (!outcome.parses) {
        expect(outcome.formatted).toBe(text); // a text that does not parse is never rewritten
        return;
    }
    const again = await runPipeline(outcome.formatted);
    expect(again.parses).toBe(true);
    expect(again.formatted).toBe(outcome.formatted);
    expect(again.comments).toEqual(outcome.comments);
    expect(again.meaning).toEqual(outcome.meaning);
}

const options = { seed: SEED, numRuns: RUNS, endOnFailure: true };

describe('fuzzing the whole pipeline', () => {
    it('the seeds themselves hold', async () => {
        for (const seed of SEEDS) await holds(seed);
    });

    it(`survives ${RUNS} token soups`, async () => {
        await fc.assert(fc.asyncProperty(tokenSoup, holds), options);
    }, 600_000);

    it(`survives ${RUNS} mutated models`, async () => {
        await fc.assert(fc.asyncProperty(mutatedModel, holds), options);
    }, 600_000);
});

// The capacity findings say what the analysis says: for every scenario and analysed node,
// overload ⇔ one bos/overload, headroom ⇔ one bos/headroom, unknown without a declared
// capacity ⇔ one bos/no-capacity (each finding's data names its scenario and node).
const CAPACITY_RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const CAPACITY_CODES: Record<string, string> = {
    overload: 'bos/overload',
    headroom: 'bos/headroom',
    unknown: 'bos/no-capacity',
};

interface Meaning {
    declarations: { name: string; capacity?: unknown }[];
    analysis: { scenarios: { name: string; nodes: { name: string; status: string }[] }[] };
}

function capacityAgrees(outcome: Outcome): void {
    const meaning = outcome.meaning as Meaning;
    const declaresCapacity = new Set(meaning.declarations.filter(d => d.capacity).map(d => d.name));
    const expected: string[] = [];
    for (const s of meaning.analysis.scenarios) {
        for (const n of s.nodes) {
            const code = CAPACITY_CODES[n.status];
            if (code && !(n.status === 'unknown' && declaresCapacity.has(n.name))) {
                expected.push(`${code} ${s.name} ${n.name}`);
            }
        }
    }
    const found = outcome.diagnostics.filter(d => Object.values(CAPACITY_CODES).includes(String(d.code))).map(d => {
        const data = d.data as { scenario: string; node: string };
        return `${d.code} ${data.scenario} ${data.node}`;
    });
    expect(found.sort()).toEqual(expected.sort());
}

/** Small valid models whose capacities, loads and headrooms often meet at the thresholds. */
const capacityModel = fc.record({
    resources: fc.array(
        fc.record({
            capacity: fc.option(fc.oneof(fc.constantFrom(0, 500, 800, 1000, 1250), fc.nat(3000))),
            unit: fc.constantFrom('/s', '/s', '/min', 'ms'),
            latency: fc.option(fc.constantFrom(0, 5, 40, 250)),
            concurrency: fc.option(fc.constantFrom(1, 4, 20)),
            instances: fc.option(fc.constantFrom(1, 2, 10)),
            weight: fc.constantFrom(0.5, 1, 2),
        }),
        { minLength: 1, maxLength: 4 },
    ),
    capability: fc.option(fc.constantFrom(400, 1000, 2000)),
    scenarios: fc.array(
        fc.record({ rate: fc.constantFrom(0, 100, 400, 500, 800, 1000, 1200), headroom: fc.option(fc.nat(100)) }),
        { minLength: 1, maxLength: 3 },
    ),
}).map(({ resources, capability, scenarios }) => {
    const lines = ['package cap', 'infrastructure I {'];
    resources.forEach((r, i) => {
        const body = [
            r.capacity === null ? '' : `capacity ${r.capacity}${r.unit}`,
            r.latency === null ? '' : `latency ${r.latency}ms`,
            r.concurrency === null ? '' : `concurrency ${r.concurrency}`,
            r.instances === null ? '' : `instances ${r.instances}`,
        ];
        lines.push(`  resource R${i} : compute { ${body.join(' ')} }`);
    });
    const runsOn = resources.map((r, i) => `I.R${i} x ${r.weight}`).join(', ');
    lines.push(
        '}',
        `platform P : business { capability C { runs on ${runsOn} ${
            capability === null ? '' : `capacity ${capability}/s`
        } } }`,
    );
    lines.push('element E : sales { uses P.C }', 'flow F { step P.C  slo 100ms }');
    scenarios.forEach((s, i) => {
        lines.push(`scenario S${i} { load F ${s.rate}/s ${s.headroom === null ? '' : `headroom ${s.headroom}%`} }`);
    });
    return lines.join('\n') + '\n';
});

describe('the capacity findings and the analysis agree', () => {
    const agree = async (text: string) => capacityAgrees(await runPipeline(text));

    it(`on ${CAPACITY_RUNS} generated models that meet the thresholds`, async () => {
        await fc.assert(fc.asyncProperty(capacityModel, agree), { ...options, numRuns: CAPACITY_RUNS });
    }, 60_000);

    it(`on ${CAPACITY_RUNS} mutated models`, async () => {
        await fc.assert(fc.asyncProperty(mutatedModel, agree), { ...options, numRuns: CAPACITY_RUNS });
    }, 60_000);
});

// The performance model (spec section 7) as the JSON shows it, and its findings.
const PERFORMANCE_RUNS = Number(process.env.FUZZ_RUNS ?? 500);

interface NodeJson {
    name: string;
    utilisation: number | null;
    latency: number | null;
    wait: number | null;
    responseTime: number | null;
    saturated: boolean;
}
interface FlowJson {
    name: string;
    latency: number | null;
    slo: number | null;
    status: string;
}
interface ScenarioJson {
    name: string;
    saturation: number | null;
    bottleneck: string | null;
    nodes: NodeJson[];
    flows: FlowJson[];
}

function performanceAgrees(outcome: Outcome): void {
    const scenarios = (outcome.meaning as { analysis: { scenarios: ScenarioJson[] } }).analysis.scenarios;
    const missed: string[] = [];
    for (const s of scenarios) {
        for (const n of s.nodes) {
            const at = `${s.name} ${n.name}`;
            if (n.utilisation !== null && n.utilisation >= 1) expect(n.saturated, at).toBe(true);
            if (n.saturated || n.latency === null) expect([n.wait, n.responseTime], at).toEqual([null, null]);
            else {
                expect(n.wait!, at).toBeGreaterThanOrEqual(0);
                expect(n.responseTime!, at).toBeCloseTo(n.latency + n.wait!, 12);
            }
        }
        // s* = 1 / the largest utilisation, at the bottleneck; null when nothing loaded has a capacity and a load.
        const loaded = s.nodes.filter(n => n.utilisation !== null && n.utilisation > 0);
        if (loaded.length === 0) expect([s.saturation, s.bottleneck], s.name).toEqual([null, null]);
        else {
            const max = Math.max(...loaded.map(n => n.utilisation!));
            const bottleneck = s.nodes.find(n => n.name === s.bottleneck)!;
            expect(bottleneck.utilisation! / max, s.name).toBeCloseTo(1, 9);
            expect(s.saturation! * max, s.name).toBeCloseTo(1, 9);
        }
        for (const f of s.flows) {
            if (f.status === 'saturated') expect(f.latency, f.name).toBeNull();
            if (f.status === 'no-slo') expect(f.slo).toBeNull();
            if (f.status === 'ok' || f.status === 'over-slo') expect(f.slo).not.toBeNull();
            if (f.status === 'over-slo') expect(f.latency!).toBeGreaterThan(f.slo!);
            if (f.slo !== null && (f.status === 'over-slo' || f.status === 'saturated')) {
                missed.push(`${s.name} ${f.name}`);
            }
        }
    }
    // One bos/slo per scenario and flow that misses its SLO, and no other.
    const found = outcome.diagnostics.filter(d => d.code === 'bos/slo').map(d => {
        const data = d.data as { scenario: string; flow: string };
        return `${data.scenario} ${data.flow}`;
    });
    expect(found.sort()).toEqual(missed.sort());
}

/** A what-if run over the loaded model: the scale and the overrides the CLI would accept. */
const whatIf = fc.record({
    scale: fc.constantFrom(0, 0.5, 1, 1.5, 1e6, 1e300),
    capacity: fc.option(fc.constantFrom(1, 1000, 1e9)),
    latency: fc.option(fc.constantFrom(0, 0.001, 1)),
    instances: fc.option(fc.constantFrom(1, 3, 1e12)),
    concurrency: fc.option(fc.constantFrom(1, 64)),
});

describe('the performance model, its findings and what-if runs agree', () => {
    it(`on ${PERFORMANCE_RUNS} models with hostile performance values`, async () => {
        await fc.assert(
            fc.asyncProperty(performanceModel, whatIf, async (text, w) => {
                let probed: unknown;
                const probe = ({ model }: WorkspaceResult) => {
                    const override: Override = {};
                    for (const k of ['capacity', 'latency', 'instances', 'concurrency'] as const) {
                        if (w[k] !== null) override[k] = w[k];
                    }
                    const overrides = new Map<ModelNode, Override>(
                        model.nodes.filter(n => n.keyword === 'capability').map(n => [n, override]),
                    );
                    const analysis = analyse(model, deriveFacts(model), { scale: w.scale, overrides });
                    probed = analysisJson(analysis, analysis.scenarios);
                    if (w.scale === 0) {
                        for (const s of analysis.scenarios) expect([s.saturation, s.bottleneck]).toEqual([null, null]);
                    }
                };
                const started = performance.now();
                const outcome = await runPipeline(text, probe);
                expect(performance.now() - started).toBeLessThan(BOUND_MS);
                expect(outcome.parses).toBe(true);
                expectFinite(outcome.meaning);
                expectFinite(probed);
                performanceAgrees(outcome);
            }),
            { ...options, numRuns: PERFORMANCE_RUNS },
        );
    }, 120_000);

    it(`on ${CAPACITY_RUNS} mutated models of the examples`, async () => {
        await fc.assert(
            fc.asyncProperty(mutatedModel, async text => performanceAgrees(await runPipeline(text))),
            { ...options, numRuns: CAPACITY_RUNS },
        );
    }, 60_000);
});
