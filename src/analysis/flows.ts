// A flow's end-to-end latency in a scenario (spec section 7, "Per flow F"): its visits
// V_n(F), the load one transaction per second of F alone puts on each node by the same
// propagation as the scenario's load, and R(F) = Σ V_n·R_n against its SLO.
import type { LoadGraph } from '../model/graph.js';
import type { ModelNode } from '../model/model.js';
import { namesOf } from './names.js';
import { propagate, type Reach } from './propagation.js';
import { type ScaleOut, scaleOut } from './sizing.js';
import type { Stations } from './stations.js';
import { EPSILON, overSlo, utilisationOf } from './status.js';

export type FlowStatus = 'ok' | 'over-slo' | 'saturated' | 'no-slo';

export interface FlowResult {
    flow: ModelNode;
    /** Transactions per second the scenario puts on the flow. */
    rate: number;
    /** R(F) in seconds; null when no visited node has a time model, or the flow is saturated. */
    latency: number | null;
    /** Every visited node has a time model. */
    complete: boolean;
    /** A visited node is saturated: the latency is unbounded. */
    saturated: boolean;
    /** The SLO in seconds, or null. */
    slo: number | null;
    /** Saturated first, then no SLO, then the latency against it; a latency of null meets any SLO. */
    status: FlowStatus;
    /** The visited node that adds most to R(F) (when saturated: the most utilised saturated one). */
    slowest: ModelNode | null;
    /** What `slowest` adds to R(F), V_n·R_n in seconds; null when it is saturated. */
    slowestAdds: number | null;
    /** For a flow over its SLO: how many instances of `slowest` would bring it within. */
    scaleOut: ScaleOut | null;
}

/** Each flow's visits, or the reach and rate of the scenario that loads it alone, to divide when first asked. */
const visitCache = new WeakMap<LoadGraph, Map<ModelNode, Reach | { reach: Reach; rate: number }>>();

function visitsByFlow(graph: LoadGraph) {
    let flows = visitCache.get(graph);
    if (!flows) visitCache.set(graph, flows = new Map());
    return flows;
}

/** V_n(F) for every node n the flow reaches: made once per load graph and flow, and shared by every scale. */
export function visitsOf(graph: LoadGraph, flow: ModelNode): Reach {
    const flows = visitsByFlow(graph);
    const found = flows.get(flow);
    if (found && 'positions' in found) return found;
    const visits = found
        ? { positions: found.reach.positions, loads: found.reach.loads.map(l => l / found.rate) }
        : propagate(graph, [{ flow, rate: 1 }]);
    flows.set(flow, visits);
    return visits;
}

/**
 * A scenario that loads `flow` alone, at `rate`, has just propagated its visits times
 * that rate: they are kept to divide when first asked for.
 */
export function rememberVisits(graph: LoadGraph, flow: ModelNode, reach: Reach, rate: number): void {
    // Far from 1 the division could underflow or overflow where the propagation did not.
    if (!(rate >= 1e-100 && rate <= 1e100)) return;
    const flows = visitsByFlow(graph);
    if (!flows.has(flow)) flows.set(flow, { reach, rate });
}

/** What a flow's latency reads of the scenario it is in, by load-graph position. */
export interface ScenarioView {
    graph: LoadGraph;
    stations: Stations;
    /** The node's mean wait in the scenario, as `waitAt` tells it. */
    wait(p: number): number;
    load(p: number): number;
}

export function flowResult(flow: ModelNode, rate: number, view: ScenarioView): FlowResult {
    const { positions, loads: visits } = visitsOf(view.graph, flow);
    const order = view.graph.order;
    const names = namesOf(view.graph);
    /** Larger first; equal (within rounding) goes to the first by qualified name. */
    const earlier = (a: number, ap: number, b: number, bp: number) =>
        a > b * (1 + EPSILON) || (a >= b * (1 - EPSILON) && names[ap] < names[bp]);
    const { latency: service, capacity } = view.stations;
    const utilisation = (p: number) => utilisationOf(view.load(p), capacity[p]);
    let sum = 0;
    let timed = false;
    let complete = true;
    let slowest = -1, slowestShare = -1;
    let saturatedAt = -1, saturatedCount = 0;
    for (let i = 0; i < positions.length; i++) {
        const p = positions[i], v = visits[i];
        // A node reached with no load (a step `x 0`) is not visited.
        if (!(v > 0)) continue;
        const wait = view.wait(p);
        if (wait === Infinity) {
            saturatedCount++;
            if (saturatedAt < 0 || earlier(utilisation(p), p, utilisation(saturatedAt), saturatedAt)) {
                saturatedAt = p;
            }
        } else if (Number.isNaN(wait)) {
            complete = false;
        } else {
            const share = v * (service[p] + wait);
            sum += share;
            timed = true;
            if (slowest < 0 || earlier(share, p, slowestShare, slowest)) {
                slowest = p;
                slowestShare = share;
            }
        }
    }
    const saturated = saturatedCount > 0 || !Number.isFinite(sum);
    const latency = saturated || !timed ? null : sum;
    const slo = flow.slo?.base ?? null;
    const status: FlowStatus = saturated
        ? 'saturated'
        : slo === null
        ? 'no-slo'
        : latency !== null && overSlo(latency, slo)
        ? 'over-slo'
        : 'ok';
    const worst = saturatedAt >= 0 ? saturatedAt : slowest;
    let fix: ScaleOut | null = null;
    if (slo !== null && status === 'over-slo') fix = shrinkWaits(view, order, positions, visits, sum, slo);
    else if (slo !== null && status === 'saturated' && saturatedCount === 1) {
        // Its only saturated node is the one to size.
        const i = positions.indexOf(saturatedAt);
        fix = scaleOut(order[saturatedAt], view.stations.at(saturatedAt), view.load(saturatedAt), visits[i], sum, slo);
    }
    return {
        flow,
        rate,
        latency,
        complete,
        saturated,
        slo,
        status,
        slowest: worst >= 0 ? order[worst] : null,
        slowestAdds: saturatedAt < 0 && slowest >= 0 ? slowestShare : null,
        scaleOut: fix,
    };
}

/** How many of the nodes that wait longest a fix tries; each try is one search over instances. */
const SIZED = 8;

/**
 * The scale-out that brings a flow over its SLO back within it: scaling out shrinks only
 * a node's wait, so the nodes are tried by the wait they add (V·W), longest first — the
 * node that adds most may be all service time (a slow `latency`) and not fixable so.
 */
function shrinkWaits(
    view: ScenarioView,
    order: readonly ModelNode[],
    positions: readonly number[],
    visits: ArrayLike<number>,
    sum: number,
    slo: number,
): ScaleOut | null {
    const waiting: { p: number; v: number; added: number }[] = [];
    for (let i = 0; i < positions.length; i++) {
        const p = positions[i], v = visits[i], wait = view.wait(p);
        if (v > 0 && wait > 0 && Number.isFinite(wait)) waiting.push({ p, v, added: v * wait });
    }
    waiting.sort((a, b) => b.added - a.added);
    for (const { p, v } of waiting.slice(0, SIZED)) {
        const rest = sum - v * (view.stations.latency[p] + view.wait(p));
        const fix = scaleOut(order[p], view.stations.at(p), view.load(p), v, rest, slo);
        if (fix) return fix;
    }
    return null;
}
