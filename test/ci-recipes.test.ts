// docs/ci.md stays true: every `bos` command in its GitHub Actions and GitLab recipes
// runs against the bundled example (with `bos` standing for the built CLI), and what
// they write is what the next steps expect.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CODES } from '../src/checks/codes.js';
import { sarifErrors } from './sarif.js';
import { exampleCopy, tempDir } from './temp.js';

const doc = readFileSync('docs/ci.md', 'utf8');
const blocks = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map(m => m[1]);

/** Shell lines of a recipe: `run: …` values (GitHub) and `- …` script items (GitLab). */
function commands(yaml: string): string[] {
    return yaml.split('\n').map(l => l.match(/^\s*(?:run:|-)\s+(.*)$/)?.[1] ?? '')
        .filter(c => /^(bos|npm|exit) /.test(c));
}

function runRecipe(yaml: string): { dir: string; results: { command: string; status: number; stderr: string }[] } {
    const dir = exampleCopy('ci', 'model');
    const cli = resolve('out/cli.cjs');
    // One shell for the whole recipe, as a CI job runs it; `bos` is the built CLI and
    // the global install is what a CI machine does, so it is not repeated here.
    const results = [];
    let script = `bos() { node ${JSON.stringify(cli)} "$@"; }\n`;
    for (const command of commands(yaml)) {
        if (command.startsWith('npm install --global bos-studio')) continue;
        script += `${command}\n`;
        const r = spawnSync('bash', ['-c', script], {
            cwd: dir,
            encoding: 'utf8',
            env: { ...process.env, NO_COLOR: '1' },
        });
        results.push({ command, status: r.status ?? -1, stderr: r.stderr });
    }
    return { dir, results };
}

