// `bos lsp --stdio`: the language server, until the client disconnects.
import { startServer } from '../../lsp/server.js';
import { UsageError } from '../../services/usage-error.js';
import type { Command } from './command.js';

export const lspCommand: Command = {
    options: ['stdio'],
    run(paths, values) {
        if (!values.stdio || paths.length) throw new UsageError('usage: bos lsp --stdio');
        startServer();
        return new Promise<number>(() => {/* the connection ends the process */});
    },
};
