// Diagram graph → ELK graph → positions. Layered, top-down, with the four layers kept
// in their bands by ELK partitions (actors, commerce, middle platforms, infrastructure)
// and platforms and infrastructure groups as containers of their children.
// Layout runs in a worker of the host (layout-host.ts), so a large view never blocks the
// language server, and it has a time limit.
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import type { Layer } from '../model/vocabulary.js';
import type { Diagram, DiagramNode } from './graph.js';
import { type LayoutHost, layoutHost } from './layout-host.js';
import { boxSize, CONTAINER_HEADER } from './measure.js';

const BAND: Readonly<Record<Layer, number>> = { actors: 0, commerce: 1, platform: 2, infrastructure: 3 };

const ROOT_OPTIONS: Readonly<Record<string, string>> = {
    'elk.algorithm': 'layered',
    'elk.direction': 'DOWN',
    'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
    'elk.edgeRouting': 'ORTHOGONAL',
    'elk.partitioning.activate': 'true',
    'elk.separateConnectedComponents': 'false',
    'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    'elk.spacing.nodeNode': '24',
    'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
    'elk.layered.spacing.nodeNodeBetweenLayers': '40',
    'elk.spacing.edgeNode': '16',
    'elk.padding': '[top=24,left=24,bottom=24,right=24]',
};

const CONTAINER_OPTIONS: Readonly<Record<string, string>> = {
    'elk.padding': `[top=${CONTAINER_HEADER + 12},left=14,bottom=14,right=14]`,
    'elk.spacing.nodeNode': '18',
    'elk.layered.spacing.nodeNodeBetweenLayers': '28',
};

/**
 * Above this many nodes, trade some crossing minimisation and source order for speed
 * (8.4 s → 2.1 s at 1,000 nodes).
 */
const LARGE = 300;
const LARGE_OPTIONS: Readonly<Record<string, string>> = {
    'elk.layered.thoroughness': '1',
    'elk.layered.considerModelOrder.strategy': 'NONE',
};

export function toElk(diagram: Diagram): ElkNode {
    const byId = new Map<string, ElkNode>();
    const options = diagram.nodes.length > LARGE ? { ...ROOT_OPTIONS, ...LARGE_OPTIONS } : { ...ROOT_OPTIONS };
    const root: ElkNode = { id: 'root', layoutOptions: options, children: [], edges: [] };
    const elkNode = (n: DiagramNode): ElkNode => {
        const size = n.isContainer && !n.folded ? { width: Math.max(160, boxSize(n).width), height: 60 } : boxSize(n);
        return {
            id: n.id,
            ...size,
            children: [],
            layoutOptions: {
                ...(n.parent ? {} : { 'elk.partitioning.partition': String(BAND[n.layer]) }),
                ...(n.isContainer
                    ? {
                        ...CONTAINER_OPTIONS,
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
    const parentOf = new Map(diagram.nodes.map(n => [n.id, n.parent]));
    const ancestors = (id: string) => {
        const out: string[] = [];
        for (let p = parentOf.get(id); p; p = parentOf.get(p)) out.push(p);
        return out;
    };
    for (const e of diagram.edges) {
        const mine = new Set(ancestors(e.source));
        const common = ancestors(e.target).find(a => mine.has(a));
        const holder = common ? byId.get(common)! : root;
        (holder.edges ??= []).push({ id: e.id, sources: [e.source], targets: [e.target] } satisfies ElkExtendedEdge);
    }
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
    return (options.host ?? layoutHost()).layout(graph, options.timeoutMs, tooLong, options.lane ?? 0);
}
