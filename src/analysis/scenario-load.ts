// The model's part of a scenario: its valid load lines, the load they put on every node
// they reach at the rates written, and its cost per 10k transactions (which no scale
// changes). It depends on the model only, so it is worked out once per load graph and
// shared by every what-if run.
import type { LoadGraph } from '../model/graph.js';
import type { BosModel, ModelNode } from '../model/model.js';
import { fits } from '../model/relations.js';
import { carryPrices, type Cost, costOf, pricesOf } from './cost.js';
import { rememberVisits } from './flows.js';
import { rankOf } from './names.js';
import { type FlowRate, propagate, type Reach } from './propagation.js';

export interface ScenarioLoad {
    scenario: ModelNode;
    /** Σ r(F) over the valid load lines, per second. */
    transactions: number;
    reach: Reach;
    /** Each loaded flow with its total rate, sorted by qualified name. */
    flows: FlowRate[];
    cost: Cost;
    /** Indices into `reach` in qualified-name order (made when first asked). */
    byName?: number[];
}

/** The reach of a scenario in qualified-name order, sorted once for every run and reader. */
export function byName(graph: LoadGraph, load: ScenarioLoad): number[] {
    if (load.byName) return load.byName;
    const rank = rankOf(graph), positions = load.reach.positions;
    return load.byName = positions.map((_, i) => i).sort((a, b) => rank[positions[a]] - rank[positions[b]]);
}

interface ModelLoads {
    scenarios: ModelNode[];
    byScenario: Map<ModelNode, ScenarioLoad>;
}

const loads = new WeakMap<LoadGraph, ModelLoads>();

/** Every named scenario of the model, in model order, with its load (worked out when first asked). */
export function scenarioLoads(model: BosModel, graph: LoadGraph): ScenarioLoad[] {
    const found = modelLoads(model, graph);
    const { byScenario } = found;
    return found.scenarios.map(s => {
        let load = byScenario.get(s);
        if (!load) byScenario.set(s, load = loadOf(graph, s));
        // A scenario that loads one flow has propagated that flow's visits, times its rate:
        // the first such scenario in model order gives them, whether its load is new or carried.
        if (load.flows.length === 1) rememberVisits(graph, load.flows[0].flow, load.reach, load.flows[0].rate);
        return load;
    });
}

/**
 * Seeds the loads of `to` (a new build's load graph) with those of `from` (the previous
 * build's) whose scenario, flows and every reached node are carried unchanged (`carried`
 * gives a previous node's unchanged self in the new build): propagation reaches no node
 * but through these, so their loads and cost are what a new propagation would give.
 * When `to` shares `from`'s rows (`carryFacts`, for a graph the same node for node: only
 * values such as capacities changed), every load whose scenario is carried keeps its
 * reach, since propagation reads nothing but the rows and the flows' steps; its cost is
 * worked out again if a price changed. The graph's prices are `from`'s then, but where a
 * node was made again (its stations are carried so by `carryStations`). Returns how many
 * were carried.
 */
export function carryLoads(
    from: LoadGraph,
    to: LoadGraph,
    model: BosModel,
    carried: (old: ModelNode) => ModelNode | undefined,
): number {
    const before = loads.get(from);
    if (!before || loads.has(to)) return 0;
    const found = modelLoads(model, to);
    const sameRows = to.start === from.start;
    const unknown = sameRows ? undefined : unknownTo(from, to, carried);
    const repriced = sameRows && carryPrices(from, to);
    for (const load of before.byScenario.values()) {
        const kept = unknown
            ? carry(load, to, from, carried, unknown)
            : keepReach(load, to, model, carried, repriced);
        if (kept) found.byScenario.set(kept.scenario, kept);
    }
    return found.byScenario.size;
}

/**
 * A load over the same rows: its reach and transactions hold, its flows are the nodes now
 * at their indices, and its cost too unless a price changed (`repriced`).
 */
