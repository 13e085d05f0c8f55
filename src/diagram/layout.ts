// Diagram graph → ELK graph → positions. Layered, top-down, with the four layers kept
// in their bands by ELK partitions (actors, commerce, middle platforms, infrastructure)
// and platforms and infrastructure groups as containers of their children.
// Layout runs in a worker of the host (layout-host.ts), so a large view never blocks the
// language server, and it has a time limit.
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import { LAYERS } from '../model/vocabulary.js';
import { bandShape } from './band-shape.js';
import { bandRank, bands, dropBandJunctions } from './bands.js';
import { bridge, joinBridges } from './bridges.js';
import type { Diagram, DiagramNode } from './graph.js';
import { type LayoutHost, layoutHost } from './layout-host.js';
import { boxSize, CONTAINER_HEADER } from './measure.js';
import { dropRowEdges, rowEdges } from './rows.js';
import { elkPadding, SPACING } from './spacing.js';

const ROOT_OPTIONS: Readonly<Record<string, string>> = {
    'elk.algorithm': 'layered',
    'elk.direction': 'DOWN',
    'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
    'elk.edgeRouting': 'ORTHOGONAL',
    'elk.partitioning.activate': 'true',
    'elk.separateConnectedComponents': 'false',
    // No `considerModelOrder`: the source order cost crossings (the unbundled Overview: 118 with it, 108 without).
    'elk.spacing.nodeNode': String(SPACING.box),
    // Straight vertical segments, boxes packed close: BK's balanced placement spread each band over its edges.
    'elk.layered.nodePlacement.strategy': 'LINEAR_SEGMENTS',
    // Tighter between layers: the runs-on edges' horizontal runs took a third of the Overview's height.
    'elk.layered.spacing.nodeNodeBetweenLayers': String(SPACING.layer),
    'elk.layered.spacing.edgeEdgeBetweenLayers': '5',
    'elk.layered.spacing.edgeNodeBetweenLayers': '12',
    'elk.spacing.edgeEdge': '8',
    'elk.spacing.edgeNode': '16',
    'elk.padding': elkPadding(SPACING.root),
};

const CONTAINER_OPTIONS: Readonly<Record<string, string>> = {
    'elk.padding': elkPadding(SPACING.container),
    'elk.spacing.nodeNode': String(SPACING.child),
    'elk.layered.spacing.nodeNodeBetweenLayers': String(SPACING.childLayer),
};

/**
 * Above this many nodes, trade some crossing minimisation for speed (8.4 s → 2.1 s at
 * 1,000 nodes), and keep the bands without ELK's partition edges (bands.ts).
 */
const LARGE = 300;
const LARGE_OPTIONS: Readonly<Record<string, string>> = {
    'elk.layered.thoroughness': '1',
};

/**
 * Wide bands packed into rows: at most about √n boxes a layer (Coffman–Graham layering),
 * so that a band of many boxes wraps into a few rows instead of one long one; never fewer
 * than `side` (a band's containers, which stand side by side).
 */
function packed(boxes: number, side = 0): Record<string, string> {
    return {
        'elk.layered.layering.strategy': 'COFFMAN_GRAHAM',
        'elk.layered.layering.coffmanGraham.layerBound': String(Math.max(2, side, Math.ceil(Math.sqrt(boxes)))),
    };
}

