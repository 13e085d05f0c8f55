import type { ElkNode } from 'elkjs/lib/elk-api.js';
import { describe, expect, it } from 'vitest';
import {
    bandsInOrder,
    bends,
    crossings,
    elkDrawing,
    fitScale,
    measure,
    type Point,
    routeLength,
    smallestLabelAtFit,
} from '../src/diagram/layout-metrics.js';

const route = (...xy: number[]): Point[] => {
    const out: Point[] = [];
    for (let i = 0; i < xy.length; i += 2) out.push({ x: xy[i], y: xy[i + 1] });
    return out;
};

describe('layout metrics', () => {
    it('counts two crossing edges once, parallel or touching ones never', () => {
        expect(crossings([route(0, 0, 10, 10), route(0, 10, 10, 0)])).toBe(1);
        expect(crossings([route(0, 0, 10, 0), route(0, 5, 10, 5)])).toBe(0);
        // Two edges into the same box end at the same point; one runs along the other.
        expect(crossings([route(0, 0, 5, 10), route(10, 0, 5, 10)])).toBe(0);
        expect(crossings([route(0, 0, 10, 0), route(5, 0, 20, 0)])).toBe(0);
        // An orthogonal route that crosses a vertical edge twice, and a third edge far away.
        const hook = route(0, 5, 20, 5, 20, 15, 0, 15);
        expect(crossings([hook, route(10, 0, 10, 20), route(100, 100, 110, 110)])).toBe(2);
    });

    it('counts bends as right angles turned and length along the route', () => {
        expect(bends(route(0, 0, 0, 10, 10, 10, 10, 20))).toBeCloseTo(2);
        expect(bends(route(0, 0, 0, 10, 0, 30))).toBeCloseTo(0);
        // A quarter circle read as 16 chords turns in small steps, 15/16 of a right angle between its end chords.
        const arc = Array.from({ length: 17 }, (_, i) => ({
            x: Math.cos(i * Math.PI / 32),
            y: Math.sin(i * Math.PI / 32),
        }));
        expect(bends(arc)).toBeCloseTo(15 / 16);
        expect(routeLength(route(0, 0, 3, 4, 3, 10))).toBe(11);
    });

    it('reads an ELK layout in absolute coordinates: an edge inside a container is moved by it', () => {
        const laid: ElkNode = {
            id: 'root',
            width: 300,
            height: 200,
            children: [{
                id: 'c',
                x: 100,
                y: 50,
                width: 150,
                height: 100,
                children: [{ id: 'a', x: 10, y: 10, width: 20, height: 20 }],
                edges: [{
                    id: 'inner',
                    sources: ['a'],
                    targets: ['b'],
                    sections: [{ id: 's', startPoint: { x: 0, y: 0 }, endPoint: { x: 0, y: 40 } }],
                }],
            }],
            edges: [{
                id: 'outer',
                sources: ['x'],
                targets: ['y'],
                sections: [{ id: 't', startPoint: { x: 80, y: 70 }, endPoint: { x: 120, y: 70 } }],
            }],
        };
        const drawing = elkDrawing(laid);
        expect(drawing.edges).toContainEqual(route(100, 50, 100, 90));
        expect(drawing.boxes.get('a')).toEqual({ x: 110, y: 60, width: 20, height: 20 });
        // Relative to the root the two would not meet; in absolute coordinates they cross.
        expect(measure(drawing)).toEqual({ crossings: 1, bends: 0, length: 80, width: 300, height: 200 });
    });

    it('fits like the preview and says how large the smallest label then is', () => {
        expect(fitScale(2400, 700)).toBeCloseTo(0.48);
        expect(fitScale(100, 100)).toBeCloseTo(1.92);
        // The kind line is 11 px: at half size, 5.28 px on screen.
        expect(smallestLabelAtFit(2400, 1400)).toBeCloseTo(11 * 0.48);
    });

    it('tells bands in order from bands that overlap', () => {
        const box = (y: number) => ({ x: 0, y, width: 10, height: 10 });
        expect(bandsInOrder([{ layer: 'actors', rect: box(0) }, { layer: 'platform', rect: box(20) }])).toBe(true);
        expect(bandsInOrder([{ layer: 'actors', rect: box(0) }, { layer: 'commerce', rect: box(5) }])).toBe(false);
    });
});
