// Scenario analysis (spec section 5): load through flows, calls, runs on and depends
// on; utilisation against capacity; cost per 10k transactions against the budget.
// Pure: resolved model in, numbers out. Diagnostics, the CLI, hovers and diagram
// overlays all read this one result.
import type { BosModel, ModelNode, Price } from '../model/model.js';
import type { LoadGraph, ModelFacts } from '../model/graph.js';
import { fits } from '../model/vocabulary.js';

export type Status = 'ok' | 'headroom' | 'overload' | 'unknown';

export interface NodeLoad {
    node: ModelNode;
    /** Requests per second. */
    load: number;
    capacity?: number;
    utilisation?: number;
    status: Status;
}

export interface Money { amount: number; currency: string }

export interface ScenarioResult {
    scenario: ModelNode;
    transactionsPerSecond: number;
    /** Fraction of capacity kept free; warn above 1 − headroom. */
    headroom: number;
    /** Every loaded capability and resource, sorted by qualified name. */
    nodes: NodeLoad[];
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
    return { scenarios: scenarios.map(s => analyseScenario(s, graph, defaultHeadroom)) };
}

/** Price of one request (or transaction), or undefined when the price is not valid money. */
function unitPrice(p: Price | undefined): Money | undefined {
    if (!p || p.amount.base === undefined || !p.amount.currency || !(p.per > 0)) return undefined;
    return { amount: p.amount.base / p.per, currency: p.amount.currency };
}

function analyseScenario(scenario: ModelNode, graph: LoadGraph, defaultHeadroom: number): ScenarioResult {
    const size = graph.order.length;
    const load = new Float64Array(size);
    const reached = new Uint8Array(size);
    let transactions = 0;
    for (const { dep, rate } of scenario.loads) {
        const flow = dep.target;
        if (!flow || !fits('load', flow.keyword) || rate.base === undefined) continue;
        transactions += rate.base;
        for (const step of flow.deps) {
            const p = step.relation === 'step' && step.target && fits('step', step.target.keyword) ? graph.position[step.target.index] : -1;
            if (p >= 0) { load[p] += rate.base * step.weight; reached[p] = 1; }
        }
    }
    // `order` is topological: a node's load is complete before it is passed on.
    const loaded: number[] = [];
    for (let p = 0; p < size; p++) {
        if (!reached[p]) continue;
        loaded.push(p);
        for (let e = graph.start[p]; e < graph.start[p + 1]; e++) {
            const t = graph.target[e];
            load[t] += load[p] * graph.weight[e];
            reached[t] = 1;
        }
    }
    loaded.sort((a, b) => graph.nameRank[a] - graph.nameRank[b]);

    const headroom = scenario.headroom?.base ?? defaultHeadroom;
    const nodes: NodeLoad[] = [];
    const currencies: string[] = [];
    const seen = (c: string) => { if (!currencies.includes(c)) currencies.push(c); };
    let spend = 0;
    let costed = false;
    for (const p of loaded) {
        const node = graph.order[p];
        const l = load[p];
        const capacity = node.capacity?.base;
        const utilisation = capacity !== undefined && capacity > 0 ? l / capacity : undefined;
        nodes.push({ node, load: l, capacity, utilisation, status: statusOf(utilisation, headroom) });
        const price = node.keyword === 'resource' ? unitPrice(node.cost) : undefined;
        if (price) { spend += l * price.amount; costed = true; seen(price.currency); }
    }

    const budgetPrice = unitPrice(scenario.budget);
    const budget = scenario.budget;
    if (budgetPrice) seen(budgetPrice.currency);
    const single = currencies.length === 1;
    const costPer10k = costed && single && transactions > 0
        ? { amount: spend / transactions * PER_TRANSACTIONS, currency: currencies[0] } : null;
    // Scaled as amount × (10k / per), which keeps round budgets round.
    const budgetPer10k = budgetPrice && budget ? { amount: budget.amount.base! * (PER_TRANSACTIONS / budget.per), currency: budgetPrice.currency } : null;
    const overBudget = !!costPer10k && !!budgetPer10k && costPer10k.amount > budgetPer10k.amount * (1 + EPSILON);
    return { scenario, transactionsPerSecond: transactions, headroom, nodes, costPer10k, budgetPer10k, currencies, overBudget };
}

export interface ScenarioLoad { scenario: ScenarioResult; load: NodeLoad }

/** For each loaded capability and resource, its load in every scenario that reaches it. */
export function loadsByNode(analysis: Analysis): Map<ModelNode, ScenarioLoad[]> {
    const out = new Map<ModelNode, ScenarioLoad[]>();
    for (const scenario of analysis.scenarios) {
        for (const load of scenario.nodes) {
            const list = out.get(load.node);
            if (list) list.push({ scenario, load }); else out.set(load.node, [{ scenario, load }]);
        }
    }
    return out;
}
