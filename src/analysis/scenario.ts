// Scenario analysis (spec section 5): load through flows, calls, runs on and depends
// on; utilisation against capacity; cost per 10k transactions against the budget.
// Pure: resolved model in, numbers out. Diagnostics, the CLI, hovers and diagram
// overlays all read this one result.
import type { LoadGraph, ModelFacts } from '../model/graph.js';
import type { BosModel, ModelNode, Price } from '../model/model.js';
import { fits } from '../model/relations.js';

export type Status = 'ok' | 'headroom' | 'overload' | 'unknown';

export interface NodeLoad {
    node: ModelNode;
    /** Requests per second. */
    load: number;
    capacity?: number;
    utilisation?: number;
    status: Status;
}

export interface Money {
    amount: number;
    currency: string;
}

export interface ScenarioResult {
    scenario: ModelNode;
    transactionsPerSecond: number;
    /** Fraction of capacity kept free; warn above 1 − headroom. */
    headroom: number;
    /** Every loaded capability and resource, sorted by qualified name (built when first read). */
    readonly nodes: NodeLoad[];
    /** The loaded nodes whose status is not `ok`, sorted by qualified name: what checks report. */
    flagged: NodeLoad[];
    costPer10k: Money | null;
    budgetPer10k: Money | null;
    /** Currencies of the costs and the budget the scenario reaches, in first-seen order. */
    currencies: string[];
    overBudget: boolean;
}

export interface Analysis {
    /** Why no scenario was analysed (a dependency cycle), if so. */
    skipped?: string;
    scenarios: ScenarioResult[];
}

export const DEFAULT_HEADROOM = 0.2;
export const PER_TRANSACTIONS = 10_000;
/** Relative tolerance so that 0.1 + 0.2 style rounding never flips a status. */
const EPSILON = 1e-9;

export function statusOf(utilisation: number | undefined, headroom: number): Status {
    if (utilisation === undefined) return 'unknown';
    if (utilisation > 1 + EPSILON) return 'overload';
    if (utilisation > 1 - headroom + EPSILON) return 'headroom';
    return 'ok';
}

export function analyse(model: BosModel, facts: ModelFacts, defaultHeadroom = DEFAULT_HEADROOM): Analysis {
    if (!facts.loadGraph) {
        const names = facts.cycles.map(c => c.members.map(m => m.id).join(' → ')).join('; ');
        return { skipped: `scenario analysis skipped while a dependency cycle exists (${names})`, scenarios: [] };
    }
    const graph = facts.loadGraph;
    const scenarios = model.nodes.filter(n => n.keyword === 'scenario' && n.id !== undefined);
    // One set of buffers for all scenarios; each scenario clears what it touched. Unit
    // prices are worked out once per resource, not once per scenario that reaches it.
    const work: Work = {
        load: new Float64Array(graph.order.length),
        reached: new Uint8Array(graph.order.length),
        prices: graph.order.map(node => (node.keyword === 'resource' ? unitPrice(node.cost) : undefined)),
        capacity: Float64Array.from(graph.order, node => node.capacity?.base ?? NaN),
        pending: new Int32Array(graph.order.length),
    };
    return { scenarios: scenarios.map(s => analyseScenario(s, graph, defaultHeadroom, work)) };
}

interface Work {
    load: Float64Array;
    reached: Uint8Array;
    prices: (Money | undefined)[];
    /** Capacity per position in requests per second; NaN when there is none. */
    capacity: Float64Array;
    /** Edges not yet passed into each node, while a scenario propagates. */
    pending: Int32Array;
}

/** Price of one request (or transaction), or undefined when the price is not valid money. */
function unitPrice(p: Price | undefined): Money | undefined {
    if (!p || p.amount.base === undefined || !p.amount.currency || !(p.per > 0)) return undefined;
    return { amount: p.amount.base / p.per, currency: p.amount.currency };
}