describe('docs/ci.md', () => {
    it('names only codes that exist, errors as failing the build and warnings as passing', () => {
        const [errors, warnings] = doc.split('\n\n').slice(1, 3);
        const codes = (text: string) => [...text.matchAll(/`(bos\/[a-z-]+)`/g)].map(m => m[1]);
        for (const code of codes(doc)) expect(Object.keys(CODES), code).toContain(code);
        expect(errors).toMatch(/exits 1 when the model has an error/);
        expect(codes(errors).map(c => CODES[c as keyof typeof CODES].severity)).toEqual([
            'error',
            'error',
            'error',
            'error',
        ]);
        expect(warnings).toMatch(/^Warnings/);
        expect(codes(warnings).map(c => CODES[c as keyof typeof CODES].severity)).toEqual([
            'warning',
            'warning',
            'warning',
        ]);
    });

    it('still gives the upload step a valid SARIF when the checkout has no model', () => {
        const github = blocks.find(b => b.includes('upload-sarif'))!;
        const validate = commands(github).find(c => c.includes('--format sarif'))!;
        const dir = tempDir('ci-empty');
        const r = spawnSync('bash', [
            '-c',
            `bos() { node ${JSON.stringify(resolve('out/cli.cjs'))} "$@"; }\n${validate}`,
        ], {
            cwd: dir,
            encoding: 'utf8',
        });
        expect(r.status).toBe(2);
        expect(r.stderr).toMatch(/^bos: cannot read model: no such file or folder\n$/);
        const sarif = JSON.parse(readFileSync(join(dir, 'bos.sarif'), 'utf8'));
        expect(sarifErrors(sarif)).toEqual([]);
        expect(sarif.runs[0].invocations[0].toolExecutionNotifications[0].message.text).toBe(
            'cannot read model: no such file or folder',
        );
    });

    it('has a GitHub Actions workflow that validates to SARIF and uploads it to code scanning', () => {
        const github = blocks.find(b => b.includes('upload-sarif'))!;
        expect(github).toMatch(/security-events: write/);
        expect(github).toMatch(/sarif_file: bos\.sarif/);
        const { dir, results } = runRecipe(github);
        expect(results.map(r => r.command)).toEqual([
            'bos validate model --format sarif > bos.sarif',
            'bos analyze model --format json > analysis.json',
            'bos render model --view Overview -o overview.svg',
        ]);
        for (const r of results) expect(r, r.stderr).toMatchObject({ status: 0 });
        const sarif = JSON.parse(readFileSync(join(dir, 'bos.sarif'), 'utf8'));
        expect(sarifErrors(sarif)).toEqual([]);
        expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toEqual([
            'bos/headroom',
            'bos/headroom',
        ]);
        expect(JSON.parse(readFileSync(join(dir, 'analysis.json'), 'utf8')).scenarios).toHaveLength(3);
        expect(readFileSync(join(dir, 'overview.svg'), 'utf8')).toMatch(/^<svg/);
    });

    it('has a GitLab job whose script passes on the example and keeps its artifacts', () => {
        const gitlab = blocks.find(b => b.includes('artifacts:'))!;
        const { dir, results } = runRecipe(gitlab);
        expect(results.length).toBe(5);
        for (const r of results) expect(r, r.stderr).toMatchObject({ status: 0 });
        for (
            const artifact of gitlab.match(/paths:\n((?:\s+- .*\n)+)/)![1].split('\n').map(l => l.replace(/^\s+- /, ''))
                .filter(Boolean)
        ) {
            expect(existsSync(join(dir, artifact)), artifact).toBe(true);
        }
    });

    it('fails the job when the model has an error, and still writes the SARIF', () => {
        const gitlab = blocks.find(b => b.includes('artifacts:'))!;
        const dir = exampleCopy('ci', 'model');
        const broken = join(dir, 'model', 'scenarios', 'double11.bos');
        // Double 11 at 6M orders a second: far beyond what the trade platform holds.
        writeFileSync(broken, readFileSync(broken, 'utf8').replace('load Checkout 583k/s', 'load Checkout 6M/s'));
        // GitLab stops a job at the first failing script line, as `set -e` does.
        const script = `bos() { node ${JSON.stringify(resolve('out/cli.cjs'))} "$@"; }\nset -e\n${
            commands(gitlab).filter(c => !c.startsWith('npm')).join('\n')
        }\n`;
        const r = spawnSync('bash', ['-c', script], {
            cwd: dir,
            encoding: 'utf8',
            env: { ...process.env, NO_COLOR: '1' },
        });
        expect(r.status).toBe(1);
        expect(r.stdout).toMatch(/bos\/overload/);
        const sarif = JSON.parse(readFileSync(join(dir, 'bos.sarif'), 'utf8'));
        expect(sarif.runs[0].results.some((x: { ruleId: string }) => x.ruleId === 'bos/overload')).toBe(true);
    });
});

