// A flow's sequence view (issue 13): the actor, then each step's capability as a
// lifeline, and beneath each step the calls and resources one of its requests visits.
// Under a scenario every visit carries its share of the flow's latency (visits × R of
// the node), drawn as a waterfall against the SLO. Pure data here; sequence-svg.ts draws.
import type { FlowResult, NodeLoad, ScenarioResult } from '../analysis/scenario.js';
import type { Dependency, ModelNode } from '../model/model.js';
import { RELATIONS } from '../model/relations.js';
import { type Diagram, diagramNode } from './graph.js';
import type { ViewChoice } from './view.js';

export interface SequenceRow {
    node: ModelNode;
    /** 0 for a step, then one more per call or resource beneath it. */
    depth: number;
    /** The relation that reaches the node: `step`, `calls`, `runs on` or `depends on`. */
    relation: string;
    weight: number;
    /** Which lifeline (step column, from 0) the row hangs under. */
    lane: number;
    /** Requests at the node per transaction of the flow, along this path. */
    visits: number;
    /** Under a scenario: this visit's share of R(F), visits × R, in seconds; null without a time. */
    share: number | null;
    saturated: boolean;
}

export interface Sequence {
    flow: ModelNode;
    actor?: ModelNode;
    /** The step capabilities, in step order, each once. */
    lifelines: ModelNode[];
    rows: SequenceRow[];
    /** Steps that name nothing (or not a capability), as written. */
    unresolved: string[];
    /** More visits than MAX_ROWS: the rest are left out. */
    truncated: boolean;
    scenario?: ScenarioResult;
    /** The flow in the scenario, when the scenario loads it. */
    result?: FlowResult;
}

/** Rows a sequence draws at most; a deep fan-out would otherwise grow without bound. */
export const MAX_ROWS = 400;

const carriesLoad = (d: Dependency) => !!d.target && RELATIONS[d.relation].carriesLoad;

export function sequenceOf(flow: ModelNode, scenario?: ScenarioResult): Sequence {
    const loads = new Map<ModelNode, NodeLoad>(scenario?.nodes.map(l => [l.node, l]) ?? []);
    const result = scenario?.flows.find(f => f.flow === flow);
    const actor = flow.deps.find(d => d.relation === 'from' && d.target?.keyword === 'actor')?.target;
    const steps = flow.deps.filter(d => d.relation === 'step');
    const unresolved = steps.filter(d => d.target?.keyword !== 'capability').map(d => d.ref?.$refText ?? '?');
    const lifelines: ModelNode[] = [];
    const rows: SequenceRow[] = [];
    let truncated = false;
    const share = (n: ModelNode, visits: number): Pick<SequenceRow, 'share' | 'saturated'> => {
        const l = result && loads.get(n);
        if (!l || !(visits > 0)) return { share: null, saturated: false };
        return { share: l.responseTime === null ? null : visits * l.responseTime, saturated: l.saturated };
    };
    // Depth first, in text order; a node already on the path (a cycle) is not entered again.
    const visit = (d: Dependency, depth: number, lane: number, visits: number, path: Set<ModelNode>) => {
        if (rows.length >= MAX_ROWS) {
            truncated = true;
            return;
        }
        const node = d.target!;
        rows.push({ node, depth, relation: d.relation, weight: d.weight, lane, visits, ...share(node, visits) });
        if (path.has(node)) return;
        path.add(node);
        for (const next of node.structural.filter(carriesLoad)) {
            visit(next, depth + 1, lane, visits * next.weight, path);
        }
        path.delete(node);
    };
    for (const step of steps) {
        if (step.target?.keyword !== 'capability') continue;
        let lane = lifelines.indexOf(step.target);
        if (lane < 0) lane = lifelines.push(step.target) - 1;
        visit(step, 0, lane, step.weight, new Set());
    }
    return { flow, actor, lifelines, rows, unresolved, truncated, scenario, result };
}

/** The first scenario that loads the flow: what its sequence view shows by default. */
export function scenarioOfFlow(scenarios: readonly ScenarioResult[], flow: ModelNode): ScenarioResult | undefined {
    return scenarios.find(s => s.flows.some(f => f.flow === flow));
}

/** Said above the picture and by the CLI when steps name no capability. */
export function unresolvedNote(seq: Sequence): string {
    const n = seq.unresolved.length;
    return `${n} step${n === 1 ? '' : 's'} of ${seq.flow.id ?? seq.flow.name} name${
        n === 1 ? 's' : ''
    } no capability and ${n === 1 ? 'is' : 'are'} left out: ${seq.unresolved.join(', ')}`;
}

/** The diagram graph of a sequence: its boxes, for reveal and the preview's node list; no edges. */
export function sequenceDiagram(seq: Sequence, view: ViewChoice): Diagram {
    const nodes = new Set<ModelNode>([
        ...(seq.actor ? [seq.actor] : []),
        ...seq.lifelines,
        ...seq.rows.map(r => r.node),
    ]);
    return {
        view: view.id,
        title: view.title,
        scenario: seq.scenario?.scenario.id,
        nodes: [...nodes].filter(n => n.id !== undefined && n.layer !== undefined).map(diagramNode),
        edges: [],
        note: seq.unresolved.length ? unresolvedNote(seq) : undefined,
    };
}
