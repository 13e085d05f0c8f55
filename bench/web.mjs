// The web extension (vscode.dev, github.dev) in code-server's web worker extension host:
// activation → first diagnostics with its start-up steps (median of 5 fresh starts and
// their range), and the size of what a browser loads for it. Needs the packaged .vsix
// (`npm run package`) and .bench/activation.mjs (run.mjs builds both).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WEB_BUNDLE_LIMIT, webBundleBytes } from '../scripts/web-bundle-size.mjs';

const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const range = xs => `${Math.min(...xs)}–${Math.max(...xs)}`;

export async function benchWeb(root) {
    const { installCodeServer } = await import('../scripts/code-server.mjs');
    installCodeServer();
    const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
    const loadBefore = load();
    const run = spawnSync(process.execPath, [join(root, 'activation.mjs'), '5', 'web'], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`the web activation bench failed: ${run.stderr}`);
    const { runs, steps } = JSON.parse(run.stdout);
    console.log(
        `VS Code web extension (web worker extension host, example workspace, 5 fresh starts; `
            + `load average ${loadBefore} before, ${load()} after)`,
    );
    // The steps the extension logged, in their order (first folder asked, last file read…).
    const rows = [...new Set(steps.flatMap(Object.keys))]
        .map(step => {
            const ms = steps.map(s => s[step]).filter(ms => ms !== undefined);
            return { measure: `activation → ${step} (median)`, value: `${median(ms)} ms`, range: range(ms) };
        });
    const bytes = webBundleBytes('out/web');
    console.table([...rows, {
        measure: 'activation → first diagnostics (median)',
        value: `${median(runs)} ms`,
        range: range(runs),
        target: '≤ 1500 ms',
        met: median(runs) <= 1500 ? 'yes' : 'NO',
    }, {
        measure: 'out/web bundles, minified (ELK included)',
        value: `${(bytes / 1e6).toFixed(3)} MB (${bytes} bytes)`,
        target: `≤ ${WEB_BUNDLE_LIMIT / 1e6} MB`,
        met: bytes <= WEB_BUNDLE_LIMIT ? 'yes' : 'NO',
    }]);
}
