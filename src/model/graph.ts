// The dependency graph over the resolved model, computed once per build: cycles
// (Tarjan, iterative so that long chains cannot overflow the stack), how many
// declarations depend on each node, and the graph load flows along. Nodes are addressed
// by their index in the model so that the hot loops run over typed arrays.
import type { BosModel, Dependency, ModelNode } from './model.js';
import { RELATIONS } from './relations.js';

/** Structural dependencies (uses, runs on, calls, depends on) that name the right sort of target. */
export function structuralEdges(node: ModelNode): Dependency[] {
    return node.structural;
}

export interface Cycle {
    /** Members in cycle order, starting with the first member in file and text order. */
    members: ModelNode[];
    /** The reference that leaves the first member along the cycle. */
    edge: Dependency;
}

/** The graph load flows along (`calls`, `runs on`, `depends on`), in compressed rows. */
export interface LoadGraph {
    /** Capabilities and resources in an order where each comes before those it passes load to. */
    order: ModelNode[];
    /** Position in `order` of each model node index, or -1. */
    position: Int32Array;
    /** Edges of the node at position p: `target[start[p] .. start[p + 1]]` with `weight`. */
    start: Int32Array;
    target: Int32Array;
    weight: Float64Array;
}

export interface ModelFacts {
    cycles: Cycle[];
    /** How many declarations depend on or step through each node (by model index). */
    dependents: Int32Array;
    /** Undefined while a cycle exists. */
    loadGraph?: LoadGraph;
}

export function deriveFacts(model: BosModel): ModelFacts {
    const edges = model.nodes.map(structuralEdges);
    const cycles = findCycles(model, edges);
    return {
        cycles,
        dependents: countDependents(model),
        loadGraph: cycles.length ? undefined : buildLoadGraph(model, edges),
    };
}

/**
 * The previous build's facts for a model whose dependency graph is the same node for node
 * (`ModelChanges.sameGraph`): the counts and the load graph's rows hold, only its order
 * names the new nodes. A new load graph object all the same, so that what is worked out
 * per graph from the nodes' values (stations, prices) is worked out again.
 */
export function carryFacts(facts: ModelFacts, model: BosModel): ModelFacts {
    const graph = facts.loadGraph;
    // Cycles name dependencies, and while one exists nothing is analysed: not worth carrying.
    if (!graph || facts.cycles.length) return deriveFacts(model);
    return {
        cycles: [],
        dependents: facts.dependents,
        loadGraph: { ...graph, order: graph.order.map(n => model.nodes[n.index]) },
    };
}

/**
 * Strongly connected components with more than one member, or one member that depends
 * on itself. Iterative Tarjan over typed arrays: no object per visit, so a 50k-node
 * model costs a few milliseconds and no garbage.
 */
function components(nodes: readonly ModelNode[], edges: readonly Dependency[][]): ModelNode[][] {
    const n = nodes.length;
    const index = new Int32Array(n).fill(-1);
    const low = new Int32Array(n);
    const onStack = new Uint8Array(n);
    const stack = new Int32Array(n);
    const frameNode = new Int32Array(n);
    const frameNext = new Int32Array(n);
    let sp = 0, fp = 0, counter = 0;
    const out: ModelNode[][] = [];
    const visit = (v: number) => {
        index[v] = low[v] = counter++;
        stack[sp++] = v;
        onStack[v] = 1;
        frameNode[fp] = v;
        frameNext[fp++] = 0;
    };
    for (let s = 0; s < n; s++) {
        if (index[s] >= 0) continue;
        visit(s);
        while (fp > 0) {
            const v = frameNode[fp - 1];
            const out_ = edges[v];
            if (frameNext[fp - 1] < out_.length) {
                const t = out_[frameNext[fp - 1]++].target!.index;
                if (index[t] < 0) visit(t);
                else if (onStack[t] && index[t] < low[v]) low[v] = index[t];
                continue;
            }
            fp--;
            if (fp > 0 && low[v] < low[frameNode[fp - 1]]) low[frameNode[fp - 1]] = low[v];
            if (low[v] === index[v]) {
                const scc: ModelNode[] = [];
                let m: number;
                do {
                    m = stack[--sp];
                    onStack[m] = 0;
                    scc.push(nodes[m]);
                } while (m !== v);
                const selfLoop = scc.length === 1 && out_.some(d => d.target!.index === v);
                if (scc.length > 1 || selfLoop) out.push(scc);
            }
        }
    }
    return out;
}

