import type { ElkExtendedEdge, ElkNode, ElkPoint } from 'elkjs/lib/elk-api.js';
import { describe, expect, it } from 'vitest';
import { bridge, joinBridges } from '../src/diagram/bridges.js';

const AB = { id: 'a-b-calls', source: 'a', target: 'b' };

/** A bridge between a and b as ELK returns it: the junction at `at`, each half along its points. */
function laidBridge(b: ReturnType<typeof bridge>, at: ElkPoint, routes: ElkPoint[][], others: ElkExtendedEdge[] = []) {
    const laid: ElkNode = {
        id: 'root',
        children: [{ id: 'a' }, { ...b.node, ...at }, { id: 'b' }],
        edges: [
            ...others,
            ...b.halves.map((h, i) => {
                const [startPoint, ...rest] = routes[i];
                return {
                    ...h,
                    sections: [{ id: `s${i}`, startPoint, bendPoints: rest.slice(0, -1), endPoint: rest.at(-1)! }],
                };
            }),
        ],
    };
    return joinBridges(laid);
}

const routeOf = (e: ElkExtendedEdge) => {
    const s = e.sections![0];
    return [s.startPoint, ...s.bendPoints!, s.endPoint];
};

describe('bridges', () => {
    it('lays an edge out as two halves from a junction and joins them again, up, over and down', () => {
        const b = bridge(AB, '3');
        expect(b.node.layoutOptions).toEqual({ 'elk.partitioning.partition': '3' });
        expect(b.halves.map(h => [h.sources[0], h.targets[0]])).toEqual([[b.node.id, 'a'], [b.node.id, 'b']]);
        // Both halves leave the junction (50, 0) downwards.
        const joined = laidBridge(b, { x: 50, y: 0 }, [
            [{ x: 50, y: 0 }, { x: 50, y: 10 }, { x: 0, y: 10 }, { x: 0, y: 40 }],
            [{ x: 50, y: 0 }, { x: 50, y: 12 }, { x: 100, y: 12 }, { x: 100, y: 40 }],
        ], [{ id: 'other', sources: ['a'], targets: ['b'] }]);
        expect(joined.children!.map(c => c.id)).toEqual(['a', 'b']);
        expect(joined.edges!.map(e => e.id)).toEqual(['other', 'a-b-calls']);
        const edge = joined.edges![1];
        expect([edge.sources, edge.targets]).toEqual([['a'], ['b']]);
        // No spike up to the junction: the route climbs from a, crosses over and comes down into b.
        expect(routeOf(edge)).toEqual([
            { x: 0, y: 40 },
            { x: 0, y: 10 },
            { x: 50, y: 10 },
            { x: 50, y: 12 },
            { x: 100, y: 12 },
            { x: 100, y: 40 },
        ]);
    });

    it('can enter a junction below instead, and joins the halves from the caller to the callee', () => {
        const b = bridge(AB, '5', 'below');
        expect(b.node.layoutOptions).toEqual({ 'elk.partitioning.partition': '5' });
        expect(b.halves.map(h => [h.sources[0], h.targets[0]])).toEqual([['a', b.node.id], ['b', b.node.id]]);
        // Both halves come down from a (0, 40) and b (100, 40) into the junction (50, 80).
        const joined = laidBridge(b, { x: 50, y: 80 }, [
            [{ x: 0, y: 40 }, { x: 0, y: 70 }, { x: 50, y: 70 }, { x: 50, y: 80 }],
            [{ x: 100, y: 40 }, { x: 100, y: 72 }, { x: 50, y: 72 }, { x: 50, y: 80 }],
        ]);
        expect(joined.children!.map(c => c.id)).toEqual(['a', 'b']);
        const edge = joined.edges![0];
        expect([edge.id, edge.sources, edge.targets]).toEqual(['a-b-calls', ['a'], ['b']]);
        expect(routeOf(edge)).toEqual([
            { x: 0, y: 40 },
            { x: 0, y: 70 },
            { x: 50, y: 70 },
            { x: 50, y: 72 },
            { x: 100, y: 72 },
            { x: 100, y: 40 },
        ]);
    });
});
