// Scenario analysis (spec sections 5 and 7), in phases: the load each scenario puts on
// the nodes it reaches (scenario-load.ts, propagation.ts), utilisation and status
// against each node's station (stations.ts, status.ts), cost against the budget
// (cost.ts), and the performance model (performance.ts, flows.ts). Pure: resolved model
// in, numbers out. Diagnostics, the CLI, hovers and diagram overlays all read this one
// result.
//
// What depends on the model only (each scenario's loads, each flow's visits, the
// declared stations, the unit prices) is worked out once per load graph and kept with
// it, so a what-if run (`scale`, `overrides`) or a sweep of them redoes only per-node
// arithmetic. What the checks read (`flagged`, `missedSlos`, the cost) is worked out
// at once; what only readers want (every node, every flow, the saturation) when first
// read.
import type { LoadGraph, ModelFacts } from '../model/graph.js';
import type { BosModel, ModelNode } from '../model/model.js';
import type { Money } from './cost.js';
import type { FlowResult } from './flows.js';
import { runOf, ScenarioAnalysis } from './scenario-analysis.js';
import { scenarioLoads } from './scenario-load.js';
import { type Overrides, stationsOf } from './stations.js';
import type { Status } from './status.js';

export { type Money, PER_TRANSACTIONS } from './cost.js';
export type { FlowResult, FlowStatus } from './flows.js';
export type { ScaleOut } from './sizing.js';
export { type Override, type Overrides, type Tunable, TUNABLES } from './stations.js';
export { type Status, statusOf } from './status.js';

export interface NodeLoad {
    node: ModelNode;
    /** Requests per second. */
    load: number;
    /** Declared, or derived (`derived`); after overrides. */
    capacity?: number;
    /** The capacity is N·k/S, not declared: its findings point at the node's name. */
    derived: boolean;
    utilisation?: number;
    status: Status;
    /** S in seconds, or null: no time model. */
    latency: number | null;
    /** N as declared, or null: one pooled queue. */
    instances: number | null;
    /** k per instance, or null: no queue. */
    servers: number | null;
    /** Seconds; null without a time model or when saturated. */
    wait: number | null;
    responseTime: number | null;
    /** Probability of waiting (Erlang C), or null without a queue. */
    waitProbability: number | null;
    saturated: boolean;
}

export interface ScenarioResult {
    scenario: ModelNode;
    /** After the run's scale. */
    transactionsPerSecond: number;
    /** Fraction of capacity kept free; warn above 1 − headroom. */
    headroom: number;
    /** Every loaded capability and resource, sorted by qualified name (built when first read). */
    readonly nodes: NodeLoad[];
    /** The load-graph positions of the loaded nodes, in the order `loadAt` numbers them. */
    readonly reached: readonly number[];
    /** The load on the i-th node of `reached`, worked out on each call. */
    loadAt(i: number): NodeLoad;
    /** The loaded nodes whose status is not `ok`, sorted by qualified name: what checks report. */
    flagged: NodeLoad[];
    /** Every flow the scenario loads, sorted by qualified name (built when first read). */
    readonly flows: FlowResult[];
    /** The loaded flows with an SLO that are over it or saturated, sorted by qualified name: what checks report. */
    missedSlos: FlowResult[];
    /** s*: how far every load can grow before the bottleneck reaches 100%; null without capacities. */
    readonly saturation: number | null;
    readonly bottleneck: ModelNode | null;
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

export interface AnalyseOptions {
    /** Headroom of the scenarios that declare none. */
    defaultHeadroom?: number;
    /** What-if: every load rate times this (default 1). */
    scale?: number;
    /** What-if: capacity, latency, instances or concurrency of some nodes, in base units. */
    overrides?: Overrides;
}

export const DEFAULT_HEADROOM = 0.2;

/**
 * `options` may be the default headroom alone, as before the what-if options. With the
 * `previous` analysis of the model before an edit (and no overrides), every scenario that
 * reaches no changed node is carried over as it is, not analysed again.
 */
export function analyse(
    model: BosModel,
    facts: ModelFacts,
    options: AnalyseOptions | number = {},
    previous?: Analysis,
): Analysis {
    const { defaultHeadroom = DEFAULT_HEADROOM, scale = 1, overrides } = typeof options === 'number'
        ? { defaultHeadroom: options }
        : options;
    if (!(scale >= 0 && scale < Infinity)) throw new RangeError(`a what-if scale is a finite number ≥ 0, not ${scale}`);
    if (!facts.loadGraph) {
        const names = facts.cycles.map(c => c.members.map(m => m.id).join(' → ')).join('; ');
        return { skipped: `scenario analysis skipped while a dependency cycle exists (${names})`, scenarios: [] };
    }
    const graph = facts.loadGraph;
    const run = runOf(graph, stationsOf(graph, overrides), scale, defaultHeadroom);
    const before = new Map<ModelNode, ScenarioAnalysis>();
    if (!overrides) {
        for (const s of previous?.scenarios ?? []) if (s instanceof ScenarioAnalysis) before.set(s.scenario, s);
    }
    return {
        scenarios: scenarioLoads(model, graph).map(load =>
            before.get(load.scenario)?.carriedTo(run, load) ?? new ScenarioAnalysis(run, load)
        ),
    };
}

export interface ScenarioLoad {
    scenario: ScenarioResult;
    load: NodeLoad;
}

/** Every scenario's load on one capability or resource, in scenario order, as a hover or a code lens asks. */
export interface LoadsByNode {
    get(node: ModelNode): ScenarioLoad[] | undefined;
}

/**
 * Which scenarios reach each load-graph position, and where in their reach, as offsets
 * into two flat arrays: one pass over the reaches, so asking for one node's loads works
 * out no other node's (every scenario's `nodes` at 50k was 400k loads, 100–300 ms a hover).
 */
export function loadsByNode(analysis: Analysis, graph: LoadGraph | undefined): LoadsByNode {
    const scenarios = analysis.scenarios;
    if (!graph) return { get: () => undefined };
    const n = graph.order.length;
    const start = new Int32Array(n + 1);
    for (const s of scenarios) for (const p of s.reached) start[p + 1]++;
    for (let p = 0; p < n; p++) start[p + 1] += start[p];
    const next = start.slice(0, n);
    const who = new Int32Array(start[n]), slot = new Int32Array(start[n]);
    scenarios.forEach((s, k) => {
        s.reached.forEach((p, i) => {
            who[next[p]] = k;
            slot[next[p]++] = i;
        });
    });
    return {
        get(node) {
            const p = graph.position[node.index];
            if (!(p >= 0) || graph.order[p] !== node || start[p] === start[p + 1]) return undefined;
            const out: ScenarioLoad[] = [];
            for (let at = start[p]; at < start[p + 1]; at++) {
                const scenario = scenarios[who[at]];
                out.push({ scenario, load: scenario.loadAt(slot[at]) });
            }
            return out;
        },
    };
}
