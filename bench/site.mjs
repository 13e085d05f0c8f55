// `node bench/site.mjs` (after `npm run build`): `bos site` on the example and on a
// generated 1,000-declaration model, each against a peer in the same run on the same
// machine: the build against a cold `bos validate` of the same model, the page's opening
// in headless Chromium against `bos render -o x.html`'s static page of the same view,
// and the slider's update (analysis + recolouring) on both sites.
// Targets: the example's site ≤ 1.5 MB and open in ≤ 1 s; the 1k site built in ≤ 10 s,
// its slider ≤ 300 ms. Prints a table; `--json` prints the rows. Exit 1 when one is missed.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { generate } from './generate.mjs';

const CLI = resolve('out/cli.cjs');
const RUNS = 3;
const root = resolve('.bench');
mkdirSync(root, { recursive: true });
const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Median wall and CPU time (every thread, which a busy machine disturbs less) of `bos ARGS` as a whole process. */
function timed(args, runs = RUNS) {
    const walls = [], cpus = [];
    const cpuFile = join(root, 'site-cpu.txt');
    for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        const r = spawnSync(process.execPath, ['--require', resolve('bench/cpu.cjs'), CLI, ...args], {
            encoding: 'utf8',
            maxBuffer: 1 << 28,
            env: { ...process.env, BOS_BENCH_CPU: cpuFile },
        });
        walls.push(performance.now() - t0);
        // 0, or 1 for a model with errors or a view over its layout time.
        if (r.status !== 0 && r.status !== 1) throw new Error(`bos ${args.join(' ')}: ${r.stderr.slice(0, 300)}`);
        cpus.push(Number(readFileSync(cpuFile, 'utf8')));
    }
    return { wall: median(walls), cpu: median(cpus) };
}

const ms = t => `${t.wall.toFixed(0)} ms (CPU ${t.cpu.toFixed(0)} ms)`;

// The tests' Chromium flags, from their TypeScript module.
const flags = join(root, 'chromium-flags.mjs');
await esbuild.build({
    entryPoints: ['test/webview-server.ts'],
    outfile: flags,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'warning',
    // The module also drives Chromium: playwright-core stays a package, as in the other browser benches.
    packages: 'external',
});
const { CHROMIUM_ARGS } = await import(pathToFileURL(flags).href);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });

/** Median time from navigation to the page being ready (`ready` a selector that exists once its script ran). */
async function opening(file, ready) {
    const walls = [];
    for (let i = 0; i < RUNS; i++) {
        const context = await browser.newContext({ offline: true });
        const page = await context.newPage();
        const t0 = performance.now();
        await page.goto(pathToFileURL(file).href);
        await page.waitForSelector(ready);
        walls.push(performance.now() - t0);
        await context.close();
    }
    return median(walls);
}

/** Median time of one slider move to the next painted frame, over several scales. */
async function slider(file) {
    const context = await browser.newContext({ offline: true });
    const page = await context.newPage();
    await page.goto(pathToFileURL(file).href);
    await page.waitForSelector('#summary');
    const walls = [];
    for (const scale of ['1.1', '1.5', '0.5', '2', '1']) {
        walls.push(
            // Runs in the page.
            /* eslint-disable no-undef */
            await page.evaluate(value =>
                new Promise(done => {
                    const input = document.getElementById('scale');
                    const t0 = performance.now();
                    input.value = value;
                    input.dispatchEvent(new Event('input'));
                    requestAnimationFrame(() => setTimeout(() => done(performance.now() - t0), 0));
                }), scale),
            /* eslint-enable no-undef */
        );
    }
    await context.close();
    return median(walls);
}

const rows = [];
let missed = false;
const row = (measure, value, target, peer = '—') => {
    const met = target === undefined ? '—' : value.number <= target ? 'yes' : 'NO';
    missed ||= met === 'NO';
    rows.push({ measure, value: value.text, peer, target: target === undefined ? '—' : `≤ ${target}`, met });
};
const time = t => ({ number: t.wall, text: ms(t) });
const millis = x => ({ number: x, text: `${x.toFixed(0)} ms` });
const megabytes = file => {
    const mb = statSync(file).size / 1024 / 1024;
    return { number: mb, text: `${mb.toFixed(2)} MB` };
};

const out = mkdtempSync(join(tmpdir(), 'bos-bench-site-'));
const example = resolve('examples/double11');
const exampleSite = join(out, 'example.html');
row(
    'example: bos site',
    time(timed(['site', example, '-o', exampleSite])),
    undefined,
    `validate ${ms(timed(['validate', example]))}`,
);
row('example: site size', megabytes(exampleSite), 1.5);
const staticPage = join(out, 'overview.html');
timed(['render', example, '--view', 'Overview', '-o', staticPage], 1);
const staticOpen = await opening(staticPage, 'svg');
row(
    'example: open in Chromium until interactive (ms)',
    millis(await opening(exampleSite, '#summary table')),
    1000,
    `render -o .html ${staticOpen.toFixed(0)} ms`,
);
const exampleSlider = await slider(exampleSite);
row('example: slider → recoloured (ms)', millis(exampleSlider));

const dir = join(root, 'ws-site-1000');
generate(dir, 1000);
const bigSite = join(out, 'big.html');
// Other work on the machine stretches the wall time (and a loaded machine runs the Overview into its limit).
const loadBefore = loadavg()[0];
const bigBuild = timed(['site', dir, '-o', bigSite], 1);
row(
    '1k: bos site (ms)',
    {
        number: bigBuild.wall,
        text: `${ms(bigBuild)}, ${(bigBuild.wall / 10_000).toFixed(2)}× the target, load average ${
            loadBefore.toFixed(1)
        }`,
    },
    10_000,
    `validate ${ms(timed(['validate', dir], 1))}`,
);
row('1k: site size', megabytes(bigSite));
// A view over its layout time is built quickly but shown as a message: the build is only fast if there is none.
const messages = readFileSync(bigSite, 'utf8').match(/<p class="problem">/g)?.length ?? 0;
row('1k: pages shown as a message (layout over its time)', { number: messages, text: String(messages) }, 0);
row('1k: slider → recoloured (ms)', millis(await slider(bigSite)), 300, `example ${exampleSlider.toFixed(0)} ms`);
await browser.close();

if (process.argv.includes('--json')) console.log(JSON.stringify(rows));
else {
    console.log('bos site');
    console.table(rows);
}
process.exitCode = missed ? 1 : 0;
