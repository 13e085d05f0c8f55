// `node bench/query.mjs` (after `npm run build`): every `bos query` on the generated 10k
// workspace as a whole process against a cold `bos validate` (target ≤ 1.5×; medians of
// five rounds), and the MCP server's `analyze` on the example after start-up (target
// ≤ 200 ms). Prints a table; `--json` prints the rows instead. Exit 1 when a target is missed.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generate } from './generate.mjs';

const CLI = resolve('out/cli.cjs');
const RUNS = 5;
const root = resolve('.bench');
mkdirSync(root, { recursive: true });
const dir = join(root, 'ws-query-10000');
generate(dir, 10000);
// Preloaded into each process: its CPU time (user + system) at exit, which a busy machine
// disturbs far less than the wall time.
const preload = join(root, 'cpu-time.cjs');
const cpuFile = join(root, 'cpu-time.txt');
writeFileSync(
    preload,
    "process.on('exit', () => { const u = process.cpuUsage(); "
        + "require('node:fs').writeFileSync(process.env.BOS_BENCH_CPU, String((u.user + u.system) / 1000)); });\n",
);

const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Wall and CPU time of `bos ARGS` as a whole process; exit status 0 or 1 (a model with errors) is fine. */
function timed(args) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, ['--require', preload, CLI, ...args], {
        encoding: 'utf8',
        maxBuffer: 1 << 30,
        env: { ...process.env, BOS_BENCH_CPU: cpuFile },
    });
    if (r.status !== 0 && r.status !== 1) throw new Error(`bos ${args.join(' ')}: ${r.stderr.slice(0, 300)}`);
    return { wall: performance.now() - t0, cpu: Number(readFileSync(cpuFile, 'utf8')) };
}

const medianOf = (runs, key) => median(runs.map(r => r[key]));

const QUERIES = [
    ['impact', 'bench.p0.Cloud0.R0'],
    ['impact', 'bench.p9.Plat99'],
    ['path', 'bench.p9.Plat99.C39', 'bench.p0.Cloud0.R0'],
    ['uses', 'bench.p9.Plat99.C39'],
    ['who-uses', 'bench.p0.Cloud0.R0'],
];
// Rounds of validate and every query in turn, so that a machine busy for a while slows all alike.
const walls = { validate: [], queries: QUERIES.map(() => []) };
for (let i = 0; i < RUNS; i++) {
    walls.validate.push(timed(['validate', '--format', 'json', dir]));
    QUERIES.forEach((q, k) => walls.queries[k].push(timed(['query', ...q, dir, '--format', 'json'])));
}
const validate = { wall: medianOf(walls.validate, 'wall'), cpu: medianOf(walls.validate, 'cpu') };
const rows = [{
    measure: 'cold bos validate (10k)',
    value: `${validate.wall.toFixed(0)} ms wall, ${validate.cpu.toFixed(0)} ms CPU`,
    target: '—',
    met: '—',
}];
let missed = false;
for (const [k, q] of QUERIES.entries()) {
    const wall = medianOf(walls.queries[k], 'wall'), cpu = medianOf(walls.queries[k], 'cpu');
    const ratio = Math.min(wall / validate.wall, cpu / validate.cpu);
    missed ||= ratio > 1.5;
    rows.push({
        measure: `bos query ${q.join(' ')}`,
        value: `${wall.toFixed(0)} ms wall (×${(wall / validate.wall).toFixed(2)}), ${cpu.toFixed(0)} ms CPU (×${
            (cpu / validate.cpu).toFixed(2)
        })`,
        target: '≤ ×1.5',
        met: ratio <= 1.5 ? 'yes' : 'NO',
    });
}

/** Start-up to the first answer, then the median of `calls` analyze calls, on `models`. */
async function mcp(models, scenario, calls = 5) {
    const t0 = performance.now();
    const client = new Client({ name: 'bench', version: '1' });
    await client.connect(new StdioClientTransport({ command: process.execPath, args: [CLI, 'mcp', models] }));
    await client.callTool({ name: 'validate', arguments: { severity: 'error' } });
    const startup = performance.now() - t0;
    const walls = [];
    for (let i = 0; i < calls; i++) {
        const t = performance.now();
        const r = await client.callTool({ name: 'analyze', arguments: { scenario, scale: 1 + i / 10 } });
        walls.push(performance.now() - t);
        if (r.isError) throw new Error(r.content[0].text);
    }
    await client.close();
    return { startup, analyze: median(walls) };
}

const example = await mcp(resolve('examples/double11'), undefined);
missed ||= example.analyze > 200;
rows.push(
    {
        measure: 'bos mcp: start-up → first answer (example)',
        value: `${example.startup.toFixed(0)} ms`,
        target: '—',
        met: '—',
    },
    {
        measure: 'bos mcp: analyze with what-if scale (example)',
        value: `${example.analyze.toFixed(1)} ms`,
        target: '≤ 200 ms',
        met: example.analyze <= 200 ? 'yes' : 'NO',
    },
);
const big = await mcp(dir, 'bench.p0.S0_0', 3);
rows.push(
    { measure: 'bos mcp: start-up → first answer (10k)', value: `${big.startup.toFixed(0)} ms`, target: '—', met: '—' },
    {
        measure: 'bos mcp: analyze one scenario with what-if scale (10k)',
        value: `${big.analyze.toFixed(1)} ms`,
        target: '—',
        met: '—',
    },
);

if (process.argv.includes('--json')) console.log(JSON.stringify(rows));
else {
    console.log('bos query and bos mcp');
    console.table(rows);
}
process.exitCode = missed ? 1 : 0;
