// The performance model per node and per scenario (spec section 7): a loaded node's
// wait and response time as an M/M/k station, and how far a scenario's loads can grow
// before its first node saturates.
//
// With N instances sharing the load λ evenly, each instance is an M/M/k queue with
// arrivals λ/N, k servers and service time S. Its share of the capacity is c/N (its
// c·S/N server slots, k of them, each serving 1/S per second), so its utilisation is
// (λ/N)/(c/N) = λ/c: the utilisation of section 5, the same for every instance and for
// the pool. That ρ, with A = k·ρ, is what the queue is solved with.
import type { LoadGraph } from '../model/graph.js';
import type { ModelNode } from '../model/model.js';
import { namesOf } from './names.js';
import { erlangC, meanWait } from './queueing.js';
import { EPSILON, utilisationOf } from './status.js';

export interface Times {
    /** Mean wait in seconds; null without a time model or when saturated. */
    wait: number | null;
    /** Mean response time R = S + W in seconds; null without a time model or when saturated. */
    response: number | null;
    /** Probability of waiting (Erlang C); null without a queue. */
    waitProbability: number | null;
    /** ρ ≥ 1, or times beyond what a double holds: unbounded. */
    saturated: boolean;
}

const UNTIMED: Times = Object.freeze({ wait: null, response: null, waitProbability: null, saturated: false });
const SATURATED: Times = Object.freeze({ wait: null, response: null, waitProbability: null, saturated: true });

/**
 * The rule for a node's mean wait at `load` requests per second, from its station (NaN
 * where a value is absent): unbounded (Infinity) once its capacity is reached, whatever
 * else it declares; without a latency no time model (NaN); without servers a delay
 * station (0); else the M/M/k queue. Its response time is latency + wait.
 */
export function waitAt(capacity: number, latency: number, servers: number, load: number): number {
    const rho = utilisationOf(load, capacity);
    if (rho >= 1) return Infinity;
    if (Number.isNaN(latency)) return NaN;
    if (Number.isNaN(servers)) return 0;
    return meanWait(servers, rho, latency);
}

/** The same as `waitAt`, as the numbers a reader sees. */
export function timesAt(capacity: number, latency: number, servers: number, load: number): Times {
    const wait = waitAt(capacity, latency, servers, load);
    if (Number.isNaN(wait)) return UNTIMED;
    const response = latency + wait;
    if (!Number.isFinite(response)) return SATURATED;
    const waitProbability = Number.isNaN(servers) ? null : erlangC(servers, utilisationOf(load, capacity));
    return { wait, response, waitProbability, saturated: false };
}

export interface Saturation {
    /** s* = 1 / max ρ over the loaded nodes with a capacity; null when none has one (or none is loaded). */
    saturation: number | null;
    /** The node with that ρ (ties: the first by qualified name). */
    bottleneck: ModelNode | null;
}

/** Over the loaded nodes, `order[positions[i]]` with utilisation `utilisation[i]` (NaN without a capacity). */
export function saturationOf(
    positions: readonly number[],
    graph: LoadGraph,
    utilisation: ArrayLike<number>,
): Saturation {
    const names = namesOf(graph);
    let max = 0;
    let best = -1;
    for (let i = 0; i < positions.length; i++) {
        const u = utilisation[i];
        if (!(u > 0)) continue;
        // Equal within rounding is a tie: the first by qualified name wins.
        if (u > max * (1 + EPSILON)) {
            max = u;
            best = positions[i];
        } else if (u >= max * (1 - EPSILON) && names[positions[i]] < names[best]) {
            best = positions[i];
        }
    }
    if (best < 0) return { saturation: null, bottleneck: null };
    return { saturation: Number.isFinite(max) ? 1 / max : 0, bottleneck: graph.order[best] };
}