function analyseScenario(scenario: ModelNode, graph: LoadGraph, defaultHeadroom: number, work: Work): ScenarioResult {
    const { load, reached, prices, capacity, pending } = work;
    const loaded: number[] = [];
    let transactions = 0;
    for (const { dep, rate } of scenario.loads) {
        const flow = dep.target;
        if (!flow || !fits('load', flow.keyword) || rate.base === undefined) continue;
        transactions += rate.base;
        for (const step of flow.deps) {
            const p = step.relation === 'step' && step.target && fits('step', step.target.keyword)
                ? graph.position[step.target.index]
                : -1;
            if (p >= 0) {
                load[p] += rate.base * step.weight;
                if (!reached[p]) {
                    reached[p] = 1;
                    loaded.push(p);
                }
            }
        }
    }
    // Only what the scenario reaches is visited (a big model has many scenarios that
    // each load a small part of it): first collect it, counting the edges into each
    // reached node, then pass load on in topological order (Kahn), so that a node's
    // load is complete before it is passed on. The graph has no cycle, so every count
    // returns to zero and the buffer is clean for the next scenario.
    for (let i = 0; i < loaded.length; i++) {
        for (let e = graph.start[loaded[i]]; e < graph.start[loaded[i] + 1]; e++) {
            const t = graph.target[e];
            pending[t]++;
            if (!reached[t]) {
                reached[t] = 1;
                loaded.push(t);
            }
        }
    }
    const ready = loaded.filter(p => pending[p] === 0);
    while (ready.length) {
        const p = ready.pop()!;
        for (let e = graph.start[p]; e < graph.start[p + 1]; e++) {
            const t = graph.target[e];
            load[t] += load[p] * graph.weight[e];
            if (--pending[t] === 0) ready.push(t);
        }
    }
    const headroom = scenario.headroom?.base ?? defaultHeadroom;
    // A plain array: a small typed array per scenario costs more to allocate than it saves.
    const loads: number[] = new Array(loaded.length);
    const flagged: NodeLoad[] = [];
    const currencies: string[] = [];
    // Nearly always one currency: compare with the last one seen before searching.
    const seen = (c: string) => {
        if (currencies[currencies.length - 1] !== c && !currencies.includes(c)) currencies.push(c);
    };
    let spend = 0;
    let costed = false;
    for (let i = 0; i < loaded.length; i++) {
        const p = loaded[i];
        const node = graph.order[p];
        loads[i] = load[p];
        // A cheap test first (capacity is NaN when absent, and NaN compares false); only
        // what may be a finding gets its exact status.
        if (!(capacity[p] > 0) || !(load[p] <= capacity[p] * (1 - headroom))) {
            const entry = nodeLoad(node, load[p], headroom);
            if (entry.status !== 'ok') flagged.push(entry);
        }
        const price = prices[p];
        if (price) {
            spend += load[p] * price.amount;
            costed = true;
            seen(price.currency);
        }
        load[p] = 0;
        reached[p] = 0;
    }
    const byName = (a: NodeLoad, b: NodeLoad) => (a.node.id! < b.node.id! ? -1 : a.node.id! > b.node.id! ? 1 : 0);
    flagged.sort(byName);
    // Most loaded nodes are fine and few readers want all of them (the report, hovers):
    // the full list is made on first use.
    let nodes: NodeLoad[] | undefined;
    const all = () => loaded.map((p, i) => nodeLoad(graph.order[p], loads[i], headroom)).sort(byName);

    const budgetPrice = unitPrice(scenario.budget);
    const budget = scenario.budget;
    if (budgetPrice) seen(budgetPrice.currency);
    const single = currencies.length === 1;
    const costPer10k = costed && single && transactions > 0
        ? { amount: spend / transactions * PER_TRANSACTIONS, currency: currencies[0] }
        : null;
    // Scaled as amount × (10k / per), which keeps round budgets round.
    const budgetPer10k = budgetPrice && budget
        ? { amount: budget.amount.base! * (PER_TRANSACTIONS / budget.per), currency: budgetPrice.currency }
        : null;
    const overBudget = !!costPer10k && !!budgetPer10k && costPer10k.amount > budgetPer10k.amount * (1 + EPSILON);
    return {
        scenario,
        transactionsPerSecond: transactions,
        headroom,
        flagged,
        costPer10k,
        budgetPer10k,
        currencies,
        overBudget,
        get nodes() {
            return nodes ??= all();
        },
    };
}

function nodeLoad(node: ModelNode, load: number, headroom: number): NodeLoad {
    const capacity = node.capacity?.base;
    const utilisation = capacity !== undefined && capacity > 0 ? load / capacity : undefined;
    return { node, load, capacity, utilisation, status: statusOf(utilisation, headroom) };
}

export interface ScenarioLoad {
    scenario: ScenarioResult;
    load: NodeLoad;
}

/** For each loaded capability and resource, its load in every scenario that reaches it. */
export function loadsByNode(analysis: Analysis): Map<ModelNode, ScenarioLoad[]> {
    const out = new Map<ModelNode, ScenarioLoad[]>();
    for (const scenario of analysis.scenarios) {
        for (const load of scenario.nodes) {
            const list = out.get(load.node);
            if (list) list.push({ scenario, load });
            else out.set(load.node, [{ scenario, load }]);
        }
    }
    return out;
}
