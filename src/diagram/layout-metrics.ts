// How readable a laid-out drawing is, in numbers people compare: edge crossings, bends,
// total edge length, its size, and how large its smallest label is on screen when the
// preview fits it into a panel. Pure geometry: ELK's layout and Graphviz's splines are
// both read into one shape (absolute polylines) and measured by the same code.
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import { type Layer, LAYERS } from '../model/vocabulary.js';
import { FONT_SIZE } from './theme.js';

export interface Point {
    x: number;
    y: number;
}

/** A drawing reduced to what is measured: its size and each edge's route in absolute coordinates. */
export interface Drawing {
    width: number;
    height: number;
    edges: readonly (readonly Point[])[];
}

export interface LayoutMetrics {
    crossings: number;
    bends: number;
    length: number;
    width: number;
    height: number;
}

export interface Rect {
    x: number;
    y: number;
    width: number;
    height: number;
}

/**
 * Every edge of an ELK layout as one absolute polyline, and every box's absolute
 * rectangle (ELK gives both relative to their holder).
 */
export function elkDrawing(laid: ElkNode): Drawing & { boxes: Map<string, Rect> } {
    const edges: Point[][] = [];
    const boxes = new Map<string, Rect>();
    const walk = (node: ElkNode, dx: number, dy: number) => {
        for (const edge of node.edges ?? []) {
            const route: Point[] = [];
            for (const s of edge.sections ?? []) {
                for (const p of [s.startPoint, ...(s.bendPoints ?? []), s.endPoint]) {
                    route.push({ x: p.x + dx, y: p.y + dy });
                }
            }
            edges.push(route);
        }
        for (const c of node.children ?? []) {
            const x = dx + (c.x ?? 0), y = dy + (c.y ?? 0);
            boxes.set(c.id, { x, y, width: c.width ?? 0, height: c.height ?? 0 });
            walk(c, x, y);
        }
    };
    walk(laid, 0, 0);
    return { width: laid.width ?? 0, height: laid.height ?? 0, edges, boxes };
}

/** Whether every box of a band lies wholly above every box of the bands below it. */
export function bandsInOrder(tops: readonly { layer: Layer; rect: Rect }[]): boolean {
    let above = -Infinity;
    for (const layer of LAYERS) {
        const band = tops.filter(t => t.layer === layer);
        if (!band.length) continue;
        if (Math.min(...band.map(t => t.rect.y)) < above) return false;
        above = Math.max(...band.map(t => t.rect.y + t.rect.height));
    }
    return true;
}

const cross = (o: Point, a: Point, b: Point) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);

/**
 * Whether two segments cross at a point inside both: segments that only touch (edges
 * meeting at a box or a shared bend) or run along each other do not cross.
 */
export function segmentsCross(a: Point, b: Point, c: Point, d: Point): boolean {
    const d1 = cross(c, d, a), d2 = cross(c, d, b), d3 = cross(a, b, c), d4 = cross(a, b, d);
    return d1 * d2 < 0 && d3 * d4 < 0;
}

/** Crossing points between different edges, each pair of crossing segments counted once. */
export function crossings(edges: readonly (readonly Point[])[]): number {
    // Bounding boxes first: most pairs of edges are far apart.
    const boxes = edges.map(route => ({
        x0: Math.min(...route.map(p => p.x)),
        x1: Math.max(...route.map(p => p.x)),
        y0: Math.min(...route.map(p => p.y)),
        y1: Math.max(...route.map(p => p.y)),
    }));
    let count = 0;
    for (let i = 0; i < edges.length; i++) {
        for (let j = i + 1; j < edges.length; j++) {
            const p = boxes[i], q = boxes[j];
            if (p.x1 < q.x0 || q.x1 < p.x0 || p.y1 < q.y0 || q.y1 < p.y0) continue;
            for (let s = 1; s < edges[i].length; s++) {
                for (let t = 1; t < edges[j].length; t++) {
                    if (segmentsCross(edges[i][s - 1], edges[i][s], edges[j][t - 1], edges[j][t])) count++;
                }
            }
        }
    }
    return count;
}

/**
 * Bends of a route as its total turning in right angles: an orthogonal route's bend
 * points exactly, and the same measure for a curve read as a polyline (Graphviz).
 */
export function bends(route: readonly Point[]): number {
    let turning = 0;
    for (let i = 2; i < route.length; i++) {
        const a = Math.atan2(route[i - 1].y - route[i - 2].y, route[i - 1].x - route[i - 2].x);
        const b = Math.atan2(route[i].y - route[i - 1].y, route[i].x - route[i - 1].x);
        const turn = Math.abs(b - a);
        turning += Math.min(turn, 2 * Math.PI - turn);
    }
    return turning / (Math.PI / 2);
}

export function routeLength(route: readonly Point[]): number {
    let length = 0;
    for (let i = 1; i < route.length; i++) {
        length += Math.hypot(route[i].x - route[i - 1].x, route[i].y - route[i - 1].y);
    }
    return length;
}

export function measure(drawing: Drawing): LayoutMetrics {
    return {
        crossings: crossings(drawing.edges),
        bends: Math.round(drawing.edges.reduce((n, r) => n + bends(r), 0)),
        length: Math.round(drawing.edges.reduce((n, r) => n + routeLength(r), 0)),
        width: Math.round(drawing.width),
        height: Math.round(drawing.height),
    };
}

/** The panel the issue reads the Overview in. */
export const PANEL = { width: 1200, height: 700 } as const;

/**
 * The zoom at which the preview fits a picture into a panel: the same rule as the
 * webview's fit (src/webview/main.ts, which may import nothing from here): never above
 * 2, with a 4 % margin.
 */
export function fitScale(width: number, height: number, panel = PANEL): number {
    return Math.min(panel.width / width, panel.height / height, 2) * 0.96;
}

/** On-screen size of the smallest label (a box's kind line) when the picture is fitted into the panel. */
export function smallestLabelAtFit(width: number, height: number, panel = PANEL): number {
    return Math.min(...Object.values(FONT_SIZE)) * fitScale(width, height, panel);
}
