// Extension activation → first diagnostics, in the real workbench (code-server) with the
// packaged .vsix and the example open; the extension logs the number itself.
// argv: runs. Prints {"runs": [ms...], "median": ms}.
import { resolve } from 'node:path';
import { activationMs, openFile, startWorkbench } from '../test/e2e/workbench.js';
import { exampleCopy } from '../test/temp.js';

async function once(): Promise<number> {
    const wb = await startWorkbench(resolve('bos-studio.vsix'), {});
    try {
        await wb.open(exampleCopy('bench-ws'));
        await openFile(wb.page, 'business.bos');
        return await activationMs(wb.userData);
    } finally {
        await wb.close();
    }
}

const runs: number[] = [];
for (let i = 0; i < Number(process.argv[2] ?? 3); i++) runs.push(await once());
const median = [...runs].sort((a, b) => a - b)[Math.floor(runs.length / 2)];
process.stdout.write(JSON.stringify({ runs, median }) + '\n');
