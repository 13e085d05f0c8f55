// What every model command shares: loading the workspace with a progress line, telling
// checks that threw, writing output, and the exit status of a model.
import { writeFileSync } from 'node:fs';
import { UsageError } from '../services/usage-error.js';
import { describeFailure } from '../services/workspace-model.js';
import { type LoadedWorkspace, loadWorkspace } from '../workspace/load.js';
import { collectRows, summarise } from './diagnostics.js';
import { progressLine } from './terminal.js';

/** Set when a check threw: the result is incomplete, so the command must not pass. */
let incomplete = false;

export function isIncomplete(): boolean {
    return incomplete;
}

export async function load(paths: string[]): Promise<LoadedWorkspace> {
    const progress = progressLine(process.stderr);
    let ws: LoadedWorkspace;
    try {
        ws = await loadWorkspace(paths, (done, total) => progress.update(done, total, 'checking model'));
    } finally {
        progress.clear();
    }
    for (const failure of ws.result.failures) {
        process.stderr.write(`bos: ${describeFailure(failure)} (please report it)\n`);
    }
    incomplete ||= ws.result.failures.length > 0;
    return ws;
}

/** Exit status of a command that reads the model: 1 when it has errors. */
export function modelExit(ws: LoadedWorkspace): number {
    return summarise(collectRows(ws.files)).errors > 0 ? 1 : 0;
}

/** Writes to the file, or to standard output without one. */
export function write(text: string | Uint8Array, output: string | undefined): void {
    if (output === undefined) {
        process.stdout.write(text);
        return;
    }
    try {
        writeFileSync(output, text);
    } catch (err) {
        throw new UsageError(`cannot write ${output}: ${(err as Error).message}`);
    }
}
