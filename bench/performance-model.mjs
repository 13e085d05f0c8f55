// What the performance model (spec section 7) costs, measured in one run so that the
// machine's mood falls on both sides alike: at 10k declarations, the same workspace
// with every capability and resource given `latency` and `instances` against it
// without them (none has either), on this bench's generator and on the shared
// gen-dense.py. Measured: a cold `bos validate` and LSP edit → diagnostics (target:
// ≤ 10% more), and an 11-step `analyze --sweep` against one `analyze` (both as whole
// processes; target: ≤ 2×). Runs alternate between the sides being compared, and each
// measure is given as wall time and as CPU time (the process's, or the language server
// main thread's), which the other work of a shared machine disturbs much less.
//
// `node bench/performance-model.mjs` after `npm run build`, or part of `npm run bench`.
// BOS_BENCH_RUNS (processes per side, default 7) and BOS_BENCH_LSP_RUNS (edits per
// workspace, default 15) shorten it; BOS_GEN_DENSE is the path of gen-dense.py.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundle } from './bundle.mjs';
import { generate, setPerformance } from './generate.mjs';

const SIZE = 10_000;
const CLI = resolve('out/cli.cjs');

const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** `1234 ms (1200–1300)`: the median and the range of the samples. */
const summary = (xs, digits = 0) =>
    `${median(xs).toFixed(digits)} ms (${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)})`;

const cpuFile = join(tmpdir(), `bos-bench-cpu-${process.pid}.txt`);

/** Wall and CPU time of one `bos` process, which must exit 0; its output is thrown away. */
function timed(args) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, ['--require', resolve('bench/cpu.cjs'), CLI, ...args], {
        stdio: ['ignore', 'ignore', 'pipe'],
        encoding: 'utf8',
        env: { ...process.env, BOS_BENCH_CPU: cpuFile },
    });
    const wall = performance.now() - t0;
    if (r.status !== 0) throw new Error(`bos ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 300)}`);
    return { wall, cpu: Number(readFileSync(cpuFile, 'utf8')) };
}

/** Each of `commands` `runs` times, in turn: per command its samples, `{ wall: [ms], cpu: [ms] }`. */
function alternate(commands, runs) {
    const samples = commands.map(() => ({ wall: [], cpu: [] }));
    for (let i = 0; i < runs; i++) {
        commands.forEach((args, k) => {
            const t = timed(args);
            samples[k].wall.push(t.wall);
            samples[k].cpu.push(t.cpu);
        });
    }
    return samples;
}

/** The two variants of one workspace: without and with the performance model's inputs. */
function variants(root, name, make) {
    const out = {};
    for (const [side, on] of [['without', false], ['with', true]]) {
        const dir = join(root, `${name}-${side}`);
        rmSync(dir, { recursive: true, force: true });
        mkdirSync(dir, { recursive: true });
        make(dir);
        setPerformance(dir, on);
        out[side] = dir;
    }
    return out;
}

/** A file with a capacity to edit, near the middle of the workspace, and the edit. */
function editIn(dir) {
    const files = readdirSync(dir).filter(f => f.endsWith('.bos')).sort();
    const middle = files.slice(files.length / 2).concat(files);
    for (const f of middle) {
        const m = /capacity (\d+)M\/s/.exec(readFileSync(join(dir, f), 'utf8'));
        if (m) return { file: join(dir, f), from: m[0], to: `capacity ${Number(m[1]) + 1}M/s` };
    }
    throw new Error(`no capacity to edit in ${dir}`);
}

