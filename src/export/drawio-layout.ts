// Positions for the draw.io export, which must say where every shape is: layer bands
// stacked top to bottom, each band's boxes in rows that wrap, a container's children in
// a near-square grid. A linear pass (no crossing minimisation): draw.io's own layouts
// (Arrange → Layout) can improve it, and a 10k-box view is placed in milliseconds.
import { textWidth } from '../diagram/measure.js';
import type { ExportGraph, ExportNode, LayerBand } from './view-graph.js';

export interface Rect {
    /** Relative to the parent shape, as draw.io reads a child's geometry. */
    x: number;
    y: number;
    width: number;
    height: number;
}

export interface Placement {
    boxes: Map<ExportNode, Rect>;
    bands: Map<LayerBand, Rect>;
    width: number;
    height: number;
}

export const HEADER = 30;
const PAD = 16;
const GAP = 24;
const MARGIN = 20;
const LINE = 16;
/** Rows of a band wrap at this width, or at the widest box when that is wider. */
const ROW = 1600;

interface Size {
    width: number;
    height: number;
}

function labelSize(label: string): Size {
    const lines = label.split('\n');
    const width = Math.max(120, Math.ceil(lines.reduce((w, l) => Math.max(w, textWidth(l)), 0)) + 28);
    return { width, height: 46 + LINE * (lines.length - 1) };
}

// A loop, not Math.max(...): a band may hold more boxes than a call takes arguments.
const widest = (sizes: readonly Size[]) => sizes.reduce((w, s) => Math.max(w, s.width), 0);

/** Lays `items` out left to right in rows no wider than `limit`; returns the size they take. */
function rows(items: readonly Size[], limit: number, place: (i: number, x: number, y: number) => void): Size {
    let x = 0, y = 0, rowHeight = 0, width = 0;
    items.forEach((s, i) => {
        if (x > 0 && x + s.width > limit) {
            y += rowHeight + GAP;
            x = rowHeight = 0;
        }
        place(i, x, y);
        x += s.width + GAP;
        rowHeight = Math.max(rowHeight, s.height);
        width = Math.max(width, x - GAP);
    });
    return { width, height: y + rowHeight };
}

export function place(graph: ExportGraph): Placement {
    const boxes = new Map<ExportNode, Rect>();
    const size = (n: ExportNode): Size => {
        const own = labelSize(n.label);
        if (n.children.length === 0) return own;
        const sizes = n.children.map(size);
        // A near-square grid: as many columns as the square root of the children.
        const columns = Math.ceil(Math.sqrt(sizes.length));
        const cell = widest(sizes);
        const inner = rows(sizes, columns * (cell + GAP) - GAP, (i, x, y) => {
            boxes.set(n.children[i], { x: PAD + x, y: HEADER + PAD + y, ...sizes[i] });
        });
        return { width: Math.max(own.width, inner.width + 2 * PAD), height: HEADER + inner.height + 2 * PAD };
    };
    const bands = new Map<LayerBand, Rect>();
    let y = MARGIN, width = 0;
    const sized = graph.bands.map(b => ({ band: b, sizes: b.roots.map(size) }));
    const limit = Math.max(ROW, ...sized.map(s => widest(s.sizes)));
    for (const { band, sizes } of sized) {
        const inner = rows(sizes, limit, (i, x, ry) => {
            boxes.set(band.roots[i], { x: PAD + x, y: HEADER + PAD + ry, ...sizes[i] });
        });
        const rect = { x: MARGIN, y, width: inner.width + 2 * PAD, height: HEADER + inner.height + 2 * PAD };
        bands.set(band, rect);
        width = Math.max(width, rect.width);
        y += rect.height + GAP;
    }
    // Every band as wide as the widest, so the layers read as stripes.
    for (const rect of bands.values()) rect.width = width;
    return { boxes, bands, width: width + 2 * MARGIN, height: y - GAP + MARGIN };
}
