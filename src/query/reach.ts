// `uses NAME` and `who-uses NAME`: everything a declaration depends on, or everything
// that depends on it, transitively, breadth first, so that each answer comes with the
// shortest chain of references that links it to NAME.
import type { BosModel, ModelNode } from '../model/model.js';
import { dependencyGraph, type Edge } from './dependencies.js';

export type Direction = 'uses' | 'who-uses';

export interface Reached {
    node: ModelNode;
    /** References between NAME and it on the shortest chain. */
    depth: number;
    /** The last reference of that chain: into `node` (uses) or out of it (who-uses). */
    edge: Edge;
    /** The declaration one step closer to NAME on that chain. */
    via: ModelNode;
}

/** Sorted by depth, then qualified name; NAME itself is not among them. */
export function reachFrom(model: BosModel, start: ModelNode, direction: Direction): Reached[] {
    const graph = dependencyGraph(model);
    const edges = direction === 'uses' ? graph.out : graph.in;
    const seen = new Uint8Array(model.nodes.length);
    seen[start.index] = 1;
    const found: Reached[] = [];
    const id = (n: ModelNode) => n.id ?? '';
    let frontier = [start];
    for (let depth = 1; frontier.length; depth++) {
        // In name order, so that which shortest chain is named does not depend on file order.
        frontier.sort((a, b) => (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0));
        const next: ModelNode[] = [];
        for (const from of frontier) {
            for (const edge of edges[from.index]) {
                const node = direction === 'uses' ? edge.to : edge.from;
                if (seen[node.index]) continue;
                seen[node.index] = 1;
                next.push(node);
                found.push({ node, depth, edge, via: from });
            }
        }
        frontier = next;
    }
    return found.filter(r => r.node.id !== undefined)
        .sort((a, b) => a.depth - b.depth || (id(a.node) < id(b.node) ? -1 : id(a.node) > id(b.node) ? 1 : 0));
}
