// bos/slo, bos/capacity-mismatch, bos/no-latency: the performance model (spec section 7)
// seen as findings. Each carries in `data` what its quick fix needs, so that no fix
// reads a message.
import { visitsOf } from '../analysis/flows.js';
import { duration, percent, rate } from '../analysis/format.js';
import type { Analysis, FlowResult, ScenarioResult } from '../analysis/scenario.js';
import { inputsOf, stationOf } from '../analysis/stations.js';
import type { ModelFacts } from '../model/graph.js';
import type { BosModel, ModelNode } from '../model/model.js';
import { atName, type Finding, finding, label } from './finding.js';

export function checkPerformance(model: BosModel, facts: ModelFacts, analysis: Analysis): Finding[] {
    const out: Finding[] = [];
    for (const s of analysis.scenarios) {
        for (const f of s.missedSlos) out.push(slo(s, f));
    }
    // A loop, not push(...): a huge model can have more findings than a call has arguments.
    for (const f of noLatency(model, facts)) out.push(f);
    return out;
}

const what = (n: ModelNode) => `${n.keyword} ${label(n)}`;

/** One per scenario and flow, at the flow's `slo` line. */
function slo(s: ScenarioResult, f: FlowResult): Finding {
    const scenario = label(s.scenario), flow = label(f.flow);
    const node = f.slowest;
    let message: string;
    if (f.saturated) {
        const load = node && s.flagged.find(n => n.node === node);
        const at = load?.utilisation === undefined ? '' : ` at ${percent(load.utilisation)} of its capacity`;
        message = `${scenario} saturates flow ${flow} (SLO ${duration(f.slo!)}): ${node ? what(node) : 'a node'} is${
            at || ' saturated'
        }, so the latency is unbounded`;
    } else {
        const adds = node && f.slowestAdds !== null ? `; ${what(node)} adds most (${duration(f.slowestAdds)})` : '';
        message = `${scenario} takes ${duration(f.latency!)} on flow ${flow}, over its SLO of ${
            duration(f.slo!)
        }${adds}`;
    }
    return finding('bos/slo', message, { node: f.flow.source, property: 'slo', index: 0 }, undefined, {
        scenario: s.scenario.id,
        flow: f.flow.id,
        latency: f.latency,
        slo: f.slo,
        // The quick fix: this many instances of `node` (with this capacity, when it is declared);
        // the node to scale out is the one that waits longest, which may not be the one that adds most.
        node: (f.scaleOut?.node ?? node)?.id ?? null,
        instances: f.scaleOut?.instances ?? null,
        capacity: f.scaleOut?.capacity ?? null,
    });
}

/** Reads each declaration's own values only: run per file (`LocalCheck`). */
export function checkCapacityMismatch(nodes: readonly ModelNode[]): Finding[] {
    const out: Finding[] = [];
    for (const node of nodes) {
        if (node.keyword !== 'capability' && node.keyword !== 'resource') continue;
        const mismatch = capacityMismatch(node);
        if (mismatch) out.push(mismatch);
    }
    return out;
}

function capacityMismatch(node: ModelNode): Finding | undefined {
    const inputs = inputsOf(node);
    const { mismatch } = stationOf(inputs);
    if (mismatch === undefined) return undefined;
    const { capacity, latency, instances, concurrency } = inputs as Required<typeof inputs>;
    return finding(
        'bos/capacity-mismatch',
        `${what(node)} declares capacity ${
            rate(capacity)
        }, but ${instances} instances × concurrency ${concurrency} / latency ${duration(latency)} make ${
            rate(mismatch)
        }`,
        { node: node.source, property: 'capacity', index: 0 },
        undefined,
        // Either fix: the capacity the others make, or the concurrency that makes the capacity.
        { capacity: mismatch, concurrency: Math.max(1, Math.round((capacity * latency) / instances)) },
    );
}

/** Once per node without a latency that a flow with an SLO visits, naming those flows. */
function noLatency(model: BosModel, facts: ModelFacts): Finding[] {
    const graph = facts.loadGraph;
    if (!graph) return [];
    const flowsOf = new Map<ModelNode, string[]>();
    for (const flow of model.nodes) {
        if (flow.keyword !== 'flow' || flow.slo?.base === undefined) continue;
        const { positions, loads } = visitsOf(graph, flow);
        positions.forEach((p, i) => {
            const node = graph.order[p];
            if (node.latency || !(loads[i] > 0)) return;
            const list = flowsOf.get(node);
            if (list) list.push(label(flow));
            else flowsOf.set(node, [label(flow)]);
        });
    }
    return [...flowsOf].map(([node, flows]) =>
        finding(
            'bos/no-latency',
            `${what(node)} declares no latency, so the latency of ${flows.length > 1 ? 'flows' : 'flow'} ${
                flows.join(', ')
            } is incomplete`,
            atName(node),
            undefined,
            { node: node.id, flows },
        )
    );
}