function keepReach(
    load: ScenarioLoad,
    to: LoadGraph,
    model: BosModel,
    carried: (old: ModelNode) => ModelNode | undefined,
    repriced: boolean,
): ScenarioLoad | undefined {
    const scenario = carried(load.scenario);
    if (!scenario) return undefined;
    const { reach, transactions } = load;
    return {
        scenario,
        transactions,
        reach,
        flows: load.flows.map(f => ({ flow: model.nodes[f.flow.index], rate: f.rate })),
        cost: repriced ? costOf(scenario, reach.positions, reach.loads, pricesOf(to), transactions) : load.cost,
    };
}

/**
 * Positions of `to` a carried load cannot account for: nodes new to the load graph (a new
 * declaration, or one whose keyword brought it in, while what points at it is unchanged)
 * and the nodes that pass load into one of them.
 */
function unknownTo(from: LoadGraph, to: LoadGraph, carried: (old: ModelNode) => ModelNode | undefined): Uint8Array {
    const known = new Uint8Array(to.order.length);
    for (const old of from.order) {
        const node = carried(old);
        const p = node ? to.position[node.index] : -1;
        if (p >= 0) known[p] = 1;
    }
    const unknown = new Uint8Array(to.order.length);
    for (let p = 0; p < to.order.length; p++) {
        let fresh = !known[p];
        for (let e = to.start[p]; !fresh && e < to.start[p + 1]; e++) fresh = !known[to.target[e]];
        unknown[p] = fresh ? 1 : 0;
    }
    return unknown;
}

function carry(
    load: ScenarioLoad,
    to: LoadGraph,
    from: LoadGraph,
    carried: (old: ModelNode) => ModelNode | undefined,
    unknown: Uint8Array,
): ScenarioLoad | undefined {
    const scenario = carried(load.scenario);
    if (!scenario) return undefined;
    const flows: FlowRate[] = [];
    for (const f of load.flows) {
        const flow = carried(f.flow);
        if (!flow || flow.deps.some(step => entersUnknown(step.target, to, unknown))) return undefined;
        flows.push({ flow, rate: f.rate });
    }
    const old = load.reach.positions;
    const positions: number[] = new Array(old.length);
    for (let i = 0; i < old.length; i++) {
        const node = carried(from.order[old[i]]);
        const p = node ? to.position[node.index] : -1;
        if (p < 0 || unknown[p]) return undefined;
        positions[i] = p;
    }
    return {
        scenario,
        transactions: load.transactions,
        reach: { positions, loads: load.reach.loads },
        flows,
        cost: load.cost,
    };
}

/** Whether a flow's step lands on a node the previous load graph did not have. */
function entersUnknown(target: ModelNode | undefined, to: LoadGraph, unknown: Uint8Array): boolean {
    const p = target ? to.position[target.index] : -1;
    return p >= 0 && unknown[p] === 1;
}

function modelLoads(model: BosModel, graph: LoadGraph): ModelLoads {
    let found = loads.get(graph);
    if (!found) {
        const scenarios = model.nodes.filter(n => n.keyword === 'scenario' && n.id !== undefined);
        loads.set(graph, found = { scenarios, byScenario: new Map() });
    }
    return found;
}

function loadOf(graph: LoadGraph, scenario: ModelNode): ScenarioLoad {
    const lines: FlowRate[] = [];
    const total = new Map<ModelNode, number>();
    let transactions = 0;
    for (const { dep, rate } of scenario.loads) {
        const flow = dep.target;
        if (!flow || !fits('load', flow.keyword) || rate.base === undefined) continue;
        lines.push({ flow, rate: rate.base });
        total.set(flow, (total.get(flow) ?? 0) + rate.base);
        transactions += rate.base;
    }
    const flows = [...total].map(([flow, rate]) => ({ flow, rate }))
        .sort((a, b) => (a.flow.id! < b.flow.id! ? -1 : a.flow.id! > b.flow.id! ? 1 : 0));
    const reach = propagate(graph, lines);
    const cost = costOf(scenario, reach.positions, reach.loads, pricesOf(graph), transactions);
    return { scenario, transactions, reach, flows, cost };
}