/** One cycle per strongly connected component, reported from its first member. */
function findCycles(model: BosModel, edges: readonly Dependency[][]): Cycle[] {
    const cycles: Cycle[] = [];
    for (const scc of components(model.nodes, edges)) {
        const inScc = new Set(scc);
        const first = scc.reduce((a, b) => (a.index <= b.index ? a : b));
        const edge = edges[first.index].find(d => inScc.has(d.target!))!;
        cycles.push({ members: [first, ...pathBack(edge.target!, first, inScc, edges)], edge });
    }
    return cycles.sort((a, b) => a.members[0].index - b.members[0].index);
}

/** Shortest path from `from` to `to` inside the component, excluding `to`. */
function pathBack(from: ModelNode, to: ModelNode, inScc: Set<ModelNode>, edges: readonly Dependency[][]): ModelNode[] {
    const previous = new Map<ModelNode, ModelNode | null>([[from, null]]);
    const queue = [from];
    for (let i = 0; i < queue.length && !previous.has(to); i++) {
        for (const d of edges[queue[i].index]) {
            const t = d.target!;
            if (inScc.has(t) && !previous.has(t)) {
                previous.set(t, queue[i]);
                queue.push(t);
            }
        }
    }
    const path: ModelNode[] = [];
    for (let n = previous.get(to); n; n = previous.get(n)) path.unshift(n);
    return to === from ? [] : path;
}

/**
 * How many declarations depend on or step through each node: every resolved reference
 * but `load` and `overlay` counts, once per holder.
 */
function countDependents(model: BosModel): Int32Array {
    const out = new Int32Array(model.nodes.length);
    const seenBy = new Int32Array(model.nodes.length).fill(-1);
    for (const n of model.nodes) {
        for (const d of n.deps) {
            const t = d.target;
            if (!t || d.relation === 'load' || d.relation === 'overlay' || seenBy[t.index] === n.index) continue;
            seenBy[t.index] = n.index;
            out[t.index]++;
        }
    }
    return out;
}

function buildLoadGraph(model: BosModel, edges: readonly Dependency[][]): LoadGraph {
    const carriers = model.nodes.filter(n =>
        (n.keyword === 'capability' || n.keyword === 'resource') && n.id !== undefined
    );
    const loadEdges: Dependency[][] = [];
    const indegree = new Int32Array(model.nodes.length);
    let edgeCount = 0;
    for (const n of carriers) {
        const out = loadEdges[n.index] = edges[n.index].filter(d => RELATIONS[d.relation].carriesLoad);
        edgeCount += out.length;
        for (const d of out) indegree[d.target!.index]++;
    }
    const ready = carriers.filter(n => indegree[n.index] === 0);
    const order: ModelNode[] = [];
    while (ready.length) {
        const n = ready.pop()!;
        order.push(n);
        for (const d of loadEdges[n.index]) if (--indegree[d.target!.index] === 0) ready.push(d.target!);
    }
    const position = new Int32Array(model.nodes.length).fill(-1);
    order.forEach((n, p) => {
        position[n.index] = p;
    });
    const start = new Int32Array(order.length + 1);
    const target = new Int32Array(edgeCount);
    const weight = new Float64Array(edgeCount);
    let e = 0;
    for (let p = 0; p < order.length; p++) {
        start[p] = e;
        for (const d of loadEdges[order[p].index]) {
            target[e] = position[d.target!.index];
            weight[e++] = d.weight;
        }
    }
    start[order.length] = e;
    return { order, position, start, target, weight };
}
