// `impact NAME`: every flow and scenario whose load reaches NAME, and how much of it.
// For a flow F and the nodes S that NAME stands for (a capability or resource, or
// everything a platform or infrastructure group holds):
//
// - visits V_S(F): requests at S per transaction of F, the load F alone at one
//   transaction per second puts on S (the performance model's visit count, summed over S);
// - share(F): the fraction of F's step requests (Σ of its step weights per transaction)
//   whose handling reaches S. From each capability or resource the fraction r that reaches
//   S is 1 at S, else min(1, Σ min(1, w)·r) over its load-carrying references: a weight
//   below 1 is the fraction of requests that take the reference, and branches count as
//   alternatives, so their fractions add up to at most 1.
//
// In a scenario, F's load on S is its rate × V_S(F), and its part the fraction of the
// scenario's load on S that comes from F. Pure: the model and its analysis in, numbers out.
import type { Analysis, ScenarioResult, Status } from '../analysis/scenario.js';
import { stationsOf } from '../analysis/stations.js';
import { statusOf, utilisationOf } from '../analysis/status.js';
import type { LoadGraph } from '../model/graph.js';
import type { BosModel, ModelNode } from '../model/model.js';
import { fits } from '../model/relations.js';
import { article } from '../model/vocabulary.js';

export interface FlowImpact {
    flow: ModelNode;
    /** Fraction of the flow's step requests that reach NAME; null for a flow without step requests. */
    share: number | null;
    /** Requests at NAME per transaction of the flow. */
    visits: number;
}

export interface ScenarioFlowImpact {
    flow: ModelNode;
    /** Transactions per second the scenario sends through the flow. */
    rate: number;
    /** Requests per second the flow puts on NAME in the scenario. */
    load: number;
    /** Fraction of the scenario's load on NAME that comes from this flow; null when that load is 0. */
    part: number | null;
}

export interface ScenarioImpact {
    scenario: ScenarioResult;
    /** Requests per second on NAME (transactions per second for a flow). */
    load: number;
    /** For a single capability or resource: its capacity, utilisation and status in the scenario. */
    capacity: number | null;
    utilisation: number | null;
    status: Status | null;
    flows: ScenarioFlowImpact[];
}

export interface Impact {
    target: ModelNode;
    /** The capabilities and resources whose load counts: NAME, or what it holds. */
    members: ModelNode[];
    /** Sorted by share, then visits (larger first), then qualified name. */
    flows: FlowImpact[];
    /** In model order. */
    scenarios: ScenarioImpact[];
    /** Why there are no numbers, when so. */
    note?: string;
}

/** `scenarios`: those to report (default: every one the analysis has). */
export function impactOf(
    model: BosModel,
    graph: LoadGraph | undefined,
    analysis: Analysis,
    target: ModelNode,
    scenarios: readonly ScenarioResult[] = analysis.scenarios,
): Impact {
    const empty = (note: string): Impact => ({ target, members: [], flows: [], scenarios: [], note });
    if (target.keyword === 'flow') return flowAsTarget(target, scenarios);
    if (!graph) return empty(analysis.skipped ?? 'no load graph');
    const members = membersOf(target).filter(n => graph.position[n.index] >= 0);
    if (members.length === 0) {
        return empty(
            `no load reaches ${article(target.keyword)} ${target.keyword}: load enters at flow steps and passes on `
                + 'along calls, runs on and depends on; who-uses lists what depends on it',
        );
    }
    const { share, visits, reaches } = fractions(graph, members);
    const byFlow = new Map<ModelNode, FlowImpact>();
    for (const flow of model.nodes) {
        if (flow.keyword !== 'flow' || flow.id === undefined) continue;
        let requests = 0, reached = 0, visited = 0, hit = false;
        for (const step of flow.deps) {
            if (step.relation !== 'step' || !step.target || !fits('step', step.target.keyword)) continue;
            const p = graph.position[step.target.index];
            if (p < 0) continue;
            requests += step.weight;
            reached += step.weight * share[p];
            visited += step.weight * visits[p];
            hit ||= reaches[p] === 1;
        }
        if (hit) byFlow.set(flow, { flow, share: requests > 0 ? reached / requests : null, visits: visited });
    }
    const single = members.length === 1 && members[0] === target ? graph.position[target.index] : -1;
    const capacity = single >= 0 ? stationsOf(graph).capacity[single] : NaN;
    const out: ScenarioImpact[] = [];
    for (const scenario of scenarios) {
        const flows = scenarioFlows(scenario, f => byFlow.get(f)?.visits);
        if (flows.length === 0) continue;
        const load = flows.reduce((sum, f) => sum + f.load, 0);
        for (const f of flows) f.part = load > 0 ? f.load / load : null;
        const u = utilisationOf(load, capacity);
        out.push({
            scenario,
            load,
            capacity: Number.isNaN(capacity) ? null : capacity,
            utilisation: Number.isNaN(u) ? null : u,
            status: single >= 0 ? statusOf(u, scenario.headroom) : null,
            flows,
        });
    }
    return { target, members, flows: [...byFlow.values()].sort(byShare), scenarios: out };
}

