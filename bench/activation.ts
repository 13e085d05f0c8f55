// Extension activation → first diagnostics, in the real workbench (code-server) with the
// packaged .vsix and the example open; the extension logs the number itself.
// argv: runs, then `web` to run the web extension in the web worker extension host (its
// log is read from the Output view: it is kept in the browser, not in <user-data>/logs).
// Prints {"runs": [ms...], "median": ms}.
import { resolve } from 'node:path';
import { activationMs, activationMsFromOutput, openFile, startWorkbench } from '../test/e2e/workbench.js';
import { exampleCopy } from '../test/temp.js';

const web = process.argv[3] === 'web';

async function once(): Promise<number> {
    const settings = web ? { 'remote.extensionKind': { 'bos-studio.bos-studio': ['web'] } } : {};
    const wb = await startWorkbench(resolve('bos-studio.vsix'), settings);
    try {
        await wb.open(exampleCopy('bench-ws'));
        await openFile(wb.page, 'business.bos');
        return web ? await activationMsFromOutput(wb.page) : await activationMs(wb.userData);
    } finally {
        await wb.close();
    }
}

const runs: number[] = [];
for (let i = 0; i < Number(process.argv[2] ?? 3); i++) runs.push(await once());
const median = [...runs].sort((a, b) => a - b)[Math.floor(runs.length / 2)];
process.stdout.write(JSON.stringify({ runs, median }) + '\n');
