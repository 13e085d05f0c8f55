// Before → after pairs of numbers for people: both written alike, with as many digits as
// it takes to tell them apart (`0.10 → 0.12`, `71% → 94%`, `71.2% → 71.4%`).
import { change } from '../analysis/format.js';
import type { Money } from '../analysis/scenario.js';
import type { Delta } from './scenarios.js';

export const NONE = '—';

type Write = (x: number, digits: number) => string;

/** Fewest digits from `digits` that tell the two apart (the last when none does). */
function apart(d: Delta<number>, write: Write, digits: readonly number[]): [string, string] {
    let pair: [string, string] = [NONE, NONE];
    for (const n of digits) {
        pair = [d.before === null ? NONE : write(d.before, n), d.after === null ? NONE : write(d.after, n)];
        if (pair[0] !== pair[1]) break;
    }
    return pair;
}

const plain = (x: number, digits: number) => String(Number(x.toFixed(digits)));

export function moneyPair(d: Delta<number>): [string, string] {
    const big = Math.max(Math.abs(d.before ?? 0), Math.abs(d.after ?? 0)) >= 100;
    return apart(d, (x, n) => (big ? plain(x, n) : x.toFixed(n)), big ? [0, 2, 4] : [2, 3, 4, 6]);
}

export function percentPair(d: Delta<number>): [string, string] {
    return apart(d, (x, n) => `${plain(x * 100, n)}%`, [0, 1, 2, 3]);
}

export function durationPair(d: Delta<number>): [string, string] {
    const ms = Math.max(d.before ?? 0, d.after ?? 0) < 1;
    return apart(
        d,
        (x, n) => (ms ? `${String(Number((x * 1000).toPrecision(n)))}ms` : `${String(Number(x.toPrecision(n)))}s`),
        [3, 4, 6],
    );
}

export function factorPair(d: Delta<number>): [string, string] {
    return apart(d, (x, n) => `×${String(Number(x.toPrecision(n)))}`, [3, 4, 6]);
}

/** `+20%`, `−80%`: the relative change, when both sides have a value. */
export function relative(d: Delta<number>): string | undefined {
    if (d.before === null || d.after === null || d.before === 0) return undefined;
    return change((d.after - d.before) / Math.abs(d.before));
}

/** `0.10 → 0.12 CNY` and, in one currency, the relative change (`+20%`). */
export function costPair({ before, after }: Delta<Money>): { text: string; change?: string } {
    const one = before !== null && after !== null && before.currency === after.currency;
    const [b, a] = moneyPair({ before: before?.amount ?? null, after: after?.amount ?? null });
    const was = before && !one ? `${b} ${before.currency}` : b;
    return {
        text: `${was} → ${a}${after ? ` ${after.currency}` : ''}`,
        change: one ? relative({ before: before.amount, after: after.amount }) : undefined,
    };
}

/** `ok → headroom`, or `headroom` alone when it stayed. */
export function wordPair({ before, after }: Delta<string>): string {
    return before === after ? (after ?? NONE) : `${before ?? NONE} → ${after ?? NONE}`;
}

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The last segment of a qualified name, as a summary names things. */
export const shortName = (id: string) => id.slice(id.lastIndexOf('.') + 1);
