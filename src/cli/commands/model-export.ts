// `bos export`: the resolved model and its analysis as JSON.
import { exportJson } from '../export.js';
import { load, modelExit, write } from '../session.js';
import type { Command } from './command.js';

export const exportCommand: Command = {
    options: ['output'],
    async run(paths, values) {
        const ws = await load(paths);
        write(JSON.stringify(exportJson(ws.result.model, ws.result.analysis), null, 2) + '\n', values.output);
        return modelExit(ws);
    },
};
