// How many boxes a row of each band and container holds, chosen before the layout. The
// bands stack, so a view of several full bands tends to be taller than the 1,200 × 700
// panel it is read in: then its bands are packed flat (the largest band of loose boxes in
// two rows, containers no edge from outside enters at a child about √(2n) wide instead of
// √n). Flat costs width, which a wide view cannot spare (the Platforms view, TradeChain),
// so the shape is chosen by an estimate of both drawings from the box sizes alone, whichever
// fits the panel larger. ELK still lays everything out; this only sets its bounds and rows.
import { type Layer, LAYERS } from '../model/vocabulary.js';
import type { Diagram, DiagramNode } from './graph.js';
import { fitScale } from './layout-metrics.js';
import { boxSize } from './measure.js';

export interface BandShape {
    /** Coffman–Graham's bound at the root: at most this many boxes a layer. */
    rootBound: number;
    /** Columns of each wrapped container (rows.ts). */
    columns: ReadonlyMap<string, number>;
}

// The spacing layout.ts gives ELK, and what the SVG adds around the drawing (svg.ts), in px.
const BOX_GAP = 24;
const CHILD_GAP = 18;
const LAYER_GAP = 32;
const CHILD_LAYER_GAP = 28;
const BAND_GAP = 40;
const CONTAINER_FRAME = { width: 28, height: 56 };
const AROUND = { width: 150 + 36, height: 48 + 52 };
/**
 * ELK places boxes over the boxes they are tied to, which spreads a band wider than its boxes side by side: the
 * example's views ran 60–300 px wider than this estimate without it.
 */
const SPREAD = 150;

/** Columns of a container's rows: about √n; about √(2n) flat, where no edge from outside enters a child. */
function ownColumns(children: number, flat: boolean): number {
    return Math.max(1, Math.ceil(Math.sqrt(flat ? 2 * children : children)));
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

export function bandShape(diagram: Diagram, wrapped: readonly string[], entered: ReadonlySet<string>): BandShape {
    const plain = shape(diagram, wrapped, entered, false);
    const flat = shape(diagram, wrapped, entered, true);
    const scale = (s: ReturnType<typeof shape>) => fitScale(s.width, s.height);
    return scale(flat) > scale(plain) ? flat : plain;
}

function shape(diagram: Diagram, wrapped: readonly string[], entered: ReadonlySet<string>, flat: boolean) {
    const kids = new Map<string, DiagramNode[]>();
    for (const n of diagram.nodes) if (n.parent) kids.set(n.parent, [...kids.get(n.parent) ?? [], n]);
    const leaves = (id: string) => (kids.get(id) ?? []).filter(c => !kids.has(c.id));
    const tops = diagram.nodes.filter(n => !n.parent);
    const bandOf = (layer: Layer) => tops.filter(n => n.layer === layer);
    const isBox = (n: DiagramNode) => !n.isContainer || !!n.folded;
    const own = (id: string) => ownColumns(leaves(id).length, flat && !entered.has(id));
    // Every container of a band is as tall as the band's tallest wrapped one: a pair stands as a column when
    // that allows (the three-box platforms stacked too cost the Overview 3–7 crossings).
    const layerOf = new Map(diagram.nodes.map(n => [n.id, n.layer]));
    const rows = new Map<Layer, number>();
    for (const id of wrapped) {
        const layer = layerOf.get(id)!;
        rows.set(layer, Math.max(rows.get(layer) ?? 1, Math.ceil(leaves(id).length / own(id))));
    }
    const columns = new Map<string, number>();
    for (const id of wrapped) {
        const n = leaves(id).length;
        columns.set(id, n <= 2 ? Math.max(1, Math.ceil(n / rows.get(layerOf.get(id)!)!)) : own(id));
    }
    const loosest = Math.max(...LAYERS.map(l => bandOf(l).filter(isBox).length));
    const twoRows = Math.min(Math.ceil(loosest / 2), Math.ceil(Math.sqrt(2 * tops.length)));
    const side = Math.max(...LAYERS.map(l => bandOf(l).filter(n => !isBox(n)).length), flat ? twoRows : 0);
    const rootBound = Math.max(2, side, Math.ceil(Math.sqrt(tops.length)));
    // The estimate: each band's boxes in rows of the bound beside its containers, the bands stacked.
    let width = 0, height = 0, bands = 0;
    for (const layer of LAYERS) {
        const band = bandOf(layer);
        if (!band.length) continue;
        const loose = band.filter(isBox).map(boxSize);
        const across = Math.min(loose.length, rootBound);
        const looseRows = Math.ceil(loose.length / rootBound);
        let w = across ? across * mean(loose.map(b => b.width)) + (across - 1) * BOX_GAP : 0;
        let h = looseRows * (Math.max(0, ...loose.map(b => b.height)) + LAYER_GAP) - LAYER_GAP;
        for (const c of band.filter(n => !isBox(n))) {
            const inside = leaves(c.id).map(boxSize);
            const cols = Math.max(1, Math.min(inside.length, columns.get(c.id) ?? own(c.id)));
            const r = Math.ceil(inside.length / cols);
            const inner = cols * mean(inside.map(b => b.width)) + (cols - 1) * CHILD_GAP + CONTAINER_FRAME.width;
            w += (w ? BOX_GAP : 0) + Math.max(160, boxSize(c).width, inner);
            const tall = Math.max(0, ...inside.map(b => b.height));
            h = Math.max(h, r * tall + (r - 1) * CHILD_LAYER_GAP + CONTAINER_FRAME.height);
        }
        width = Math.max(width, w);
        height += h;
        bands++;
    }
    return {
        rootBound,
        columns,
        width: width + SPREAD + AROUND.width,
        height: height + Math.max(0, bands - 1) * BAND_GAP + AROUND.height,
    };
}
