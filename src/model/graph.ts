// The dependency graph over the resolved model: cycles (Tarjan, iterative so that
// long chains cannot overflow the stack) and the order in which load flows.
import { fits, STRUCTURAL } from './vocabulary.js';
import type { BosModel, Dependency, ModelNode } from './model.js';

/** Structural dependencies (uses, runs on, calls, depends on) that name the right sort of target. */
export function structuralEdges(node: ModelNode): Dependency[] {
    return node.deps.filter(d => STRUCTURAL.has(d.relation) && d.target && fits(d.relation, d.target.keyword));
}

export interface Cycle {
    /** Members in cycle order, starting with the first member in file and text order. */
    members: ModelNode[];
    /** The reference that leaves the first member along the cycle. */
    edge: Dependency;
}

/** Strongly connected components with more than one member, or one member that depends on itself. */
function components(nodes: readonly ModelNode[], edges: (n: ModelNode) => Dependency[]): ModelNode[][] {
    const index = new Map<ModelNode, number>();
    const low = new Map<ModelNode, number>();
    const onStack = new Set<ModelNode>();
    const stack: ModelNode[] = [];
    const out: ModelNode[][] = [];
    let counter = 0;
    for (const start of nodes) {
        if (index.has(start)) continue;
        const work: { node: ModelNode; next: number; out: Dependency[] }[] = [];
        const visit = (n: ModelNode) => {
            index.set(n, counter); low.set(n, counter); counter++;
            stack.push(n); onStack.add(n);
            work.push({ node: n, next: 0, out: edges(n) });
        };
        visit(start);
        while (work.length) {
            const frame = work[work.length - 1];
            if (frame.next < frame.out.length) {
                const t = frame.out[frame.next++].target!;
                if (!index.has(t)) visit(t);
                else if (onStack.has(t)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(t)!));
                continue;
            }
            work.pop();
            const parent = work[work.length - 1];
            if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
            if (low.get(frame.node) === index.get(frame.node)) {
                const scc: ModelNode[] = [];
                let m: ModelNode;
                do { m = stack.pop()!; onStack.delete(m); scc.push(m); } while (m !== frame.node);
                const selfLoop = scc.length === 1 && frame.out.some(d => d.target === frame.node);
                if (scc.length > 1 || selfLoop) out.push(scc);
            }
        }
    }
    return out;
}

/** One cycle per strongly connected component, reported from its first member. */
export function findCycles(model: BosModel): Cycle[] {
    const order = new Map(model.nodes.map((n, i) => [n, i]));
    const cycles: Cycle[] = [];
    for (const scc of components(model.nodes, structuralEdges)) {
        const inScc = new Set(scc);
        const first = scc.reduce((a, b) => order.get(a)! <= order.get(b)! ? a : b);
        const edge = structuralEdges(first).find(d => inScc.has(d.target!))!;
        cycles.push({ members: [first, ...pathBack(edge.target!, first, inScc)], edge });
    }
    return cycles.sort((a, b) => order.get(a.members[0])! - order.get(b.members[0])!);
}

/** Shortest path from `from` to `to` inside the component, excluding `to`. */
function pathBack(from: ModelNode, to: ModelNode, inScc: Set<ModelNode>): ModelNode[] {
    const previous = new Map<ModelNode, ModelNode | null>([[from, null]]);
    const queue = [from];
    for (let i = 0; i < queue.length && !previous.has(to); i++) {
        for (const d of structuralEdges(queue[i])) {
            const t = d.target!;
            if (inScc.has(t) && !previous.has(t)) { previous.set(t, queue[i]); queue.push(t); }
        }
    }
    const path: ModelNode[] = [];
    for (let n = previous.get(to); n; n = previous.get(n)) path.unshift(n);
    return to === from ? [] : path;
}

/** The graph load flows along: for each capability and resource, its `calls`, `runs on` and `depends on`. */
export interface LoadGraph {
    edges: Map<ModelNode, Dependency[]>;
    /** Position in an order where every node comes before those it passes load to. */
    position: Map<ModelNode, number>;
}

/** Builds the load graph once; acyclic when `findCycles` found nothing. */
export function loadGraph(model: BosModel): LoadGraph {
    const carriers = model.nodes.filter(n => n.keyword === 'capability' || n.keyword === 'resource');
    const edges = new Map<ModelNode, Dependency[]>();
    const indegree = new Map<ModelNode, number>(carriers.map(n => [n, 0]));
    for (const n of carriers) {
        const out = structuralEdges(n).filter(d => d.relation !== 'uses');
        edges.set(n, out);
        for (const d of out) indegree.set(d.target!, (indegree.get(d.target!) ?? 0) + 1);
    }
    const ready = carriers.filter(n => indegree.get(n) === 0);
    const position = new Map<ModelNode, number>();
    while (ready.length) {
        const n = ready.pop()!;
        position.set(n, position.size);
        for (const d of edges.get(n) ?? []) {
            const left = indegree.get(d.target!)! - 1;
            indegree.set(d.target!, left);
            if (left === 0) ready.push(d.target!);
        }
    }
    return { edges, position };
}

/**
 * How many declarations depend on or step through each node: every resolved reference
 * but `load` and `overlay` counts, once per holder.
 */
export function countDependents(model: BosModel): Map<ModelNode, number> {
    const out = new Map<ModelNode, number>();
    for (const n of model.nodes) {
        const targets = new Set<ModelNode>();
        for (const d of n.deps) if (d.target && d.relation !== 'load' && d.relation !== 'overlay') targets.add(d.target);
        for (const t of targets) out.set(t, (out.get(t) ?? 0) + 1);
    }
    return out;
}