export async function benchPerformanceModel(root = resolve('.bench')) {
    const runs = Number(process.env.BOS_BENCH_RUNS ?? 7);
    const lspRuns = Number(process.env.BOS_BENCH_LSP_RUNS ?? 15);
    mkdirSync(root, { recursive: true });
    await bundle(root, ['lsp-compare', 'analysis']);
    const workspaces = { 'bench generator': variants(root, 'perf-own', dir => generate(dir, SIZE)) };
    const dense = resolve(process.env.BOS_GEN_DENSE ?? '../shared/bench/gen-dense.py');
    if (existsSync(dense)) {
        workspaces['gen-dense.py'] = variants(root, 'perf-dense', dir => {
            const r = spawnSync('python3', [dense, String(SIZE), dir], { encoding: 'utf8' });
            if (r.status !== 0) throw new Error(`gen-dense.py failed: ${r.stderr}`);
        });
    } else console.log(`(no ${dense}: the gen-dense.py workspace is skipped)`);

    const rows = [];
    /** Two rows, wall and CPU time, of `measured` against `baseline`. */
    const compare = (measure, [baseline, measured], target) => {
        for (const clock of ['wall', 'cpu']) {
            const ratio = median(measured[clock]) / median(baseline[clock]);
            rows.push({
                measure: `${measure} (${clock === 'wall' ? 'wall' : 'CPU'})`,
                baseline: summary(baseline[clock]),
                measured: summary(measured[clock]),
                ratio: ratio.toFixed(3),
                target: `≤ ${target}`,
                met: ratio <= target ? 'yes' : 'NO',
            });
        }
    };
    for (const [name, ws] of Object.entries(workspaces)) {
        compare(`${name}: cold bos validate`, alternate([['validate', ws.without], ['validate', ws.with]], runs), 1.1);
        const lsp = spawnSync(process.execPath, [
            join(root, 'lsp-compare.cjs'),
            JSON.stringify({ runs: lspRuns, workspaces: [ws.without, ws.with].map(dir => ({ dir, ...editIn(dir) })) }),
        ], { encoding: 'utf8', maxBuffer: 1 << 26 });
        if (lsp.status !== 0) throw new Error(`lsp-compare failed: ${lsp.stderr.slice(0, 300)}`);
        compare(`${name}: LSP edit → diagnostics`, JSON.parse(lsp.stdout), 1.1);
        // In-process, what the model computes per build: which part of the above is the analysis.
        const phases = [ws.without, ws.with].map(dir =>
            JSON.parse(
                spawnSync(process.execPath, [join(root, 'analysis.cjs'), dir, '15'], { encoding: 'utf8' }).stdout,
            )
                .phases
        );
        const inProcess = p =>
            `model ${p.model.toFixed(0)}, facts ${p.facts.toFixed(1)}, analysis ${p.analysis.toFixed(1)}, checks ${
                p.checks.toFixed(1)
            } ms`;
        rows.push({
            measure: `${name}: in-process phases (median of 15)`,
            baseline: inProcess(phases[0]),
            measured: inProcess(phases[1]),
            ratio: ((phases[1].analysis + phases[1].checks) / (phases[0].analysis + phases[0].checks)).toFixed(3),
            target: '(analysis + checks)',
            met: '—',
        });
    }
    // The sweep against one analysis, on the workspace that has every input, as JSON and as text.
    const own = workspaces['bench generator'].with;
    const sweep = ['--sweep', '0.5..1.5', '--steps', '11'];
    const [json, sweepJson, text, sweepText] = alternate([
        ['analyze', '--format', 'json', own],
        ['analyze', '--format', 'json', ...sweep, own],
        ['analyze', own],
        ['analyze', ...sweep, own],
    ], runs);
    compare('bench generator: analyze --format json, 11-step sweep against one', [json, sweepJson], 2);
    compare('bench generator: analyze (text), 11-step sweep against one', [text, sweepText], 2);
    console.log(
        `Performance model at ${SIZE / 1000}k declarations: baseline without latency and instances (or one analyze), `
            + `measured with them on every capability and resource (or the sweep); medians with their range, ${runs} `
            + `processes or ${lspRuns} edits a side, alternating`,
    );
    console.table(rows);
    return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await benchPerformanceModel();
