// The four questions `bos query` and the MCP tools ask, from names as written to an
// answer in JSON and text: `impact NAME [scenario]`, `path FROM TO`, `uses NAME`,
// `who-uses NAME`. A name or scenario that finds nothing is a problem (one line), never
// an exception.
import type { Colours } from '../analysis/report.js';
import type { Analysis, ScenarioResult } from '../analysis/scenario.js';
import type { ModelFacts } from '../model/graph.js';
import type { BosModel, ModelNode } from '../model/model.js';
import { impactOf } from './impact.js';
import { lookUp } from './names.js';
import { PATH_LIMIT, pathsBetween } from './paths.js';
import { type Direction, reachFrom } from './reach.js';
import { impactJson, impactText, pathsJson, pathsText, reachJson, reachText } from './report.js';

export type Question =
    | { ask: 'impact'; name: string; scenario?: string }
    | { ask: 'path'; from: string; to: string; limit?: number }
    | { ask: Direction; name: string };

export const QUESTIONS = ['impact', 'path', 'uses', 'who-uses'] as const;

export interface Answer {
    json: object;
    text(c: Colours): string;
}

export type Answered = Answer | { problem: string };

/** What a question reads: the resolved model, its dependency graph and its analysis. */
export interface Workspace {
    model: BosModel;
    facts: ModelFacts;
    analysis: Analysis;
}

export function ask(ws: Workspace, q: Question): Answered {
    const { model } = ws;
    const names = q.ask === 'path' ? [q.from, q.to] : [q.name];
    const nodes: ModelNode[] = [];
    for (const name of names) {
        const found = lookUp(model, name);
        if ('problem' in found) return found;
        nodes.push(found.node);
    }
    if (q.ask === 'path') {
        const paths = pathsBetween(model, nodes[0], nodes[1], q.limit ?? PATH_LIMIT);
        return { json: pathsJson(paths), text: c => pathsText(paths, c) };
    }
    if (q.ask === 'impact') {
        const scenarios = scenariosNamed(ws.analysis, q.scenario);
        if ('problem' in scenarios) return scenarios;
        const impact = impactOf(model, ws.facts.loadGraph, ws.analysis, nodes[0], scenarios.list);
        return { json: impactJson(impact), text: c => impactText(impact, c) };
    }
    const found = reachFrom(model, nodes[0], q.ask);
    return { json: reachJson(nodes[0], q.ask, found), text: c => reachText(nodes[0], q.ask, found, c) };
}

/** Every scenario, or the one named (qualified or short, as `bos analyze --scenario` takes it). */
export function scenariosNamed(
    analysis: Analysis,
    wanted: string | undefined,
): { list: ScenarioResult[] } | { problem: string } {
    if (wanted === undefined) return { list: analysis.scenarios };
    const list = analysis.scenarios.filter(s => s.scenario.id === wanted || s.scenario.name === wanted);
    if (list.length || analysis.skipped) return { list };
    const known = analysis.scenarios.map(s => s.scenario.id).join(', ') || 'none';
    return { problem: `no scenario named '${wanted}' (scenarios: ${known})` };
}
