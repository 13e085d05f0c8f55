// `node bench/export.mjs [--runs N] [--json]`: every `bos export --to` format on the
// generated 10k-declaration workspace, each as a whole process, against one cold
// `bos validate` of the same workspace. Target: each export ≤ 1.5 × validate (the
// median of each, runs interleaved so that a busy machine slows them alike). Diagram
// formats export the whole model (`--view Overview`); LQN the first scenario. Needs
// `npm run build` first. With --json, prints the rows as JSON for bench/run.mjs.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generate } from './generate.mjs';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, json: { type: 'boolean' } } });
const RUNS = Number(values.runs);
const TARGET = 1.5;
const root = resolve('.bench');
const dir = join(root, 'ws-10000');
mkdirSync(root, { recursive: true });
const declarations = generate(dir, 10000);
const output = join(root, 'export.out');

const FORMATS = [
    ['json', []],
    ['mermaid', ['--view', 'Overview']],
    ['plantuml', ['--view', 'Overview']],
    ['d2', ['--view', 'Overview']],
    ['structurizr', ['--view', 'Overview']],
    ['drawio', ['--view', 'Overview']],
    ['lqn', []],
];

// The child says its own CPU time (user + system) on exit: on a busy machine it varies
// far less than the wall time.
const CPU = 'process.on("exit", () => { const u = process.resourceUsage(); '
    + 'process.stderr.write(`\\nbench-cpu ${(u.userCPUTime + u.systemCPUTime) / 1000}\\n`); });';
const PRELOAD = `--import=data:text/javascript,${encodeURIComponent(CPU)}`;

function timed(args) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [PRELOAD, resolve('out/cli.cjs'), ...args], {
        encoding: 'utf8',
        maxBuffer: 1 << 30,
    });
    const wall = performance.now() - t0;
    if (r.status !== 0) throw new Error(`bos ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 300)}`);
    return { wall, cpu: Number(/bench-cpu ([\d.]+)/.exec(r.stderr)[1]) };
}

const runs = { validate: [] };
const sizes = {};
for (const [to] of FORMATS) runs[to] = [];
for (let i = 0; i < RUNS; i++) {
    runs.validate.push(timed(['validate', '--format', 'json', dir]));
    for (const [to, extra] of FORMATS) {
        runs[to].push(timed(['export', dir, '--to', to, ...extra, '-o', output]));
        sizes[to] = statSync(output).size;
    }
}
rmSync(output, { force: true });
const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const of = (name, key) => median(runs[name].map(r => r[key]));
const validate = { wall: of('validate', 'wall'), cpu: of('validate', 'cpu') };
const rows = FORMATS.map(([to]) => {
    const wall = of(to, 'wall'), cpu = of(to, 'cpu');
    return {
        format: to,
        'wall (median)': `${wall.toFixed(0)} ms`,
        'CPU (median)': `${cpu.toFixed(0)} ms`,
        output: `${(sizes[to] / 1e6).toFixed(1)} MB`,
        'vs validate (wall / CPU)': `${(wall / validate.wall).toFixed(2)}× / ${(cpu / validate.cpu).toFixed(2)}×`,
        target: `≤ ${TARGET}×`,
        met: wall <= TARGET * validate.wall ? 'yes' : 'NO',
    };
});
if (values.json) {
    console.log(JSON.stringify({ declarations, validate, rows }));
} else {
    console.log(
        `bos export on ${declarations} declarations; cold validate ${validate.wall.toFixed(0)} ms wall, `
            + `${validate.cpu.toFixed(0)} ms CPU (medians of ${RUNS})`,
    );
    console.table(rows);
}
