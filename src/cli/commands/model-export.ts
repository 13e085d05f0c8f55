// `bos export`: the resolved model and its analysis as JSON (the default), a view in a
// diagram tool's format, or a scenario as an LQN model. Everything is checked before
// anything is written, so a failed export leaves no file behind.
import { findView, viewsOf } from '../../diagram/view.js';
import { ExportError, exportScenario, exportView, VIEW_FORMAT_NAMES } from '../../export/formats.js';
import { UsageError } from '../../services/usage-error.js';
import { exportJson } from '../export.js';
import { oneOf } from '../options.js';
import { load, modelExit, write } from '../session.js';
import type { Command } from './command.js';

const FORMATS = ['json', ...VIEW_FORMAT_NAMES, 'lqn'] as const;

export const exportCommand: Command = {
    options: ['output', 'to', 'view', 'scenario'],
    async run(paths, values) {
        const to = oneOf('to', values.to, FORMATS, 'json');
        const diagram = to !== 'json' && to !== 'lqn';
        if (values.view !== undefined && !diagram) {
            throw new UsageError(`--view applies to --to ${VIEW_FORMAT_NAMES.join('|')}, not ${to}`);
        }
        if (values.scenario !== undefined && to !== 'lqn') {
            throw new UsageError(`--scenario applies to --to lqn, not ${to}`);
        }
        const ws = await load(paths);
        const { model, analysis } = ws.result;
        let text: string;
        if (to === 'json') {
            text = JSON.stringify(exportJson(model, analysis), null, 2) + '\n';
        } else if (to === 'lqn') {
            text = exported(() => exportScenario(analysis, values.scenario));
        } else {
            const view = findView(model, values.view);
            if (!view) {
                throw new UsageError(
                    `no view named '${values.view}' (views: ${viewsOf(model).map(v => v.id).join(', ')})`,
                );
            }
            text = exported(() => exportView(model, view, to));
        }
        write(text, values.output);
        return modelExit(ws);
    },
};

function exported(make: () => string): string {
    try {
        return make();
    } catch (err) {
        if (err instanceof ExportError) throw new UsageError(err.message);
        throw err;
    }
}
