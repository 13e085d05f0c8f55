// `bos analyze`: every scenario's loads, utilisation, times, flows, saturation and cost,
// as a table or JSON; with the what-if flags, for a changed scale or changed nodes, or
// swept over a range of scales. The exit status is the model's as written.
import { analysisJson, analysisText } from '../../analysis/report.js';
import { analyse, type Analysis, type ScenarioResult } from '../../analysis/scenario.js';
import { UsageError } from '../../services/usage-error.js';
import type { LoadedWorkspace } from '../../workspace/load.js';
import { oneOf, outputFormat } from '../options.js';
import { load, modelExit } from '../session.js';
import { runSweep, sweepJson, sweepText } from '../sweep.js';
import { COLOR_MODES, colours } from '../terminal.js';
import { givesWhatIf, readWhatIfFlags, resolveWhatIf, type WhatIf, whatIfLine } from '../what-if.js';
import type { Command } from './command.js';

const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n';

/** `--scenario`: the scenarios named (qualified or short), or all; an unknown name is a usage error. */
function picker(want: string | undefined, known: Analysis) {
    if (want !== undefined && !known.skipped && !known.scenarios.some(s => matches(s, want))) {
        const names = known.scenarios.map(s => s.scenario.id).join(', ') || 'none';
        throw new UsageError(`no scenario named '${want}' (scenarios: ${names})`);
    }
    return (
        analysis: Analysis,
    ) => (want === undefined ? analysis.scenarios : analysis.scenarios.filter(s => matches(s, want)));
}

const matches = (s: ScenarioResult, want: string) => s.scenario.id === want || s.scenario.name === want;

export const analyzeCommand: Command = {
    options: ['format', 'scenario', 'scale', 'set', 'sweep', 'steps', 'color'],
    async run(paths, values) {
        const fmt = outputFormat(values, ['text', 'json']);
        const c = colours(process.stdout, oneOf('color', values.color, COLOR_MODES, 'auto'));
        const flags = givesWhatIf(values) ? readWhatIfFlags(values) : undefined;
        const ws = await load(paths);
        const pick = picker(values.scenario, ws.result.analysis);
        const whatIf = flags && resolveWhatIf(flags, ws.result.model);
        if (whatIf?.sweep) {
            const sweep = runSweep({ ...context(ws, whatIf), plan: whatIf.sweep, pick });
            const header = whatIf.described.length ? c.dim(whatIfLine(whatIf)) + '\n' : '';
            process.stdout.write(fmt === 'json' ? json(sweepJson(sweep)) : header + sweepText(sweep, c));
            return modelExit(ws);
        }
        const analysis = whatIf ? whatIfAnalysis(ws, whatIf) : ws.result.analysis;
        const scenarios = pick(analysis);
        if (fmt === 'json') process.stdout.write(json(analysisJson(analysis, scenarios)));
        else {process.stdout.write(
                (whatIf ? c.dim(whatIfLine(whatIf)) + '\n' : '') + analysisText(analysis, scenarios, c),
            );}
        return modelExit(ws);
    },
};

/** The model, its facts and the settings a what-if run analyses with. */
function context(ws: LoadedWorkspace, whatIf: WhatIf) {
    const { model } = ws.result;
    return {
        model,
        facts: ws.result.facts,
        overrides: whatIf.overrides,
        defaultHeadroom: ws.services.bos.Settings.defaultHeadroom,
    };
}

function whatIfAnalysis(ws: LoadedWorkspace, whatIf: WhatIf): Analysis {
    const { model, facts, overrides, defaultHeadroom } = context(ws, whatIf);
    return analyse(model, facts, { scale: whatIf.scale, overrides, defaultHeadroom });
}
