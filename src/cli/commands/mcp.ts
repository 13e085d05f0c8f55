// `bos mcp [paths...]`: the Model Context Protocol server over stdio, until the client
// closes standard input. The paths must hold a model when it starts; after that each
// tool call re-reads what changed.
import { findBosFiles } from '../../workspace/files.js';
import { VERSION } from '../version.js';
import type { Command } from './command.js';

export const mcpCommand: Command = {
    options: [],
    async run(paths) {
        findBosFiles(paths);
        // Loaded when asked for: the SDK and zod stay out of every other command's start-up.
        const { serveMcp } = await import('../../mcp/server.js');
        await serveMcp({ paths, version: VERSION });
        return 0;
    },
};
