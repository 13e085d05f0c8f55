// Row edges (src/diagram/rows.ts): which children they tie, and that they leave no trace
// in a laid-out graph.
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import { describe, expect, it } from 'vitest';
import { dropRowEdges, rowEdges } from '../src/diagram/rows.js';

const pairs = (ids: string[]) => rowEdges(ids).map(e => `${e.sources[0]}→${e.targets[0]}`);

describe('row edges', () => {
    it('tie each child to the one ⌈√n⌉ places further on', () => {
        expect(pairs(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'])).toEqual(['a→d', 'b→e', 'c→f', 'd→g', 'e→h']);
        expect(pairs(['a', 'b', 'c'])).toEqual(['a→c']);
        expect(pairs(['a', 'b'])).toEqual([]);
        expect(pairs([])).toEqual([]);
    });

    it('tie each child to the one `columns` places further on when asked', () => {
        const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
        expect(rowEdges(ids, 5).map(e => `${e.sources[0]}→${e.targets[0]}`)).toEqual([
            'a→f',
            'b→g',
            'c→h',
            'd→i',
            'e→j',
        ]);
        expect(rowEdges(['a', 'b'], 1).map(e => `${e.sources[0]}→${e.targets[0]}`)).toEqual(['a→b']);
    });

    it('are taken out of a laid-out graph at every depth, other edges kept', () => {
        const inner = rowEdges(['x', 'y', 'z']);
        const laid: ElkNode = {
            id: 'root',
            edges: [{ id: 'n1-n2-uses', sources: ['n1'], targets: ['n2'] }],
            children: [{ id: 'box', edges: [...inner, { id: 'x-y-calls', sources: ['x'], targets: ['y'] }] }],
        };
        dropRowEdges(laid);
        expect(laid.edges!.map(e => e.id)).toEqual(['n1-n2-uses']);
        expect(laid.children![0].edges!.map(e => e.id)).toEqual(['x-y-calls']);
    });
});
