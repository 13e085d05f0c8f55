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
import { runPipeline } from './fuzz/pipeline.js';

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
