// `path FROM TO`: the chains of references from one declaration to another, with their
// weights. A dense model has exponentially many, so the search is bounded: it stops at
// `limit` paths (or after a fixed amount of work), tries the shortest way on first, and
// the answer says how many there are in all when that can be counted.
import type { BosModel, ModelNode } from '../model/model.js';
import { type DependencyGraph, dependencyGraph, type Edge } from './dependencies.js';

export const PATH_LIMIT = 50;
/** Steps of the search before it gives up looking for more paths (a cyclic graph can hide dead ends). */
const WORK_LIMIT = 200_000;

export interface DependencyPath {
    edges: Edge[];
    /**
     * The product of the hops' weights: requests at TO per request at FROM along this path
     * (per second when it starts with a scenario's `load`); null when a hop takes no weight
     * (uses, contains), so no load passes along the whole path.
     */
    weight: number | null;
}

export interface Paths {
    from: ModelNode;
    to: ModelNode;
    /** Shortest first; at most `limit`. */
    paths: DependencyPath[];
    /** How many paths there are in all; null when a cycle lies between FROM and TO (its simple paths go uncounted). */
    count: number | null;
    /** Some paths are not shown. */
    truncated: boolean;
    /** Σ of the weights of all weighted paths: what one request at FROM puts on TO; null for none, or a cycle. */
    total: number | null;
}

export function pathsBetween(model: BosModel, from: ModelNode, to: ModelNode, limit = PATH_LIMIT): Paths {
    const graph = dependencyGraph(model);
    const dist = distancesTo(graph, to, model.nodes.length);
    if (from === to || dist[from.index] < 0) return { from, to, paths: [], count: 0, truncated: false, total: null };
    const { count, total } = countPaths(graph, from, to, dist);
    const found = search(graph, from, to, dist, limit);
    found.paths.sort((a, b) => a.edges.length - b.edges.length);
    const truncated = count === null ? found.stopped : count > found.paths.length;
    return { from, to, paths: found.paths, count, truncated, total };
}

/** Hops from each node to `to` along the graph, or -1 when it cannot reach it. */
function distancesTo(graph: DependencyGraph, to: ModelNode, n: number): Int32Array {
    const dist = new Int32Array(n).fill(-1);
    dist[to.index] = 0;
    let frontier = [to];
    for (let d = 1; frontier.length; d++) {
        const next: ModelNode[] = [];
        for (const node of frontier) {
            for (const e of graph.in[node.index]) {
                if (dist[e.from.index] >= 0) continue;
                dist[e.from.index] = d;
                next.push(e.from);
            }
        }
        frontier = next;
    }
    return dist;
}

/**
 * Paths from each node between FROM and TO, and the sum of their weights, by one
 * depth-first pass in post-order; a node met again while still open is a cycle.
 */
function countPaths(graph: DependencyGraph, from: ModelNode, to: ModelNode, dist: Int32Array) {
    const state = new Map<ModelNode, 'open' | { count: number; total: number | null }>();
    state.set(to, { count: 1, total: 1 });
    const stack: { node: ModelNode; next: number }[] = [{ node: from, next: 0 }];
    state.set(from, 'open');
    while (stack.length) {
        const top = stack[stack.length - 1];
        const edges = graph.out[top.node.index];
        if (top.next < edges.length) {
            const t = edges[top.next++].to;
            if (dist[t.index] < 0) continue;
            const s = state.get(t);
            if (s === 'open') return { count: null, total: null };
            if (!s) {
                state.set(t, 'open');
                stack.push({ node: t, next: 0 });
            }
            continue;
        }
        stack.pop();
        let count = 0, total: number | null = null;
        for (const e of edges) {
            const s = state.get(e.to);
            if (dist[e.to.index] < 0 || !s || s === 'open') continue;
            count += s.count;
            if (e.weight !== null && s.total !== null) total = (total ?? 0) + e.weight * s.total;
        }
        state.set(top.node, { count, total });
    }
    const result = state.get(from) as { count: number; total: number | null };
    return { count: result.count, total: result.total };
}

/** Simple paths, depth first, each node's nearest-to-TO references first. */
function search(graph: DependencyGraph, from: ModelNode, to: ModelNode, dist: Int32Array, limit: number) {
    const paths: DependencyPath[] = [];
    const onPath = new Set<ModelNode>([from]);
    const edges: Edge[] = [];
    const ordered = (node: ModelNode) =>
        graph.out[node.index].filter(e => dist[e.to.index] >= 0).sort((a, b) => dist[a.to.index] - dist[b.to.index]);
    const stack: { edges: Edge[]; next: number }[] = [{ edges: ordered(from), next: 0 }];
    let work = 0;
    while (stack.length && paths.length < limit) {
        if (++work > WORK_LIMIT) return { paths, stopped: true };
        const top = stack[stack.length - 1];
        if (top.next >= top.edges.length) {
            stack.pop();
            const e = edges.pop();
            if (e) onPath.delete(e.to);
            continue;
        }
        const e = top.edges[top.next++];
        if (onPath.has(e.to)) continue;
        if (e.to === to) {
            const path = [...edges, e];
            paths.push({ edges: path, weight: weightOf(path) });
            continue;
        }
        edges.push(e);
        onPath.add(e.to);
        stack.push({ edges: ordered(e.to), next: 0 });
    }
    return { paths, stopped: stack.length > 0 };
}

function weightOf(path: readonly Edge[]): number | null {
    let w = 1;
    for (const e of path) {
        if (e.weight === null) return null;
        w *= e.weight;
    }
    return w;
}