describe('docs/ci.md: publishing the site', () => {
    /** The recipe's `bos` and `mkdir` lines, run in one shell on a copy of the example. */
    function siteRecipe(yaml: string, broken = false) {
        const dir = exampleCopy('ci-site', 'model');
        if (broken) writeFileSync(join(dir, 'model', 'broken.bos'), 'element Broken : sales {\n');
        const lines = yaml.split('\n').map(l => l.match(/^\s*(?:-\s+)?(?:run:\s+)?((?:bos|mkdir) .*)$/)?.[1]).filter(
            Boolean,
        );
        const r = spawnSync('bash', [
            '-ec',
            `bos() { node ${JSON.stringify(resolve('out/cli.cjs'))} "$@"; }\n${lines.join('\n')}`,
        ], {
            cwd: dir,
            encoding: 'utf8',
        });
        return { dir, lines, status: r.status, stderr: r.stderr };
    }

    it('builds the site for the GitHub Pages job and the artifact, also when the model has errors', {
        timeout: 120_000,
    }, () => {
        const github = blocks.find(b => b.includes('deploy-pages'))!;
        for (const broken of [false, true]) {
            const run = siteRecipe(github, broken);
            expect(run.lines).toEqual(['mkdir -p site', 'bos site model -o site/index.html || [ $? -eq 1 ]']);
            expect(run.status, run.stderr).toBe(0);
            const html = readFileSync(join(run.dir, 'site', 'index.html'), 'utf8');
            expect(html).toMatch(broken ? /Findings: 1 error/ : /Findings: 0 errors, 2 warnings/);
        }
        expect(github).toMatch(/path: site\/index\.html/);
    });

    it(
        'builds the site into public/ for GitLab Pages, and fails when it cannot be written',
        { timeout: 120_000 },
        () => {
            const gitlab = blocks.find(b => b.startsWith('pages:'))!;
            const run = siteRecipe(gitlab);
            expect(run.status, run.stderr).toBe(0);
            expect(existsSync(join(run.dir, 'public', 'index.html'))).toBe(true);
            expect(gitlab).toMatch(/paths:\n\s+- public\//);
            const unwritable = siteRecipe(gitlab.replace('mkdir -p public', 'mkdir -p elsewhere'));
            // Exit 2 is not the 1 the recipe lets pass: the job fails.
            expect(unwritable.status).not.toBe(0);
            expect(unwritable.stderr).toMatch(/^bos: cannot write public\/index\.html: /);
        },
    );
});

describe('the CLI package the recipes install', () => {
    it('installs from `npm pack` and validates the example as `bos`', () => {
        const dir = tempDir('pack');
        const pack = spawnSync('npm', ['pack', '--pack-destination', dir, '--silent'], { encoding: 'utf8' });
        expect(pack.status, pack.stderr).toBe(0);
        const tarball = join(dir, pack.stdout.trim().split('\n').pop()!);
        const prefix = join(dir, 'global');
        const install = spawnSync('npm', [
            'install',
            '--global',
            '--prefix',
            prefix,
            '--prefer-offline',
            '--no-audit',
            '--no-fund',
            tarball,
        ], { encoding: 'utf8' });
        expect(install.status, install.stderr).toBe(0);
        const r = spawnSync(join(prefix, 'bin', 'bos'), ['validate', resolve('examples/double11')], {
            encoding: 'utf8',
            env: { ...process.env, NO_COLOR: '1' },
        });
        expect(r.status, r.stderr).toBe(0);
        expect(r.stdout).toContain('0 errors, 2 warnings in 5 files');
    }, 120_000);
});

describe('docs/ci.md: one job per model folder', () => {
    const shard = blocks.find(b => b.includes('matrix:\n        model:'))!;

    it('validates each folder of the matrix in its own job and uploads each SARIF under its own category', () => {
        const models = shard.match(/model: \[(.*)\]/)![1].split(',').map(m => m.trim());
        expect(models.length).toBeGreaterThan(1);
        expect(shard).toMatch(/category: bos-\$\{\{ matrix\.model \}\}/);
        expect(shard).toMatch(/MODEL: models\/\$\{\{ matrix\.model \}\}/);
        const validate = commands(shard).find(c => c.includes('--format sarif'))!;
        const dir = tempDir('ci-shards');
        for (const m of models) cpSync('examples/double11', join(dir, 'models', m), { recursive: true });
        for (const m of models) {
            // What the matrix job runs: MODEL set by its `env`, the job's own folder.
            const r = spawnSync('bash', [
                '-c',
                `bos() { node ${JSON.stringify(resolve('out/cli.cjs'))} "$@"; }\n${validate}`,
            ], { cwd: dir, encoding: 'utf8', env: { ...process.env, MODEL: `models/${m}`, NO_COLOR: '1' } });
            expect(r.status, r.stderr).toBe(0);
            const sarif = JSON.parse(readFileSync(join(dir, 'shard.sarif'), 'utf8'));
            expect(sarifErrors(sarif)).toEqual([]);
            const uris = sarif.runs[0].results.map(
                (x: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
                    x.locations[0].physicalLocation.artifactLocation.uri,
            );
            expect(uris.length).toBeGreaterThan(0);
            for (const uri of uris) expect(uri).toContain(`models/${m}/`);
        }
    });
});
