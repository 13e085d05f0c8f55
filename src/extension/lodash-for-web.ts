// The lodash functions chevrotain-allstar (the lookahead of Langium's parser) calls, for
// the web extension only: esbuild.js resolves its `lodash-es/NAME.js` imports here. Its
// calls pass arrays, or nothing, with a function, and lodash-es's general iteratee
// machinery behind them was 23 kB of a bundle whose size is a target (2.5 MB with ELK).
// Missing collections count as empty, as in lodash; test/lodash-for-web.test.ts compares.
type List<T> = readonly T[] | null | undefined;

export const map = <T, R>(list: List<T>, f: (x: T, i: number) => R): R[] => (list ?? []).map((x, i) => f(x, i));

export const filter = <T>(list: List<T>, f: (x: T) => unknown): T[] => (list ?? []).filter(x => f(x));

export const flatMap = <T, R>(list: List<T>, f: (x: T) => R | readonly R[]): R[] =>
    (list ?? []).flatMap(x => f(x) as R | R[]);

export const flatten = <T>(list: List<T | readonly T[]>): T[] => (list ?? []).flat() as T[];

export function forEach<T>(list: List<T>, f: (x: T, i: number) => unknown): List<T> {
    // As lodash: returning false ends the walk.
    const items = list ?? [];
    for (let i = 0; i < items.length; i++) if (f(items[i], i) === false) break;
    return list;
}

export const reduce = <T, R>(list: List<T>, f: (acc: R, x: T, i: number) => R, seed: R): R =>
    (list ?? []).reduce((acc, x, i) => f(acc, x, i), seed);

export function min(list: List<number>): number | undefined {
    let best: number | undefined;
    for (const x of list ?? []) if (!Number.isNaN(x) && (best === undefined || x < best)) best = x;
    return best;
}

export function uniqBy<T>(list: List<T>, key: (x: T) => unknown): T[] {
    const seen = new Set<unknown>();
    return (list ?? []).filter(x => {
        const k = key(x);
        return !seen.has(k) && Boolean(seen.add(k));
    });
}

export function isEmpty(value: unknown): boolean {
    if (value === null || value === undefined) return true;
    if (Array.isArray(value) || typeof value === 'string') return value.length === 0;
    if (value instanceof Map || value instanceof Set) return value.size === 0;
    return typeof value !== 'object' || Object.keys(value).length === 0;
}
