// LSP latency on a generated workspace, through the shipped `bos lsp --stdio` (argv:
// folder, runs, and optionally the edited file, the text an edit replaces and its
// replacement): a cold `bos validate` of the same folder first (the yardstick an edit is
// a share of); start-up to the first diagnostics; one edit of one file → its
// publishDiagnostics, again and again (after 5 not counted); then 50 edits spread over the files, every tenth
// in the file the others refer to most, for the median and the 95th percentile (each
// edit after the server has gone idle from the one before); completion after `runs on `
// and a hover.
import '../src/language/polyfill.js';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { CompletionRequest, HoverRequest } from 'vscode-languageserver-protocol';
import { buildModel } from '../src/model/model.js';
import { loadWorkspace } from '../src/workspace/load.js';
import { fileUri, LspClient } from '../test/lsp-client.js';
import { serverCpuMs } from './server-cpu.js';

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => sorted(xs)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) => sorted(xs)[Math.ceil(xs.length * 0.95) - 1];
const SPREAD = 50;
const WARM_UP = 5;
/**
 * After an edit's diagnostics the server may go on checking other files whose findings
 * changed (at 50k, past 100 ms after an edit of the most-referenced file): the next edit
 * waits until the server's main thread has been idle for SETTLE_MS (at most QUIET_MAX_MS),
 * so that no sample is of two edits' work.
 */
const SETTLE_MS = 100;
const QUIET_MAX_MS = 10_000;
const pause = (ms: number) => new Promise(r => setTimeout(r, ms));

async function settle(client: LspClient): Promise<void> {
    const until = performance.now() + QUIET_MAX_MS;
    let before = serverCpuMs(client);
    do {
        await pause(SETTLE_MS);
        const now = serverCpuMs(client);
        // A few ms a window is the connection's and the timers' own.
        if (now - before < 5) return;
        before = now;
    } while (performance.now() < until);
}

/** Wall and CPU time (every thread, from the preloaded `bench/cpu.cjs`) of cold validates. */
function coldValidate(dir: string, runs: number): { wall: number; cpu: number } {
    const cpuFile = join(dir, '..', `cpu-${process.pid}.txt`);
    const walls: number[] = [], cpus: number[] = [];
    for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        const r = spawnSync(
            process.execPath,
            ['--require', resolve('bench/cpu.cjs'), resolve('out/cli.cjs'), 'validate', '--format', 'json', dir],
            { stdio: 'ignore', env: { ...process.env, BOS_BENCH_CPU: cpuFile } },
        );
        // Findings make the exit status 1; anything else is a failure of the bench.
        if (r.status !== 0 && r.status !== 1) throw new Error(`bos validate exited ${r.status} on ${dir}`);
        walls.push(performance.now() - t0);
        cpus.push(Number(readFileSync(cpuFile, 'utf8')));
    }
    return { wall: median(walls), cpu: median(cpus) };
}

/** The file whose declarations the other files' references land on most often. */
async function mostReferenced(dir: string): Promise<string> {
    const ws = await loadWorkspace([dir]);
    const model = buildModel(ws.services.shared.workspace.LangiumDocuments.all.toArray());
    const count = new Map<string, number>();
    for (const n of model.nodes) {
        for (const d of n.deps) {
            if (d.target && d.target.uri !== n.uri) count.set(d.target.uri, (count.get(d.target.uri) ?? 0) + 1);
        }
    }
    const [uri] = [...count].reduce((a, b) => (b[1] > a[1] ? b : a));
    return model.files.find(f => f.uri === uri)!.source.$document!.uri.fsPath;
}

/** Each edit's wall time until the edited file's diagnostics, and the server's CPU time for it. */
interface Samples {
    wall: number[];
    cpu: number[];
}

async function edit(client: LspClient, path: string, text: string, samples: Samples): Promise<void> {
    const uri = fileUri(path);
    const next = client.nextDiagnostics(uri, 120_000);
    const cpu = serverCpuMs(client);
    const t = performance.now();
    await client.change(uri, text);
    await next;
    samples.wall.push(performance.now() - t);
    await settle(client);
    samples.cpu.push(serverCpuMs(client) - cpu);
}

