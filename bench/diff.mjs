// `bos diff` on two revisions of a generated 10k-declaration workspace, against one cold
// `bos validate` of the head, both as whole processes, medians of a few runs in the same
// run. Target (issue 12): the diff takes at most 2.5 times the validation.
//
//   node bench/diff.mjs [RUNS]        (after `npm run build`; prints a table)
//   import { diffBench } from './diff.mjs'; console.table(await diffBench(root))
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generate } from './generate.mjs';

const TARGET = 2.5;

function git(cwd, ...args) {
    const env = { ...process.env, GIT_AUTHOR_NAME: 'bench', GIT_AUTHOR_EMAIL: 'bench@example.com' };
    env.GIT_COMMITTER_NAME = env.GIT_AUTHOR_NAME;
    env.GIT_COMMITTER_EMAIL = env.GIT_AUTHOR_EMAIL;
    const r = spawnSync('git', args, { cwd, encoding: 'utf8', env });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
}

/** A change the size of a busy pull request: capacities in ten files, a declaration added, one renamed. */
function change(dir) {
    for (let i = 0; i < 10; i++) {
        const file = join(dir, 'model', `file${String(i * 10).padStart(3, '0')}.bos`);
        writeFileSync(file, readFileSync(file, 'utf8').replace(/capacity (\d+)M\/s/, (_, n) => `capacity ${n - 1}M/s`));
    }
    const last = join(dir, 'model', 'file099.bos');
    const text = readFileSync(last, 'utf8').replace(/\nactor A99_0 /, '\nactor Shopper99 ');
    writeFileSync(last, text.replace(/from A99_0\n/g, 'from Shopper99\n') + 'actor Newcomer "新" { uses E99_0 }\n');
}

function time(args, cwd) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [resolve('out/cli.cjs'), ...args], {
        cwd,
        encoding: 'utf8',
        maxBuffer: 1 << 30,
        env: { ...process.env, NO_COLOR: '1' },
    });
    const ms = performance.now() - t0;
    if (r.status !== 0 && !(args[0] === 'validate' && r.status === 1)) {
        throw new Error(`bos ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 300)}`);
    }
    return { ms, out: r.stdout };
}

const median = xs => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Times both, alternating, so that a busy moment of the machine weighs on both alike. */
export async function diffBench(root = resolve('.bench'), runs = 3, size = 10_000) {
    const dir = join(root, `diff-${size}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const declarations = generate(join(dir, 'model'), size);
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'base');
    change(dir);
    git(dir, 'commit', '-q', '-am', 'head');
    const validate = [], diff = [];
    let summary = '';
    for (let i = 0; i < runs; i++) {
        validate.push(time(['validate', '--format', 'json', 'model'], dir).ms);
        const d = time(['diff', 'model', '--base', 'HEAD~1', '--format', 'json'], dir);
        diff.push(d.ms);
        const { declarations: ds } = JSON.parse(d.out);
        summary = `+${ds.added.length} −${ds.removed.length} ~${ds.changed.length} (${ds.renamed.length} renamed)`;
    }
    const ratio = median(diff) / median(validate);
    return [{
        declarations,
        change: summary,
        [`validate (median of ${runs})`]: `${median(validate).toFixed(0)} ms`,
        [`diff --base HEAD~1 (median of ${runs})`]: `${median(diff).toFixed(0)} ms`,
        ratio: `×${ratio.toFixed(2)}`,
        target: `≤ ×${TARGET}`,
        met: ratio <= TARGET ? 'yes' : 'NO',
    }];
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
    console.log('bos diff of two revisions against one cold bos validate (whole processes)');
    console.table(await diffBench(resolve('.bench'), Number(process.argv[2] ?? 3)));
}
