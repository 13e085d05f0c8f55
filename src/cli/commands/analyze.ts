// `bos analyze`: every scenario's loads, utilisation and cost, as a table or JSON.
import { analysisJson, analysisText } from '../../analysis/report.js';
import { UsageError } from '../../workspace/files.js';
import { outputFormat } from '../options.js';
import { load, modelExit } from '../session.js';
import { colours } from '../terminal.js';
import type { Command } from './command.js';

export const analyzeCommand: Command = {
    options: ['format', 'scenario'],
    async run(paths, values) {
        const fmt = outputFormat(values, ['text', 'json']);
        const ws = await load(paths);
        const { analysis } = ws.result;
        let scenarios = analysis.scenarios;
        if (values.scenario !== undefined) {
            const want = values.scenario;
            scenarios = scenarios.filter(s => s.scenario.id === want || s.scenario.name === want);
            if (scenarios.length === 0 && !analysis.skipped) {
                const known = analysis.scenarios.map(s => s.scenario.id).join(', ') || 'none';
                throw new UsageError(`no scenario named '${want}' (scenarios: ${known})`);
            }
        }
        if (fmt === 'json') process.stdout.write(JSON.stringify(analysisJson(analysis, scenarios), null, 2) + '\n');
        else process.stdout.write(analysisText(analysis, scenarios, colours(process.stdout)));
        return modelExit(ws);
    },
};
