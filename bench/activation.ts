// Extension activation → first diagnostics, in the real workbench (code-server) with the
// packaged .vsix and the example open; the extension logs the number itself.
// argv: runs. Prints {"runs": [ms...], "median": ms}.
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openFile, startWorkbench } from '../test/e2e/workbench.js';

async function once(): Promise<number> {
    const wb = await startWorkbench(resolve('bos-studio.vsix'), {});
    try {
        const ws = mkdtempSync(join(tmpdir(), 'bos-bench-ws-'));
        cpSync('examples/double11', ws, { recursive: true });
        await wb.open(ws);
        await openFile(wb.page, 'business.bos');
        for (let i = 0; i < 300; i++) {
            for (const f of readdirSync(join(wb.userData, 'logs'), { recursive: true, encoding: 'utf8' }).filter(x => x.endsWith('BOS.log'))) {
                const m = readFileSync(join(wb.userData, 'logs', f), 'utf8').match(/first diagnostics (\d+) ms after activation/);
                if (m) return Number(m[1]);
            }
            await new Promise(r => setTimeout(r, 100));
        }
        throw new Error('the extension logged no first diagnostics');
    } finally {
        await wb.close();
    }
}

const runs: number[] = [];
for (let i = 0; i < Number(process.argv[2] ?? 3); i++) runs.push(await once());
const median = [...runs].sort((a, b) => a - b)[Math.floor(runs.length / 2)];
process.stdout.write(JSON.stringify({ runs, median }) + '\n');
