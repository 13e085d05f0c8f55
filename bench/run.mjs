// `npm run bench`: cold `bos validate` as a whole process, and the analysis alone,
// on generated workspaces of 1k, 10k and 50k declarations over 100 files; the language
// server; diagrams; the extension's activation; and what the performance model costs
// (performance-model.mjs).
// Targets (2-core machine): 10k validated and analysed ≤ 1.5 s wall, peak memory ≤ 500 MB;
// 50k ≤ 1.72 s and ≤ 400 MB (issue 18).
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bundle } from './bundle.mjs';
import { generate } from './generate.mjs';
import { benchPerformanceModel } from './performance-model.mjs';
import { benchWeb } from './web.mjs';

const root = resolve('.bench');
const SPREAD_EDITS = 50;
mkdirSync(root, { recursive: true });
// `BOS_BENCH_ONLY=performance npm run bench` measures what the performance model costs, and nothing else.
if (process.env.BOS_BENCH_ONLY === 'performance') {
    await benchPerformanceModel(root);
    process.exit(0);
}
await bundle(root, ['analysis', 'floor', 'lsp', 'diagram', 'focus', 'layout-quality']);
// The activation and what-if benchmarks drive a browser: ESM for top-level await, playwright external.
for (const name of ['activation', 'what-if']) {
    await esbuild.build({
        entryPoints: [`bench/${name}.ts`],
        outfile: join(root, `${name}.mjs`),
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        logLevel: 'warning',
        external: ['playwright-core'],
        // The layout worker is found from __dirname, which ESM lacks.
        banner: {
            js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url); "
                + 'const __dirname = import.meta.dirname;',
        },
    });
}
// `BOS_BENCH_ONLY=web npm run bench`: the web extension's start-up and size, and nothing else.
if (process.env.BOS_BENCH_ONLY === 'web') {
    if (spawnSync('npm', ['run', '--silent', 'package'], { stdio: 'ignore' }).status !== 0) {
        throw new Error('npm run package failed');
    }
    await benchWeb(root);
    process.exit(0);
}

// 50k: issue 18 asks for 40% of the 2026-11-25 time (4.3 s) and 400 MB. Beside each
// validate runs the floor, Langium alone parsing and linking the same files (floor.ts),
// a peer in the same run: it shows how far below the grammar's own cost a target lies.
const TARGETS = { 1000: null, 10000: { wall: 1500, rss: 500 }, 50000: { wall: 1720, rss: 400 } };
const RUNS = 3;
const rows = [];
/** Wall time and peak resident memory of one whole process; fails loudly on a non-zero exit. */
function processRun(args, what) {
    const rssFile = join(root, 'rss.txt');
    const t0 = performance.now();
    const r = spawnSync(process.execPath, ['--require', resolve('bench/rss.cjs'), ...args], {
        encoding: 'utf8',
        maxBuffer: 1 << 30,
        env: { ...process.env, BOS_BENCH_RSS: rssFile },
    });
    const wall = performance.now() - t0;
    if (r.status !== 0) {
        const errors = JSON.parse(r.stdout.startsWith('{') ? r.stdout : '{}').summary?.errors;
        throw new Error(`${what} exited ${r.status} (${errors} errors): ${r.stderr.slice(0, 300)}`);
    }
    return { wall, rss: Number(readFileSync(rssFile, 'utf8')) / 1024 / 1024 };
}
const middle = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const size of [1000, 10000, 50000]) {
    const dir = join(root, `ws-${size}`);
    const decls = generate(dir, size);
    const bos = [], floor = [];
    for (let i = 0; i < RUNS; i++) {
        bos.push(processRun([resolve('out/cli.cjs'), 'validate', '--format', 'json', dir], `validate of ${size}`));
        floor.push(processRun([join(root, 'floor.cjs'), dir], `the floor of ${size}`));
    }
    const an = JSON.parse(
        spawnSync(process.execPath, [join(root, 'analysis.cjs'), dir, '5'], { encoding: 'utf8' }).stdout,
    );
    const target = TARGETS[size];
    const median = middle(bos.map(r => r.wall));
    const rssMb = Math.max(...bos.map(r => r.rss));
    rows.push({
        declarations: decls,
        'validate wall (median of 3)': `${median.toFixed(0)} ms`,
        'peak RSS': `${rssMb.toFixed(0)} MB`,
        'floor: wall, peak RSS': `${middle(floor.map(r => r.wall)).toFixed(0)} ms, ${
            Math.max(...floor.map(r => r.rss)).toFixed(0)
        } MB`,
        'model + analysis': `${an.medianMs.toFixed(1)} ms (${an.scenarios} scenarios)`,
        target: target ? `≤ ${target.wall} ms${target.rss ? `, ≤ ${target.rss} MB` : ''}` : '—',
        met: target ? (median <= target.wall && (!target.rss || rssMb <= target.rss) ? 'yes' : 'NO') : '—',
    });
}
console.log('CLI: cold bos validate, and the analysis alone');
console.table(rows);