export function toElk(diagram: Diagram): ElkNode {
    const byId = new Map<string, ElkNode>();
    const children = new Map<string | undefined, number>();
    for (const n of diagram.nodes) children.set(n.parent, (children.get(n.parent) ?? 0) + 1);
    const large = diagram.nodes.length > LARGE;
    // Coffman–Graham's transitive reduction is too slow for large views (over 60 s at 1,000 nodes).
    const pack = (boxes: number, side?: number) => (large ? {} : packed(boxes, side));
    const options = {
        ...ROOT_OPTIONS,
        ...(large ? LARGE_OPTIONS : {}),
    };
    const root: ElkNode = { id: 'root', layoutOptions: options, children: [], edges: [] };
    const parentOf = new Map(diagram.nodes.map(n => [n.id, n.parent]));
    const containers = new Set(diagram.nodes.filter(n => n.isContainer).map(n => n.id));
    const isContainer = (id: string) => containers.has(id);
    const ancestors = (id: string) => {
        const out: string[] = [];
        for (let p = parentOf.get(id); p; p = parentOf.get(p)) out.push(p);
        return out;
    };
    const top = (id: string) => ancestors(id).at(-1) ?? id;
    const layerOf = new Map(diagram.nodes.map(n => [n.id, n.layer]));
    // Layers with an edge between two of their top-level boxes: their band may take several layers.
    const ends = diagram.edges.map(e => [top(e.source), top(e.target)]);
    const open = new Set(
        ends.filter(([a, b]) => a !== b && layerOf.get(a) === layerOf.get(b)).map(([a]) => layerOf.get(a)),
    );
    const used = new Set(diagram.nodes.filter(n => !n.parent).map(n => n.layer));
    const kept = bands(used, new Set(LAYERS.filter(l => !open.has(l))), large);
    const elkNode = (n: DiagramNode): ElkNode => {
        const size = n.isContainer && !n.folded ? { width: Math.max(160, boxSize(n).width), height: 60 } : boxSize(n);
        return {
            id: n.id,
            ...size,
            children: [],
            layoutOptions: {
                ...(n.parent ? {} : kept.box(n.layer)),
                ...(n.isContainer
                    ? {
                        ...CONTAINER_OPTIONS,
                        ...pack(children.get(n.id) ?? 0),
                        'elk.nodeSize.minimum': `(${size.width}, ${CONTAINER_HEADER + 30})`,
                        'elk.nodeSize.constraints': 'MINIMUM_SIZE',
                    }
                    : {}),
            },
        };
    };
    for (const n of diagram.nodes) byId.set(n.id, elkNode(n));
    for (const n of diagram.nodes) {
        const node = byId.get(n.id)!;
        (n.parent ? byId.get(n.parent)! : root).children!.push(node);
    }
    // Each edge lives in the lowest box containing both ends, so its coordinates are
    // relative to that box (ELK's JSON convention) and the SVG can place it exactly.
    // How many edges cross the gap below each band (gap -1 is above the first): a bridge
    // takes the quieter side of its band.
    const rank = (id: string) => bandRank(layerOf.get(top(id))!);
    const crossing = new Map<number, number>();
    for (const e of diagram.edges) {
        const [a, b] = [rank(e.source), rank(e.target)].sort((x, y) => x - y);
        for (let gap = a; gap < b; gap++) crossing.set(gap, (crossing.get(gap) ?? 0) + 1);
    }
    const sideOf = (band: number) => ((crossing.get(band) ?? 0) < (crossing.get(band - 1) ?? 0) ? 'below' : 'above');
    // Containers some child's edge leaves: their rows would cross each other's edges; and those one enters.
    const leftFrom = new Set<string>();
    const entered = new Set<string>();
    for (const e of diagram.edges) {
        const mine = new Set(ancestors(e.source));
        const common = ancestors(e.target).find(a => mine.has(a));
        const into = parentOf.get(e.target);
        if (into && into !== common) entered.add(into);
        // Between two containers of one band: a bridge, or the callee's container would drop a layer.
        const from = top(e.source), to = top(e.target);
        const acrossBand = from !== to && layerOf.get(from) === layerOf.get(to);
        if (acrossBand && isContainer(from) && isContainer(to)) {
            const layer = layerOf.get(from)!, side = sideOf(bandRank(layer));
            const { node, halves } = bridge(e, kept.bridge(layer, side), side);
            root.children!.push(node);
            root.edges!.push(...halves);
            continue;
        }
        const holder = common ? byId.get(common)! : root;
        const parent = parentOf.get(e.source);
        if (parent && parent !== common) leftFrom.add(parent);
        (holder.edges ??= []).push({ id: e.id, sources: [e.source], targets: [e.target] } satisfies ElkExtendedEdge);
    }
    const wrapped = [...containers].filter(id => !leftFrom.has(id));
    // Rows only where no child's edge leaves; their shape (and the root's bound) as the panel fits best.
    const shape = large ? undefined : bandShape(diagram, wrapped, entered);
    if (shape) Object.assign(options, packed(0, shape.rootBound));
    for (const id of wrapped) {
        const box = byId.get(id)!;
        const leaves = box.children!.filter(c => !c.children!.length).map(c => c.id);
        const columns = shape?.columns.get(id);
        (box.edges ??= []).push(...rowEdges(leaves, columns));
        // The container's own layering allows a row that wide, and no wider.
        if (columns) box.layoutOptions = { ...box.layoutOptions, ...packed(0, columns) };
    }
    root.children!.push(...kept.junctions);
    return root;
}

