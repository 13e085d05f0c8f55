// The web bundle's stand-ins for lodash-es (src/extension/lodash-for-web.ts) answer as
// lodash-es does on the shapes chevrotain-allstar passes: arrays, nothing, nested arrays.
import * as lodash from 'lodash-es';
import { describe, expect, it } from 'vitest';
import * as lite from '../src/extension/lodash-for-web.js';

const LISTS = [[], [3, 1, 2], [[1, 2], [3], 4], [{ k: 1 }, { k: 2 }, { k: 1 }], undefined, null];

describe('lodash for the web bundle', () => {
    it('maps, filters, flattens and reduces as lodash-es', () => {
        for (const list of LISTS as unknown[][]) {
            const f = (x: unknown, i: number) => [x, i];
            expect(lite.map(list, f)).toEqual(lodash.map(list, f));
            expect(lite.filter(list, x => typeof x === 'number')).toEqual(
                lodash.filter(list, x => typeof x === 'number'),
            );
            expect(lite.flatMap(list, x => [x, x])).toEqual(lodash.flatMap(list, x => [x, x]));
            expect(lite.flatten(list)).toEqual(lodash.flatten(list));
            const sum = (acc: unknown[], x: unknown, i: number) => [...acc, `${i}:${JSON.stringify(x)}`];
            expect(lite.reduce(list, sum, [])).toEqual(lodash.reduce(list, sum, []));
            expect(lite.isEmpty(list)).toBe(lodash.isEmpty(list));
        }
    });

    it('walks with forEach until false, as lodash-es', () => {
        const seen: number[][] = [[], []];
        const walk = (into: number[]) => (x: number) => (into.push(x), x < 2);
        expect(lite.forEach([1, 2, 3], walk(seen[0]))).toEqual(lodash.forEach([1, 2, 3], walk(seen[1])));
        expect(seen[0]).toEqual(seen[1]);
        expect(seen[0]).toEqual([1, 2]);
        expect(lite.forEach(undefined, () => expect.fail('nothing to walk'))).toBeUndefined();
    });

    it('finds the least, and the first of each key, as lodash-es', () => {
        for (const list of [[], [3, 1, 2], [5], [Number.NaN, 4, 2]]) expect(lite.min(list)).toBe(lodash.min(list));
        const items = [{ k: 1, n: 'a' }, { k: 2, n: 'b' }, { k: 1, n: 'c' }];
        expect(lite.uniqBy(items, x => x.k)).toEqual(lodash.uniqBy(items, x => x.k));
    });

    it('tells empty things as lodash-es', () => {
        for (const value of [{}, { a: 1 }, '', 'x', new Map(), new Map([[1, 1]]), new Set([1]), 0, 7, null]) {
            expect(lite.isEmpty(value), String(value)).toBe(lodash.isEmpty(value));
        }
    });
});