const summary = (xs: number[]) => ({ median: median(xs), p95: p95(xs), ratio: p95(xs) / median(xs) });

async function main(dir: string, runs: number, file = 'file050.bos', from = 'capacity 5M/s', to = 'capacity 6M/s') {
    const validate = coldValidate(dir, 3);
    const hot = await mostReferenced(dir);
    const client = new LspClient(join(process.cwd(), 'out/cli.cjs'));
    const path = join(dir, file);
    const uri = fileUri(path);
    const t0 = performance.now();
    const first = client.nextDiagnostics(uri, 600_000);
    await client.initialize(dir);
    await first;
    const startup = performance.now() - t0;
    const text = readFileSync(path, 'utf8');
    await client.open(uri, text);
    await client.nextDiagnostics(uri, 60_000);

    // The first few edits run before the JIT has compiled the hot paths: not counted.
    const one: Samples = { wall: [], cpu: [] };
    for (let i = 0; i < WARM_UP + runs; i++) {
        await edit(client, path, i % 2 === 0 ? text.replace(from, to) : text, one);
        if (i === WARM_UP - 1) one.wall.length = one.cpu.length = 0;
    }

    // Spread: every file the edits touch is opened first; each edit turns its first
    // `capacity N` into N+1 and back on the next visit.
    const files = readdirSync(dir).filter(f => f.endsWith('.bos')).sort().map(f => join(dir, f));
    const targets = Array.from(
        { length: SPREAD },
        (_, i) => (i % 10 === 0 ? hot : files[Math.floor(i * files.length / SPREAD)]),
    );
    const texts = new Map<string, string>();
    for (const p of new Set(targets)) {
        if (p === path) continue;
        const opened = client.nextDiagnostics(fileUri(p), 120_000);
        texts.set(p, readFileSync(p, 'utf8'));
        await client.open(fileUri(p), texts.get(p)!);
        await opened;
    }
    texts.set(path, text);
    const spread: Samples = { wall: [], cpu: [] };
    const visits = new Map<string, number>();
    for (const p of targets) {
        const original = texts.get(p)!;
        const visit = visits.get(p) ?? 0;
        visits.set(p, visit + 1);
        const changed = visit % 2 === 0
            ? original.replace(/capacity (\d+)/, (_, n: string) => `capacity ${Number(n) + 1}`)
            : original;
        await edit(client, p, changed, spread);
    }

    const lines = text.split('\n');
    const runsOn = lines.findIndex(l => l.includes('runs on'));
    const afterRunsOn = lines[runsOn].indexOf('runs on') + 'runs on '.length;
    const capability = lines.findIndex(l => /capability \w+ /.test(l));
    const hoverAt = {
        line: capability,
        character: lines[capability].indexOf('capability ') + 'capability '.length + 1,
    };
    const completions: number[] = [];
    const hovers: number[] = [];
    let items = 0;
    for (let i = 0; i < runs; i++) {
        let t = performance.now();
        const list = await client.connection.sendRequest(CompletionRequest.type, {
            textDocument: { uri },
            position: { line: runsOn, character: afterRunsOn },
        }) as { items: unknown[] };
        completions.push(performance.now() - t);
        items = list.items.length;
        t = performance.now();
        await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: hoverAt });
        hovers.push(performance.now() - t);
    }
    await client.close();
    // Every edit sample too: a garbage collection or a slow host shows up there first.
    process.stdout.write(
        JSON.stringify({
            validate,
            hot: relative(dir, hot),
            startup,
            edit: median(one.wall),
            edits: one.wall.map(Math.round),
            editCpu: median(one.cpu),
            spread: { wall: summary(spread.wall), cpu: summary(spread.cpu) },
            spreadEdits: spread.wall.map(Math.round),
            completion: median(completions),
            hover: median(hovers),
            items,
        }) + '\n',
    );
}

const [dir, runs, ...edited] = process.argv.slice(2);
void main(dir, Number(runs ?? 15), edited[0], edited[1], edited[2]);
