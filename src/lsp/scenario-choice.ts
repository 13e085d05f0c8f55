// Which scenario the lenses and inlay hints speak of: the one the setting names, or
// else the first; for a lens, the scenario that loads the node hardest; for a flow's
// `slo`, the chosen one if it loads the flow, else the first that does. And how a
// scenario's saturation s* reads in hovers and the preview's picker.
import { factor } from '../analysis/format.js';
import type { FlowResult, ScenarioLoad, ScenarioResult } from '../analysis/scenario.js';
import type { ModelNode } from '../model/model.js';
import type { WorkspaceResult } from '../services/workspace-model.js';

export function chosenScenario(result: WorkspaceResult, wanted: string): ScenarioResult | undefined {
    const all = result.analysis.scenarios;
    return all.find(s => isNamed(s, wanted)) ?? all[0];
}

export function hardest(loads: readonly ScenarioLoad[]): ScenarioLoad | undefined {
    return loads.reduce<ScenarioLoad | undefined>(
        (best, l) => !best || (l.load.utilisation ?? -1) > (best.load.utilisation ?? -1) ? l : best,
        undefined,
    );
}

export interface ScenarioFlow {
    scenario: ScenarioResult;
    flow: FlowResult;
}

/** A flow in every scenario that loads it, in scenario order. */
export function flowInScenarios(result: WorkspaceResult, flow: ModelNode): ScenarioFlow[] {
    const out: ScenarioFlow[] = [];
    for (const scenario of result.analysis.scenarios) {
        const f = scenario.flows.find(x => x.flow === flow);
        if (f) out.push({ scenario, flow: f });
    }
    return out;
}

/**
 * The scenario a flow's hint speaks of: the chosen one when it loads the flow, else the
 * first that does (the hint names its scenario, so falling back cannot mislead).
 */
export function chosenFlow(result: WorkspaceResult, wanted: string, flow: ModelNode): ScenarioFlow | undefined {
    const all = flowInScenarios(result, flow);
    return all.find(x => isNamed(x.scenario, wanted)) ?? all[0];
}

const isNamed = (s: ScenarioResult, wanted: string) => s.scenario.id === wanted || s.scenario.name === wanted;

/** `s* ×1.11`: how far every load can grow before the bottleneck saturates; undefined without capacities. */
export function saturationText(s: ScenarioResult): string | undefined {
    return s.saturation === null ? undefined : `s* ${factor(s.saturation)}`;
}

/** The sentence behind `s*`, naming the bottleneck. */
export function saturationDetail(s: ScenarioResult): string | undefined {
    const { saturation, bottleneck } = s;
    if (saturation === null || !bottleneck) return undefined;
    return `every load of ${s.scenario.name} can grow ${
        factor(saturation)
    } before ${bottleneck.name} reaches 100% of its capacity`;
}