export class LayoutTimeout extends Error {}

/** Time limit of one layout: a view that takes longer must be narrowed. */
export const LAYOUT_TIMEOUT_MS = 10_000;

export interface LayoutOptions {
    timeoutMs: number;
    /** Defaults to the host the entry point chose (layout-host.ts). */
    host?: LayoutHost;
    /** Which worker of the host runs it (default 0): layouts on different lanes run in parallel. */
    lane?: number;
    /** Answer a graph laid out lately from memory (the preview); one-shot callers and benchmarks leave it off. */
    reuse?: boolean;
    /**
     * The layouts of one batch of work (a site build) by their ELK graph, so that views showing the same boxes
     * (a view and a focus view, a platform's and its only element's focus) are laid out once, even at the same time
     * on two lanes; a twin shares the outcome, a time-out included.
     */
    memo?: Map<string, Promise<ElkNode>>;
}

/**
 * The last few layouts, keyed by the ELK graph they were made from: a what-if or an
 * overlay change that leaves every box its size asks for the same graph and gets the
 * geometry at once, with no ELK run (the preview's slider). Keyed by the input itself,
 * so a stale answer is impossible; the answers are never mutated by their readers.
 */
const recent = new Map<string, ElkNode>();
const RECENT_LAYOUTS = 8;

export async function layout(diagram: Diagram, options: LayoutOptions): Promise<ElkNode> {
    const graph = toElk(diagram);
    if (options.memo) return memoised(options.memo, diagram, graph, options);
    if (!options.reuse) return runLayout(diagram, graph, options);
    const key = JSON.stringify(graph);
    const known = recent.get(key);
    if (known) {
        recent.delete(key);
        recent.set(key, known);
        return known;
    }
    const laid = await runLayout(diagram, graph, options);
    recent.set(key, laid);
    if (recent.size > RECENT_LAYOUTS) recent.delete(recent.keys().next().value!);
    return laid;
}

function memoised(memo: Map<string, Promise<ElkNode>>, diagram: Diagram, graph: ElkNode, options: LayoutOptions) {
    const key = JSON.stringify(graph);
    let laid = memo.get(key);
    if (!laid) memo.set(key, laid = runLayout(diagram, graph, options));
    return laid;
}

function runLayout(diagram: Diagram, graph: ElkNode, options: LayoutOptions): Promise<ElkNode> {
    const seconds = Math.round(options.timeoutMs / 100) / 10;
    const tooLong = () =>
        new LayoutTimeout(
            `the layout of view ${diagram.view} (${diagram.nodes.length} nodes) took longer than ${seconds} s; `
                + 'narrow the view with include/exclude',
        );
    return (options.host ?? layoutHost()).layout(graph, options.timeoutMs, tooLong, options.lane ?? 0).then(laid =>
        dropBandJunctions(joinBridges(dropRowEdges(laid)))
    );
}
