// Which scenario the lenses and inlay hints speak of: the one the setting names, or
// else the first; for a lens, the scenario that loads the node hardest.
import type { ScenarioLoad, ScenarioResult } from '../analysis/scenario.js';
import type { WorkspaceResult } from '../services/workspace-model.js';

export function chosenScenario(result: WorkspaceResult, wanted: string): ScenarioResult | undefined {
    const all = result.analysis.scenarios;
    return all.find(s => s.scenario.id === wanted || s.scenario.name === wanted) ?? all[0];
}

export function hardest(loads: readonly ScenarioLoad[]): ScenarioLoad | undefined {
    return loads.reduce<ScenarioLoad | undefined>(
        (best, l) => !best || (l.load.utilisation ?? -1) > (best.load.utilisation ?? -1) ? l : best,
        undefined,
    );
}
