// Property-based tests (fast-check, seeded): random token soup and mutated valid models
// go through parse, link, validate, analyse, format and diagram building. Nothing may
// throw or take long, every diagnostic must lie inside its document, and formatting
// must be idempotent, keep every comment and keep the meaning of the model.
// `FUZZ_RUNS` (per property) and `FUZZ_SEED` override the defaults; `npm run fuzz` runs
// longer with a fresh seed and prints it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Range } from 'vscode-languageserver-types';
import { mutatedModel, SEEDS, tokenSoup } from './fuzz/inputs.js';
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

async function holds(text: string): Promise<void> {
    const started = performance.now();
    const outcome = await runPipeline(text);
    expect(performance.now() - started).toBeLessThan(BOUND_MS);
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
