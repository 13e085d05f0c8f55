// Numbers and quantities typed on the command line (`--scale 1.5`, `--set
// X.latency=120ms`), read by the language's own rules: the grammar's NUMBER terminal
// (`_` separators, the scales k, M, B), its value converter, its Unit rule and the unit
// table. So `583k/s` means on the command line what it means in a file.
import { GrammarAST, GrammarUtils } from 'langium';
import { BosGrammar } from '../language/generated/grammar.js';
import { parseNumber } from '../language/value-converter.js';
import { baseValue, type Dimension, UNIT_EXAMPLES } from '../model/units.js';

function terminal(name: string): string {
    const rule = BosGrammar().rules.find(r => r.name === name);
    if (!rule || !GrammarAST.isTerminalRule(rule)) throw new Error(`the grammar has no terminal ${name}`);
    return GrammarUtils.terminalRegex(rule).source;
}

const NUMBER = terminal('NUMBER');
const ID = terminal('ID');
/** A NUMBER, then (spaces allowed, as between tokens) a Unit: `'/' ID | '%' | ID ('/' ID)?`. */
const QUANTITY = new RegExp(`^(?<number>${NUMBER})\\s*(?<unit>(?:/\\s*${ID}|%|${ID}(?:\\s*/\\s*${ID})?)?)$`, 'u');

export type Read = { value: number } | { problem: string };

/** A plain number as the language writes one (`1.5`, `1_000`, `2k`), never negative. */
export function readNumber(text: string): Read {
    const t = text.trim();
    if (t.startsWith('-')) return { problem: 'is negative' };
    const m = QUANTITY.exec(t);
    if (!m || m.groups!.unit) return { problem: 'is not a number such as 1.5, 2 or 1_000' };
    const value = parseNumber(m.groups!.number);
    return Number.isFinite(value) ? { value } : { problem: 'is too large to compute with' };
}

/** A quantity of `dimension` in its base unit (per second, seconds, a count), or what is wrong with it. */
export function readQuantity(text: string, dimension: Dimension): Read {
    const t = text.trim();
    const wanted = UNIT_EXAMPLES[dimension];
    if (t.startsWith('-')) return { problem: `is negative; no quantity is (${wanted})` };
    const m = QUANTITY.exec(t);
    if (!m) return { problem: `is not a quantity (${wanted})` };
    const number = parseNumber(m.groups!.number);
    const unit = m.groups!.unit ? m.groups!.unit.replace(/\s+/g, '') : undefined;
    const base = Number.isFinite(number) ? baseValue(number, unit, dimension) : undefined;
    if (!Number.isFinite(number) || (base !== undefined && !Number.isFinite(base))) {
        return { problem: 'is too large to compute with' };
    }
    if (base === undefined) {
        return { problem: dimension === 'count' ? `is not ${wanted}` : `has the wrong unit: it needs ${wanted}` };
    }
    return { value: base };
}
