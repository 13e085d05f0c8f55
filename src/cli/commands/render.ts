// `bos render`: a view laid out and drawn as SVG, PNG or HTML.
import { renderCommand } from '../render.js';
import { load, modelExit } from '../session.js';
import type { Command } from './command.js';

export const renderViewCommand: Command = {
    options: ['view', 'scenario', 'output', 'theme'],
    async run(paths, values) {
        const ws = await load(paths);
        const args = { view: values.view, scenario: values.scenario, output: values.output, theme: values.theme };
        process.stdout.write(await renderCommand(ws, args));
        return modelExit(ws);
    },
};
