// Extension activation → first diagnostics, in the real workbench (code-server) with the
// packaged .vsix and the example open; the extension logs the number itself.
// argv: runs, then `web` to run the web extension in the web worker extension host (its
// log is read from the Output view: it is kept in the browser, not in <user-data>/logs).
// Prints {"runs": [ms...], "median": ms}; the web one adds "steps": each start-up step's
// ms after activation per run (server script read, worker started, server initialized,
// first folder asked, first file asked, last file read).
import { resolve } from 'node:path';
import {
    type Activation,
    activationFromOutput,
    activationMs,
    openFile,
    startWorkbench,
} from '../test/e2e/workbench.js';
import { exampleCopy } from '../test/temp.js';

const web = process.argv[3] === 'web';

async function once(): Promise<Activation> {
    const settings = web ? { 'remote.extensionKind': { 'bos-studio.bos-studio': ['web'] } } : {};
    const wb = await startWorkbench(resolve('bos-studio.vsix'), settings);
    try {
        await wb.open(exampleCopy('bench-ws'));
        await openFile(wb.page, 'business.bos');
        return web ? await activationFromOutput(wb.page) : { ms: await activationMs(wb.userData), steps: {} };
    } finally {
        await wb.close();
    }
}

const all: Activation[] = [];
for (let i = 0; i < Number(process.argv[2] ?? 3); i++) all.push(await once());
const runs = all.map(a => a.ms);
const median = [...runs].sort((a, b) => a - b)[Math.floor(runs.length / 2)];
const steps = web ? { steps: all.map(a => a.steps) } : {};
process.stdout.write(JSON.stringify({ runs, median, ...steps }) + '\n');
