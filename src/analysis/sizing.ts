// How many instances of a node bring a flow back within its SLO: the number a quick fix
// for bos/slo writes. Only the sized node's response time changes, so each try costs one
// queue, not a new analysis.
import type { ModelNode } from '../model/model.js';
import { timesAt } from './performance.js';
import type { Station } from './stations.js';
import { overSlo } from './status.js';

export interface ScaleOut {
    node: ModelNode;
    /** The fewest instances that bring the flow within its SLO. */
    instances: number;
    /** The capacity to declare with them (each instance keeps its capacity); null when it is derived. */
    capacity: number | null;
}

/** Beyond this many instances the answer is no longer a useful suggestion. */
const MOST = 1e12;

/**
 * Scaling out keeps every instance as it is (k servers, capacity c/N₀ each), so the
 * capacity grows with N and the wait falls towards 0; `rest` is what the other visited
 * nodes add to the flow's latency, `visits` the node's V_n(F).
 */
export function scaleOut(
    node: ModelNode,
    station: Station,
    load: number,
    visits: number,
    rest: number,
    slo: number,
): ScaleOut | null {
    const { capacity, latency, servers } = station;
    if (capacity === undefined || latency === undefined || servers === undefined) return null;
    // No number of instances makes the wait less than nothing.
    if (overSlo(rest + visits * latency, slo)) return null;
    const n0 = station.instances ?? 1;
    const meets = (n: number) => {
        const r = timesAt((capacity * n) / n0, latency, servers, load).response;
        return r !== null && !overSlo(rest + visits * r, slo);
    };
    // N₀ misses; double until one meets, then halve the gap.
    let lo = n0, hi = n0 * 2;
    while (!meets(hi)) {
        lo = hi;
        hi *= 2;
        if (hi > MOST) return null;
    }
    while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (meets(mid)) hi = mid;
        else lo = mid;
    }
    const scaled = (capacity * hi) / n0;
    if (!Number.isFinite(scaled)) return null;
    return { node, instances: hi, capacity: station.derived ? null : scaled };
}
