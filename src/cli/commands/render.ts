// `bos render`: a view laid out and drawn as SVG, PNG or HTML.
import { renderCommand } from '../render.js';
import { load, modelExit } from '../session.js';
import type { Command } from './command.js';

export const renderViewCommand: Command = {
    options: ['view', 'focus', 'flow', 'scenario', 'output', 'theme'],
    async run(paths, values) {
        const ws = await load(paths);
        const { view, focus, flow, scenario, output, theme } = values;
        const args = { view, focus, flow, scenario, output, theme };
        process.stdout.write(await renderCommand(ws, args));
        return modelExit(ws);
    },
};
