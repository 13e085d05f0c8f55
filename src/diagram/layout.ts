// Diagram graph → ELK graph → positions. Layered, top-down, with the four layers kept
// in their bands by ELK partitions (actors, commerce, middle platforms, infrastructure)
// and platforms and infrastructure groups as containers of their children.
// Layout runs in a worker thread when one is given, so a large view never blocks the
// language server, and it has a time limit.
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Layer } from '../model/vocabulary.js';
import type { Diagram, DiagramNode } from './graph.js';
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

/**
 * The layout worker script: beside the running bundle (out/layout-worker.cjs), or, when
 * running from the TypeScript sources or a script bundle (tests, benchmarks), the built
 * one in the project's out/.
 */
export function layoutWorkerFile(): string {
    const candidates = [
        join(__dirname, 'layout-worker.cjs'),
        resolve(__dirname, '../../out/layout-worker.cjs'),
        resolve('out/layout-worker.cjs'),
    ];
    return candidates.find(existsSync) ?? candidates[0];
}

export interface LayoutOptions {
    timeoutMs: number;
    /** Defaults to layoutWorkerFile(). */
    workerFile?: string;
    /** Which worker of the script runs it (default 0): layouts on different lanes run in parallel. */
    lane?: number;
    /** Answer a graph laid out lately from memory (the preview); one-shot callers and benchmarks leave it off. */
    reuse?: boolean;
}

/**
 * One long-lived worker thread per script: ELK (3 MB) loads once, outside the main
 * bundles, and a layout that runs over its time limit is stopped by ending the worker.
 */
class LayoutWorker {
    private worker?: Worker;
    private next = 0;
    private readonly waiting = new Map<number, { resolve: (g: ElkNode) => void; reject: (e: Error) => void }>();

    constructor(private readonly file: string) {}

    run(graph: ElkNode, timeoutMs: number, tooLong: () => Error): Promise<ElkNode> {
        const worker = this.start();
        const id = this.next++;
        return new Promise<ElkNode>((resolve, reject) => {
            const timer = setTimeout(() => {
                this.stop(tooLong());
            }, timeoutMs);
            const settle = <T>(f: (v: T) => void) => (v: T) => {
                clearTimeout(timer);
                this.waiting.delete(id);
                if (!this.waiting.size) worker.unref();
                f(v);
            };
            this.waiting.set(id, { resolve: settle(resolve), reject: settle(reject) });
            worker.ref();
            worker.postMessage({ id, graph });
        });
    }

    private start(): Worker {
        if (this.worker) return this.worker;
        if (!existsSync(this.file)) throw new Error(`the layout worker ${this.file} is missing; run npm run build`);
        const worker = new Worker(this.file);
        worker.on('message', (m: { id: number; graph?: ElkNode; error?: string }) => {
            const job = this.waiting.get(m.id);
            if (m.graph) job?.resolve(m.graph);
            else job?.reject(new Error(`layout failed: ${m.error}`));
        });
        worker.on('error', err => this.stop(err));
        worker.unref();
        this.worker = worker;
        return worker;
    }

    /** Ends the worker and fails every layout it was running. */
    private stop(reason: Error): void {
        void this.worker?.terminate();
        this.worker = undefined;
        for (const job of [...this.waiting.values()]) job.reject(reason);
    }
}

const workers = new Map<string, LayoutWorker>();

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

function runLayout(diagram: Diagram, graph: ElkNode, options: LayoutOptions): Promise<ElkNode> {
    const file = options.workerFile ?? layoutWorkerFile();
    const seconds = Math.round(options.timeoutMs / 100) / 10;
    const tooLong = () =>
        new LayoutTimeout(
            `the layout of view ${diagram.view} (${diagram.nodes.length} nodes) took longer than ${seconds} s; `
                + 'narrow the view with include/exclude',
        );
    const key = `${file}#${options.lane ?? 0}`;
    let worker = workers.get(key);
    if (!worker) workers.set(key, worker = new LayoutWorker(file));
    return worker.run(graph, options.timeoutMs, tooLong);
}