// Language server, over JSON-RPC, on the 10k and 50k workspaces of both shapes: this
// generator's (ten packages) and gen-dense.py's (one package, most files refer to most).
const ok = (v, t) => (v <= t ? 'yes' : 'NO');
const ms = x => `${x.toFixed(0)} ms`;
const lspRows = [];
const denseScript = resolve(process.env.BOS_GEN_DENSE ?? '../shared/bench/gen-dense.py');
const shapes = [
    ['bench generator', 10000, 100, join(root, 'ws-10000'), []],
    ['bench generator', 50000, 250, join(root, 'ws-50000'), []],
];
for (const size of readdirSync(resolve(denseScript, '..')).includes('gen-dense.py') ? [10000, 50000] : []) {
    const dir = join(root, `dense-${size}`);
    const r = spawnSync('python3', [denseScript, String(size), dir, '100'], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`gen-dense.py failed: ${r.stderr}`);
    shapes.push(['gen-dense.py', size, null, dir, ['m042.bos', 'capacity 50M/s', 'capacity 60M/s']]);
}
const lspRuns = Number(process.env.BOS_BENCH_LSP_RUNS ?? 15);
for (const [shape, size, editTarget, dir, edited] of shapes) {
    const run = spawnSync(process.execPath, [join(root, 'lsp.cjs'), dir, String(lspRuns), ...edited], {
        encoding: 'utf8',
        maxBuffer: 1 << 26,
    });
    if (run.status !== 0) throw new Error(`lsp bench failed on ${dir}: ${run.stderr.slice(0, 500)}`);
    const lsp = JSON.parse(run.stdout);
    const at = `${shape} ${size / 1000}k`;
    const share = lsp.editCpu / lsp.validate.cpu;
    const { wall, cpu } = lsp.spread;
    lspRows.push(
        {
            measure: `${at}: start-up → first diagnostics`,
            value: ms(lsp.startup),
            target: size === 50000 ? '≤ 2500 ms' : '—',
            met: size === 50000 ? ok(lsp.startup, 2500) : '—',
        },
        {
            measure: `${at}: one edit → publishDiagnostics, wall (range ${Math.min(...lsp.edits)}–${
                Math.max(...lsp.edits)
            })`,
            value: ms(lsp.edit),
            target: editTarget ? `≤ ${editTarget} ms` : '—',
            met: editTarget ? ok(lsp.edit, editTarget) : '—',
        },
        {
            measure: `${at}: one edit, server CPU / cold validate CPU (${ms(lsp.validate.cpu)})`,
            value: `${ms(lsp.editCpu)}, ${(share * 100).toFixed(1)}%`,
            target: '≤ 5%',
            met: ok(share, 0.05),
        },
        {
            measure: `${at}: ${SPREAD_EDITS} edits over the files (every tenth in ${lsp.hot}), CPU median / p95`,
            value: `${ms(cpu.median)} / ${ms(cpu.p95)} (×${cpu.ratio.toFixed(2)})`,
            target: 'p95 ≤ 2× median',
            met: ok(cpu.ratio, 2),
        },
        {
            measure: `${at}: the same, wall median / p95`,
            value: `${ms(wall.median)} / ${ms(wall.p95)} (×${wall.ratio.toFixed(2)})`,
            target: '—',
            met: '—',
        },
        {
            measure: `${at}: completion after runs on (${lsp.items} items)`,
            value: `${lsp.completion.toFixed(1)} ms`,
            target: '≤ 50 ms',
            met: ok(lsp.completion, 50),
        },
        { measure: `${at}: hover`, value: `${lsp.hover.toFixed(1)} ms`, target: '≤ 30 ms', met: ok(lsp.hover, 30) },
    );
}
console.log(`Language server (medians of ${lspRuns} runs)`);
console.table(lspRows);

await benchPerformanceModel(root);

// Review, exports and questions at 10k declarations, each against a cold validate of
// the same workspace in the same run (their scripts also run on their own).
const { diffBench } = await import('./diff.mjs');
console.log('bos diff of two 10k revisions (target ≤ 2.5× one cold validate)');
console.table(await diffBench(root));
for (const script of ['export.mjs', 'query.mjs']) {
    const run = spawnSync(process.execPath, [join('bench', script), '--json'], {
        encoding: 'utf8',
        maxBuffer: 1 << 26,
    });
    console.log(`bench/${script} (target ≤ 1.5× one cold validate)`);
    if (!run.stdout.trim()) console.log(run.stderr);
    else {
        const out = JSON.parse(run.stdout);
        console.table(Array.isArray(out) ? out : out.rows);
    }
}

