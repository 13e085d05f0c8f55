// Load propagation (spec section 5, step 1) over the load graph: a flow's rate enters at
// its steps (times their weights) and passes on along calls, runs on and depends on. The
// scenarios use it for their load lines and the performance model for a flow's visits
// (one transaction per second of that flow alone), so both count load the same way.
import type { LoadGraph } from '../model/graph.js';
import type { ModelNode } from '../model/model.js';
import { fits } from '../model/relations.js';

export interface FlowRate {
    flow: ModelNode;
    /** Transactions per second. */
    rate: number;
}

/** What one propagation reached: positions in the load graph, first reached first, and the load on each. */
export interface Reach {
    positions: number[];
    /** Requests per second, aligned with `positions`. */
    loads: number[];
}

/**
 * One set of buffers per load graph, reused by every propagation over it; each
 * propagation clears what it touched. Only what the flows reach is visited (a big model
 * has many scenarios that each load a small part of it).
 */
class Propagator {
    private readonly load: Float64Array;
    private readonly reached: Uint8Array;
    /** Edges not yet passed into each node, while a propagation runs. */
    private readonly pending: Int32Array;

    constructor(private readonly graph: LoadGraph) {
        const n = graph.order.length;
        this.load = new Float64Array(n);
        this.reached = new Uint8Array(n);
        this.pending = new Int32Array(n);
    }

    run(flows: readonly FlowRate[]): Reach {
        const { graph, load, reached, pending } = this;
        const positions: number[] = [];
        for (const { flow, rate } of flows) {
            for (const step of flow.deps) {
                const p = step.relation === 'step' && step.target && fits('step', step.target.keyword)
                    ? graph.position[step.target.index]
                    : -1;
                if (p < 0) continue;
                load[p] += rate * step.weight;
                if (!reached[p]) {
                    reached[p] = 1;
                    positions.push(p);
                }
            }
        }
        // First collect what is reached, counting the edges into each reached node, then
        // pass load on in topological order (Kahn), so that a node's load is complete
        // before it is passed on. The graph has no cycle, so every count returns to zero.
        for (let i = 0; i < positions.length; i++) {
            for (let e = graph.start[positions[i]]; e < graph.start[positions[i] + 1]; e++) {
                const t = graph.target[e];
                pending[t]++;
                if (!reached[t]) {
                    reached[t] = 1;
                    positions.push(t);
                }
            }
        }
        const ready = positions.filter(p => pending[p] === 0);
        while (ready.length) {
            const p = ready.pop()!;
            for (let e = graph.start[p]; e < graph.start[p + 1]; e++) {
                const t = graph.target[e];
                load[t] += load[p] * graph.weight[e];
                if (--pending[t] === 0) ready.push(t);
            }
        }
        // A plain array: a small typed array per propagation costs more to allocate than it saves.
        const loads: number[] = new Array(positions.length);
        for (let i = 0; i < positions.length; i++) {
            const p = positions[i];
            loads[i] = load[p];
            load[p] = 0;
            reached[p] = 0;
        }
        return { positions, loads };
    }
}

const propagators = new WeakMap<LoadGraph, Propagator>();

/** The load that `flows` put on every node they reach. */
export function propagate(graph: LoadGraph, flows: readonly FlowRate[]): Reach {
    let propagator = propagators.get(graph);
    if (!propagator) propagators.set(graph, propagator = new Propagator(graph));
    return propagator.run(flows);
}