/** A flow's impact is the scenarios that load it: it is each of its transactions. */
function flowAsTarget(target: ModelNode, scenarios: readonly ScenarioResult[]): Impact {
    const out: ScenarioImpact[] = [];
    for (const scenario of scenarios) {
        const flows = scenarioFlows(scenario, f => (f === target ? 1 : undefined));
        if (flows.length === 0) continue;
        flows[0].part = 1;
        out.push({ scenario, load: flows[0].load, capacity: null, utilisation: null, status: null, flows });
    }
    const steps = target.deps.some(d => d.relation === 'step');
    return { target, members: [], flows: [{ flow: target, share: steps ? 1 : null, visits: 1 }], scenarios: out };
}

/** The scenario's load lines per flow that reaches NAME (`visits` says how much), in qualified-name order. */
function scenarioFlows(scenario: ScenarioResult, visits: (flow: ModelNode) => number | undefined) {
    const rates = new Map<ModelNode, number>();
    for (const { dep, rate } of scenario.scenario.loads) {
        const flow = dep.target;
        if (!flow || rate.base === undefined || visits(flow) === undefined) continue;
        rates.set(flow, (rates.get(flow) ?? 0) + rate.base);
    }
    return [...rates].sort(([a], [b]) => (a.id! < b.id! ? -1 : 1)).map(([flow, rate]): ScenarioFlowImpact => ({
        flow,
        rate,
        load: rate * visits(flow)!,
        part: null,
    }));
}

/** NAME and, for a container, everything in it. */
function membersOf(target: ModelNode): ModelNode[] {
    const out: ModelNode[] = [];
    const walk = (n: ModelNode) => {
        out.push(n);
        for (const c of n.children) walk(c);
    };
    walk(target);
    return out;
}

/**
 * By load-graph position: the fraction of requests that reach the members (`share`, see
 * the head of this file), the requests at the members per request (`visits`), and
 * whether any chain of references reaches them (`reaches`). One pass against the
 * topological order, so that every target is done before those that pass load to it.
 */
function fractions(graph: LoadGraph, members: readonly ModelNode[]) {
    const n = graph.order.length;
    const share = new Float64Array(n), visits = new Float64Array(n), reaches = new Uint8Array(n);
    const member = new Uint8Array(n);
    for (const m of members) member[graph.position[m.index]] = 1;
    for (let p = n - 1; p >= 0; p--) {
        let s = 0, v = member[p], r = member[p];
        for (let e = graph.start[p]; e < graph.start[p + 1]; e++) {
            const t = graph.target[e], w = graph.weight[e];
            s += Math.min(1, w) * share[t];
            v += w * visits[t];
            r |= reaches[t];
        }
        share[p] = member[p] ? 1 : Math.min(1, s);
        visits[p] = v;
        reaches[p] = r;
    }
    return { share, visits, reaches };
}

function byShare(a: FlowImpact, b: FlowImpact): number {
    return (b.share ?? -1) - (a.share ?? -1) || b.visits - a.visits || (a.flow.id! < b.flow.id! ? -1 : 1);
}