// The offline site: its build, size, opening and slider against peers (bench/site.mjs).
const site = spawnSync(process.execPath, [join('bench', 'site.mjs'), '--json'], { encoding: 'utf8' });
console.log('bench/site.mjs: bos site (targets in the table)');
console.table(site.stdout.trim() ? JSON.parse(site.stdout) : site.stderr);

// Diagrams: layout + SVG, in-process.
const dg = JSON.parse(
    spawnSync(process.execPath, [join(root, 'diagram.cjs')], { encoding: 'utf8', maxBuffer: 1 << 26 }).stdout,
);
console.log('Diagrams: layout + SVG (median; 1 run for 1,000 and 2,000 nodes)');
console.table([
    {
        view: `example Overview (${dg.example.nodes} nodes)`,
        value: `${dg.example.ms.toFixed(0)} ms`,
        target: '≤ 300 ms',
        met: ok(dg.example.ms, 300),
    },
    {
        view: 'generated, 200 nodes',
        value: `${dg.n200.ms.toFixed(0)} ms`,
        target: '≤ 1000 ms',
        met: ok(dg.n200.ms, 1000),
    },
    {
        view: 'generated, 1,000 nodes',
        value: `${dg.n1000.ms.toFixed(0)} ms`,
        target: '≤ 4000 ms',
        met: ok(dg.n1000.ms, 4000),
    },
    {
        view: `generated, 2,000 nodes${dg.n2000.folded ? ` (folded to ${dg.n2000.nodes})` : ''}`,
        value: `${dg.n2000.ms.toFixed(0)} ms`,
        target: '≤ 10000 ms',
        met: ok(dg.n2000.ms, 10000),
    },
]);

// Layout quality: our ELK layout against Graphviz dot on the same graphs (bench/layout-quality.ts).
const { layoutQualityTable } = await import('./layout-quality-table.mjs');
const lq = spawnSync(process.execPath, [join(root, 'layout-quality.cjs')], { encoding: 'utf8', maxBuffer: 1 << 26 });
console.log('Layout quality: ELK against Graphviz dot (crossings, bends, edge length, size; ratio ELK / dot)');
console.table(lq.stdout.trim() ? layoutQualityTable(JSON.parse(lq.stdout)) : lq.stderr);

// Drill-down: a platform's focus view of a 1,000-node model, against its full view.
const fv = JSON.parse(spawnSync(process.execPath, [join(root, 'focus.cjs')], { encoding: 'utf8' }).stdout);
console.log(`Focus view of a ${fv.declarations}-declaration model (median of 5; full view: 1 run)`);
console.table([
    {
        view: `focus:g.P0 (${fv.focus.nodes} nodes)`,
        value: `${fv.focus.ms.toFixed(0)} ms`,
        target: '≤ 1000 ms',
        met: ok(fv.focus.ms, 1000),
    },
    { view: `full view (${fv.full.nodes} nodes)`, value: `${fv.full.ms.toFixed(0)} ms`, target: 'peer', met: '' },
]);

// The preview's what-if slider: server answer (layout reused) + the page's drawing, in Chromium.
const wi = JSON.parse(spawnSync(process.execPath, [join(root, 'what-if.mjs')], { encoding: 'utf8' }).stdout);
console.log('Preview what-if: one slider step, server + Chromium drawing (median of 10 scales)');
console.table([
    { view: `example TradeChain (${wi.example.nodes} nodes)`, max: 100, r: wi.example },
    { view: `generated, ${wi.n1000.nodes} nodes`, max: 300, r: wi.n1000 },
].map(({ view, max, r }) => ({
    view,
    server: `${r.server.toFixed(0)} ms`,
    page: `${r.page.toFixed(0)} ms`,
    value: `${r.total.toFixed(0)} ms`,
    target: `≤ ${max} ms`,
    met: ok(r.total, max),
})));

// The extension in the real workbench: activation → first diagnostics, on the
// production .vsix (built here; it also leaves out/ minified, as shipped).
if (spawnSync('npm', ['run', '--silent', 'package'], { stdio: 'ignore' }).status !== 0) {
    throw new Error('npm run package failed');
}
const { installCodeServer } = await import('../scripts/code-server.mjs');
installCodeServer();
const act = JSON.parse(spawnSync(process.execPath, [join(root, 'activation.mjs'), '5'], { encoding: 'utf8' }).stdout);
console.log('VS Code extension (code-server 4.100.3, example workspace, 5 fresh starts)');
console.table([{
    measure: 'activation → first diagnostics (median)',
    value: `${act.median} ms`,
    runs: act.runs.join(', '),
    target: '≤ 1000 ms',
    met: ok(act.median, 1000),
}]);

await benchWeb(root);
