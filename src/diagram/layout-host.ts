// Where ELK runs is the host's business: a worker thread under Node, a Web Worker in the
// browser. This module is the common part, with no Node and no DOM: the messages, the
// time limit (a layout over it ends its worker), and the host the entry point chose.
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import { batchGraph, unbatchGraph } from './layout-batch.js';

export interface LayoutJob {
    id: number;
    graph: ElkNode;
    /** A warm-up (layout-warm.ts): the graph laid out up to this many times until a job comes, with no reply. */
    warm?: number;
}

export interface LayoutReply {
    id: number;
    graph?: ElkNode;
    error?: string;
}

/**
 * Lays out an ELK graph somewhere else, failing with `tooLong()` after `timeoutMs`; layouts
 * on different lanes run in parallel, each lane on a worker of its own.
 */
export interface LayoutHost {
    layout(graph: ElkNode, timeoutMs: number, tooLong: () => Error, lane: number): Promise<ElkNode>;
    /** Starts the lane's worker and warms it up on `graph` until it is asked for a layout (layout-warm.ts). */
    warm?(graph: ElkNode, times: number, lane: number): void;
}

/** What a worker offers: a Node worker thread and a Web Worker are both adapted to it. */
export interface WorkerPort {
    post(job: LayoutJob): void;
    onReply(listener: (reply: LayoutReply) => void): void;
    onCrash(listener: (error: Error) => void): void;
    terminate(): void;
    /** Whether a layout is running, for hosts where an idle worker must not keep the process alive. */
    busy?(running: boolean): void;
}

/** A host whose lanes are each one `WorkerLane`, started by `start` when first used. */
export class WorkerLayoutHost implements LayoutHost {
    private readonly lanes = new Map<number, WorkerLane>();

    constructor(private readonly start: () => WorkerPort) {}

    layout(graph: ElkNode, timeoutMs: number, tooLong: () => Error, lane: number): Promise<ElkNode> {
        return this.lane(lane).layout(graph, timeoutMs, tooLong);
    }

    warm(graph: ElkNode, times: number, lane: number): void {
        this.lane(lane).warm(graph, times);
    }

    private lane(n: number): WorkerLane {
        let worker = this.lanes.get(n);
        if (!worker) this.lanes.set(n, worker = new WorkerLane(this.start));
        return worker;
    }
}

/**
 * One long-lived worker: ELK loads once, outside the main bundles, and a layout that runs
 * over its time limit or a worker that crashes fails its layouts; the next layout starts
 * a fresh worker.
 */
class WorkerLane {
    private worker?: WorkerPort;
    private next = 0;
    private readonly waiting = new Map<number, { resolve: (g: ElkNode) => void; reject: (e: Error) => void }>();
    /** Layouts asked for in this turn, not yet posted; and each posted batch's layouts, by the batch's id. */
    private queued: LayoutJob[] = [];
    private readonly batches = new Map<number, number[]>();

    constructor(private readonly start: () => WorkerPort) {}

    layout(graph: ElkNode, timeoutMs: number, tooLong: () => Error): Promise<ElkNode> {
        const worker = this.worker ??= this.started();
        const id = this.next++;
        return new Promise<ElkNode>((resolve, reject) => {
            const timer = setTimeout(() => this.stop(tooLong()), timeoutMs);
            const settle = <T>(f: (v: T) => void) => (v: T) => {
                clearTimeout(timer);
                this.waiting.delete(id);
                if (!this.waiting.size) worker.busy?.(false);
                f(v);
            };
            this.waiting.set(id, { resolve: settle(resolve), reject: settle(reject) });
            worker.busy?.(true);
            if (this.queued.push({ id, graph }) === 1) queueMicrotask(() => this.flush());
        });
    }

    warm(graph: ElkNode, times: number): void {
        (this.worker ??= this.started()).post({ id: -1, graph, warm: times });
    }

    /** Posts the layouts asked for in one turn (a site's focus pages): several as one ELK call (layout-batch.ts). */
    private flush(): void {
        // A layout of a worker stopped meanwhile has already failed.
        const jobs = this.queued.filter(j => this.waiting.has(j.id));
        this.queued = [];
        const worker = this.worker;
        if (!worker) return;
        if (jobs.length < 2) return jobs.forEach(j => worker.post(j));
        const id = this.next++;
        this.batches.set(id, jobs.map(j => j.id));
        worker.post({ id, graph: batchGraph(jobs.map(j => j.graph)) });
    }

    private started(): WorkerPort {
        const worker = this.start();
        worker.onReply(m => {
            const members = this.batches.get(m.id);
            this.batches.delete(m.id);
            const laid = members && m.graph ? unbatchGraph(m.graph) : [m.graph];
            for (const [k, id] of (members ?? [m.id]).entries()) {
                const job = this.waiting.get(id);
                if (laid[k]) job?.resolve(laid[k]);
                else job?.reject(new Error(`layout failed: ${m.error}`));
            }
        });
        worker.onCrash(err => this.stop(new Error(`the layout worker stopped: ${err.message}`)));
        return worker;
    }

    /** Ends the worker and fails every layout it was running. */
    private stop(reason: Error): void {
        this.worker?.terminate();
        this.worker = undefined;
        this.batches.clear();
        for (const job of [...this.waiting.values()]) job.reject(reason);
    }
}

let chosen: LayoutHost | undefined;

/** Called once by each entry point (CLI, servers, tests) with the host of its platform. */
export function useLayoutHost(host: LayoutHost): void {
    chosen = host;
}

export function layoutHost(): LayoutHost {
    if (!chosen) throw new Error('no layout host: the entry point must call useLayoutHost');
    return chosen;
}
