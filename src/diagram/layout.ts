// Diagram graph → ELK graph → positions. Layered, top-down, with the four layers kept
// in their bands by ELK partitions (actors, commerce, middle platforms, infrastructure)
// and platforms and infrastructure groups as containers of their children.
// Layout runs in a worker thread when one is given, so a large view never blocks the
// language server, and it has a time limit.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { createElk } from './elk.js';
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import type { Diagram, DiagramNode } from './graph.js';
import type { Layer } from '../model/vocabulary.js';
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

/** Above this many nodes, trade some crossing minimisation and source order for speed (8.4 s → 2.1 s at 1,000 nodes). */
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
            id: n.id, ...size, children: [],
            layoutOptions: {
                ...(n.parent ? {} : { 'elk.partitioning.partition': String(BAND[n.layer]) }),
                ...(n.isContainer ? { ...CONTAINER_OPTIONS, 'elk.nodeSize.minimum': `(${size.width}, ${CONTAINER_HEADER + 30})`, 'elk.nodeSize.constraints': 'MINIMUM_SIZE' } : {}),
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
    const ancestors = (id: string) => { const out: string[] = []; for (let p = parentOf.get(id); p; p = parentOf.get(p)) out.push(p); return out; };
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

/** The bundled layout worker beside the running bundle (out/layout-worker.cjs), when there is one. */
export function bundledWorker(): string | undefined {
    const file = join(__dirname, 'layout-worker.cjs');
    return existsSync(file) ? file : undefined;
}

export interface LayoutOptions {
    timeoutMs: number;
    /** Path of the bundled worker (out/layout-worker.cjs); without it, layout runs in this thread. */
    workerFile?: string;
}

export async function layout(diagram: Diagram, options: LayoutOptions): Promise<ElkNode> {
    const graph = toElk(diagram);
    const seconds = Math.round(options.timeoutMs / 100) / 10;
    const tooLong = () => new LayoutTimeout(`the layout of view ${diagram.view} (${diagram.nodes.length} nodes) took longer than ${seconds} s; narrow the view with include/exclude`);
    if (!options.workerFile) {
        const started = Date.now();
        const result = await createElk().layout(graph);
        if (Date.now() - started > options.timeoutMs) throw tooLong();
        return result;
    }
    const worker = new Worker(options.workerFile);
    try {
        return await new Promise<ElkNode>((resolve, reject) => {
            const timer = setTimeout(() => reject(tooLong()), options.timeoutMs);
            worker.once('message', (m: { graph?: ElkNode; error?: string }) => {
                clearTimeout(timer);
                if (m.graph) resolve(m.graph); else reject(new Error(`layout failed: ${m.error}`));
            });
            worker.once('error', (err) => { clearTimeout(timer); reject(err); });
            worker.postMessage(graph);
        });
    } finally {
        await worker.terminate();
    }
}
