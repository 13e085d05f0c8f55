// `bos render`: a view laid out and drawn as SVG, PNG or HTML; with `--base`, marking
// what changed against a git revision or a folder.
import { readBase } from '../../workspace/base.js';
import { changeMarks } from '../compare.js';
import { renderCommand } from '../render.js';
import { load, modelExit } from '../session.js';
import type { Command } from './command.js';

export const renderViewCommand: Command = {
    options: ['view', 'focus', 'flow', 'scenario', 'output', 'theme', 'base', 'no-bundle'],
    async run(paths, values) {
        // The base first: a revision that does not exist fails before any model is built.
        const base = values.base === undefined ? undefined : readBase(paths, values.base);
        const ws = await load(paths);
        const changes = base && await changeMarks(base, ws);
        const { view, focus, flow, scenario, output, theme } = values;
        const args = { view, focus, flow, scenario, output, theme, changes, noBundle: values['no-bundle'] };
        process.stdout.write(await renderCommand(ws, args));
        return modelExit(ws);
    },
};
