// Every export format of `bos export --to`, but JSON (the CLI's own, with file paths):
// the diagram formats read a view, LQN reads a scenario's analysis. Pure: text out.
import type { Analysis, ScenarioResult } from '../analysis/scenario.js';
import type { ViewChoice } from '../diagram/view.js';
import type { BosModel } from '../model/model.js';
import { toD2 } from './d2.js';
import { toDrawio } from './drawio.js';
import { ExportError } from './errors.js';
import { toLqn } from './lqn.js';
import { toMermaid } from './mermaid.js';
import { toPlantUml } from './plantuml.js';
import { toStructurizr } from './structurizr.js';
import { type ExportGraph, exportGraph } from './view-graph.js';

const VIEW_FORMATS = {
    mermaid: toMermaid,
    plantuml: toPlantUml,
    d2: toD2,
    structurizr: toStructurizr,
    drawio: toDrawio,
} as const satisfies Record<string, (graph: ExportGraph) => string>;

export type ViewFormat = keyof typeof VIEW_FORMATS;

export const VIEW_FORMAT_NAMES = Object.keys(VIEW_FORMATS) as ViewFormat[];

export { ExportError } from './errors.js';

export function exportView(model: BosModel, view: ViewChoice, format: ViewFormat): string {
    return VIEW_FORMATS[format](exportGraph(model, view));
}

/** The scenario by qualified or short name, or the first; an ExportError when there is none to write. */
export function chooseScenario(analysis: Analysis, name: string | undefined): ScenarioResult {
    if (analysis.skipped) throw new ExportError(`no LQN model: ${analysis.skipped}`);
    const all = analysis.scenarios;
    const found = name === undefined ? all[0] : all.find(s => s.scenario.id === name || s.scenario.name === name);
    if (found) return found;
    if (name === undefined) throw new ExportError('no LQN model: the model has no scenario');
    throw new ExportError(
        `no scenario named '${name}' (scenarios: ${all.map(s => s.scenario.id).join(', ') || 'none'})`,
    );
}

export function exportScenario(analysis: Analysis, name: string | undefined): string {
    return toLqn(chooseScenario(analysis, name));
}
