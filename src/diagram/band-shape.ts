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
import { BAND_GUTTER, SPACING } from './spacing.js';

export interface BandShape {
    /** Coffman–Graham's bound at the root: at most this many boxes a layer. */
    rootBound: number;
    /** Columns of each wrapped container (rows.ts). */
    columns: ReadonlyMap<string, number>;
}

const { box: BOX_GAP, child: CHILD_GAP, layer: LAYER_GAP, childLayer: CHILD_LAYER_GAP, root, container } = SPACING;
/** Between two bands: a layer's gap and the bands' own margins. */
const BAND_GAP = 40;
const CONTAINER_FRAME = { width: container.left + container.right, height: container.top + container.bottom };
/** Round the drawing: ELK's padding, the band titles' gutter, and below it a one-row legend (svg.ts, 52 px). */
const AROUND = { width: BAND_GUTTER + root.left + root.right, height: root.top + root.bottom + 52 };
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
    const view = new View(diagram);
    const plain = shape(view, wrapped, entered, false);
    const flat = shape(view, wrapped, entered, true);
    const scale = (s: BandShape) => {
        const { width, height } = estimate(view, s);
        return fitScale(width, height);
    };
    return scale(flat) > scale(plain) ? flat : plain;
}

/** The diagram read by box: each container's leaves, each band's top-level boxes. */
class View {
    private readonly kids = new Map<string, DiagramNode[]>();
    readonly layerOf: ReadonlyMap<string, Layer>;
    readonly tops: readonly DiagramNode[];

    constructor(diagram: Diagram) {
        for (const n of diagram.nodes) {
            if (!n.parent) continue;
            const kids = this.kids.get(n.parent);
            if (kids) kids.push(n);
            else this.kids.set(n.parent, [n]);
        }
        this.layerOf = new Map(diagram.nodes.map(n => [n.id, n.layer]));
        this.tops = diagram.nodes.filter(n => !n.parent);
    }

    leaves(id: string): DiagramNode[] {
        return (this.kids.get(id) ?? []).filter(c => !this.kids.has(c.id));
    }

    band(layer: Layer): DiagramNode[] {
        return this.tops.filter(n => n.layer === layer);
    }
}

function shape(view: View, wrapped: readonly string[], entered: ReadonlySet<string>, flat: boolean): BandShape {
    const own = (id: string) => ownColumns(view.leaves(id).length, flat && !entered.has(id));
    // Every container of a band is as tall as the band's tallest wrapped one, so a pair stands as a column when
    // that allows (the three-box platforms stacked too made the Overview wider, with 9–13 crossings).
    const rows = new Map<Layer, number>();
    for (const id of wrapped) {
        const layer = view.layerOf.get(id)!;
        rows.set(layer, Math.max(rows.get(layer) ?? 1, Math.ceil(view.leaves(id).length / own(id))));
    }
    const columns = new Map<string, number>();
    for (const id of wrapped) {
        const n = view.leaves(id).length;
        columns.set(id, n <= 2 ? Math.max(1, Math.ceil(n / rows.get(view.layerOf.get(id)!)!)) : own(id));
    }
    // Containers (folded ones too) stand side by side in one layer of their band; flat, loose boxes in two rows.
    const count = (pick: (n: DiagramNode) => boolean) => Math.max(...LAYERS.map(l => view.band(l).filter(pick).length));
    const twoRows = Math.min(Math.ceil(count(n => !n.isContainer) / 2), Math.ceil(Math.sqrt(2 * view.tops.length)));
    const side = Math.max(count(n => n.isContainer), flat ? twoRows : 0);
    return { rootBound: Math.max(2, side, Math.ceil(Math.sqrt(view.tops.length))), columns };
}

/** The drawing's size: each band's boxes in rows of the root's bound beside its containers, the bands stacked. */
function estimate(view: View, { rootBound, columns }: BandShape): { width: number; height: number } {
    const isBox = (n: DiagramNode) => !n.isContainer || !!n.folded;
    let width = 0, height = 0, bands = 0;
    for (const layer of LAYERS) {
        const band = view.band(layer);
        if (!band.length) continue;
        const loose = band.filter(isBox).map(boxSize);
        const across = Math.min(loose.length, rootBound);
        let w = across ? across * mean(loose.map(b => b.width)) + (across - 1) * BOX_GAP : 0;
        let h = Math.ceil(loose.length / rootBound) * (Math.max(0, ...loose.map(b => b.height)) + LAYER_GAP)
            - LAYER_GAP;
        for (const c of band.filter(n => !isBox(n))) {
            const inside = view.leaves(c.id).map(boxSize);
            const cols = Math.max(1, Math.min(inside.length, columns.get(c.id) ?? ownColumns(inside.length, false)));
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
    return { width: width + SPREAD + AROUND.width, height: height + Math.max(0, bands - 1) * BAND_GAP + AROUND.height };
}
