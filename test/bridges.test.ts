import type { ElkNode } from 'elkjs/lib/elk-api.js';
import { describe, expect, it } from 'vitest';
import { bridge, joinBridges } from '../src/diagram/bridges.js';

describe('bridges', () => {
    it('lays an edge out as two halves from a junction and joins them again, up, over and down', () => {
        const { node, halves } = bridge({ id: 'a-b-calls', source: 'a', target: 'b' }, '3');
        expect(node.layoutOptions).toEqual({ 'elk.partitioning.partition': '3' });
        expect(halves.map(h => [h.sources[0], h.targets[0]])).toEqual([[node.id, 'a'], [node.id, 'b']]);
        // As ELK returns them: both halves leave the junction (50, 0) downwards.
        const laid: ElkNode = {
            id: 'root',
            children: [{ id: 'a' }, { ...node, x: 50, y: 0 }, { id: 'b' }],
            edges: [
                { id: 'other', sources: ['a'], targets: ['b'] },
                {
                    ...halves[0],
                    sections: [{
                        id: 's',
                        startPoint: { x: 50, y: 0 },
                        bendPoints: [{ x: 50, y: 10 }, { x: 0, y: 10 }],
                        endPoint: { x: 0, y: 40 },
                    }],
                },
                {
                    ...halves[1],
                    sections: [{
                        id: 't',
                        startPoint: { x: 50, y: 0 },
                        bendPoints: [{ x: 50, y: 12 }, { x: 100, y: 12 }],
                        endPoint: { x: 100, y: 40 },
                    }],
                },
            ],
        };
        const joined = joinBridges(laid);
        expect(joined.children!.map(c => c.id)).toEqual(['a', 'b']);
        expect(joined.edges!.map(e => e.id)).toEqual(['other', 'a-b-calls']);
        const edge = joined.edges![1];
        expect([edge.sources, edge.targets]).toEqual([['a'], ['b']]);
        // No spike up to the junction: the route climbs from a, crosses over and comes down into b.
        const s = edge.sections![0];
        expect([s.startPoint, ...s.bendPoints!, s.endPoint]).toEqual([
            { x: 0, y: 40 },
            { x: 0, y: 10 },
            { x: 50, y: 10 },
            { x: 50, y: 12 },
            { x: 100, y: 12 },
            { x: 100, y: 40 },
        ]);
    });

    it('can enter a junction below instead, and joins the halves from the caller to the callee', () => {
        const { node, halves } = bridge({ id: 'a-b-calls', source: 'a', target: 'b' }, '5', 'below');
        expect(node.layoutOptions).toEqual({ 'elk.partitioning.partition': '5' });
        expect(halves.map(h => [h.sources[0], h.targets[0]])).toEqual([['a', node.id], ['b', node.id]]);
        // As ELK returns them: both halves come down from a (0, 40) and b (100, 40) into the junction (50, 80).
        const laid: ElkNode = {
            id: 'root',
            children: [{ id: 'a' }, { ...node, x: 50, y: 80 }, { id: 'b' }],
            edges: [
                {
                    ...halves[0],
                    sections: [{
                        id: 's',
                        startPoint: { x: 0, y: 40 },
                        bendPoints: [{ x: 0, y: 70 }, { x: 50, y: 70 }],
                        endPoint: { x: 50, y: 80 },
                    }],
                },
                {
                    ...halves[1],
                    sections: [{
                        id: 't',
                        startPoint: { x: 100, y: 40 },
                        bendPoints: [{ x: 100, y: 72 }, { x: 50, y: 72 }],
                        endPoint: { x: 50, y: 80 },
                    }],
                },
            ],
        };
        const joined = joinBridges(laid);
        expect(joined.children!.map(c => c.id)).toEqual(['a', 'b']);
        const edge = joined.edges![0];
        expect([edge.id, edge.sources, edge.targets]).toEqual(['a-b-calls', ['a'], ['b']]);
        const s = edge.sections![0];
        expect([s.startPoint, ...s.bendPoints!, s.endPoint]).toEqual([
            { x: 0, y: 40 },
            { x: 0, y: 70 },
            { x: 50, y: 70 },
            { x: 50, y: 72 },
            { x: 100, y: 72 },
            { x: 100, y: 40 },
        ]);
    });
});
