// docs/ci.md's pull-request jobs stay true: each runs, as written, on a real git
// repository made here — a shallow clone of the change's branch, the fetch of its base,
// `bos diff` (the built CLI), and the comment step against a stand-in for `gh` (GitHub)
// or `curl` to the GitLab API that keeps the comments in a file. Run twice, a job edits
// its one comment instead of adding another.
import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { commit, git, repository } from './diff-repo.js';
import { tempDir } from './temp.js';

const doc = readFileSync('docs/ci.md', 'utf8');
const section = doc.slice(doc.indexOf('## Pull requests'));
const github = section.match(/### GitHub Actions[\s\S]*?```yaml\n([\s\S]*?)```/)![1];
const gitlab = section.match(/### GitLab merge requests[\s\S]*?```yaml\n([\s\S]*?)```/)![1];

/** The shell of each step, in order: `run:` values (GitHub) or `script:` items (GitLab), blocks (`|`) whole. */
function shellSteps(yaml: string, item: RegExp): string[] {
    const lines = yaml.split('\n');
    const steps: string[] = [];
    lines.forEach((line, i) => {
        const m = line.match(item);
        if (!m) return;
        if (m[2] !== '|') {
            steps.push(m[2]);
            return;
        }
        const body: string[] = [];
        const indent = m[1].length;
        for (let j = i + 1; j < lines.length && (lines[j].trim() === '' || lines[j].search(/\S/) > indent); j++) {
            body.push(lines[j]);
        }
        const least = Math.min(...body.filter(l => l.trim()).map(l => l.search(/\S/)));
        steps.push(body.map(l => l.slice(least)).join('\n'));
    });
    // The CI machine installs the CLI; here `bos` is the build.
    return steps.filter(s => !s.startsWith('npm install --global'));
}

const MODEL = {
    'model/cloud.bos':
        'package shop\ninfrastructure Cloud { resource VM : compute { capacity 100k/s  cost 0.1 CNY per 10k } }\n',
    'model/trade.bos': `package shop
platform Trade : business { capability Order "下单" { runs on Cloud.VM  capacity 20k/s } }
element Sales : sales { uses Trade.Order }
flow Checkout { step Trade.Order }
scenario Peak { load Checkout 10k/s }
`,
};

/** `gh api` as the GitHub job calls it, on comments kept in $COMMENTS (jq is the real one). */
const FAKE_GH = `#!/usr/bin/env node
const { readFileSync, writeFileSync } = require('node:fs');
const { execFileSync } = require('node:child_process');
const file = process.env.COMMENTS;
const comments = JSON.parse(readFileSync(file, 'utf8'));
const args = process.argv.slice(2);
const opt = name => { const i = args.indexOf(name); return i < 0 ? undefined : args[i + 1]; };
const path = args.find((a, i) => i > 0 && a.startsWith('repos/'));
const method = opt('--method') ?? 'GET';
if (!process.env.GH_TOKEN) { console.error('gh: no token'); process.exit(1); }
if (method === 'GET') {
    if (!/^repos\\/acme\\/shop\\/issues\\/7\\/comments$/.test(path)) process.exit(1);
    process.stdout.write(execFileSync('jq', ['-r', opt('--jq')], { input: JSON.stringify(comments) }));
} else {
    const body = readFileSync(opt('-F').replace(/^body=@/, ''), 'utf8');
    if (method === 'POST' && path === 'repos/acme/shop/issues/7/comments') comments.push({ id: comments.length + 100, body });
    else if (method === 'PATCH') comments.find(c => path === 'repos/acme/shop/issues/comments/' + c.id).body = body;
    else process.exit(1);
    writeFileSync(file, JSON.stringify(comments));
}
`;

/** `curl` as the GitLab job calls it, on notes kept in $COMMENTS. */
const FAKE_CURL = `#!/usr/bin/env node
const { readFileSync, writeFileSync } = require('node:fs');
const file = process.env.COMMENTS;
const notes = JSON.parse(readFileSync(file, 'utf8'));
const args = process.argv.slice(2);
const opt = name => { const i = args.indexOf(name); return i < 0 ? undefined : args[i + 1]; };
const url = args[args.length - 1];
const method = opt('--request') ?? 'GET';
const base = 'https://gitlab.example/api/v4/projects/42/merge_requests/7/notes';
if (opt('--header') !== 'PRIVATE-TOKEN: secret') process.exit(22);
if (method === 'GET') {
    if (url !== base + '?sort=asc&per_page=100') process.exit(22);
    process.stdout.write(JSON.stringify(notes));
} else {
    const body = readFileSync(opt('--data-urlencode').replace(/^body@/, ''), 'utf8');
    if (method === 'POST' && url === base) notes.push({ id: notes.length + 100, body });
    else if (method === 'PUT') notes.find(n => url === base + '/' + n.id).body = body;
    else process.exit(22);
    writeFileSync(file, JSON.stringify(notes));
}
`;

interface Run {
    step: string;
    status: number | null;
    stderr: string;
}

/** A shallow clone of `branch` (what a CI checkout gives), with the job's steps run in it. */
function runJob(upstream: string, branch: string, steps: string[], env: Record<string, string>, comments: string) {
    const work = join(tempDir('diff-ci'), 'work');
    git(upstream, 'clone', '-q', '--depth', '1', '--branch', branch, `file://${upstream}`, work);
    const bin = tempDir('diff-ci-bin');
    writeFileSync(join(bin, 'gh'), FAKE_GH);
    writeFileSync(join(bin, 'curl'), FAKE_CURL);
    chmodSync(join(bin, 'gh'), 0o755);
    chmodSync(join(bin, 'curl'), 0o755);
    const prelude = `bos() { node ${JSON.stringify(resolve('out/cli.cjs'))} "$@"; }\n`;
    const runs: Run[] = [];
    let script = prelude;
    for (const step of steps) {
        // GitHub runs each step in its own `bash -e`; GitLab one script, stopping at a failing line.
        script = env.GITLAB_CI ? `${script}${step}\n` : `${prelude}${step}\n`;
        const r = spawnSync('bash', ['-e', '-c', script], {
            cwd: work,
            encoding: 'utf8',
            env: { ...process.env, ...env, NO_COLOR: '1', COMMENTS: comments, PATH: `${bin}:${process.env.PATH}` },
        });
        runs.push({ step, status: r.status, stderr: r.stderr });
    }
    return { work, runs };
}

function pullRequest() {
    const upstream = repository(MODEL, 'diff-ci-origin');
    const base = git(upstream, 'rev-parse', 'HEAD').trim();
    git(upstream, 'checkout', '-q', '-b', 'feature');
    commit(upstream, { 'model/trade.bos': MODEL['model/trade.bos'].replace('capacity 20k/s', 'capacity 12k/s') });
    return { upstream, base };
}

/** The second push: Order overloaded, an error introduced. */
function pushAgain(upstream: string) {
    commit(upstream, { 'model/trade.bos': MODEL['model/trade.bos'].replace('capacity 20k/s', 'capacity 8k/s') });
}

beforeAll(() => {
    expect(readFileSync('out/cli.cjs', 'utf8').length).toBeGreaterThan(0);
});

describe('docs/ci.md pull-request jobs', () => {
    it('GitHub Actions: fetches the base, writes the comment and keeps it one comment', () => {
        const steps = shellSteps(github, /^(\s*)(?:- )?run: (.*)$/).map(s =>
            s.replaceAll('${{ github.base_ref }}', 'main')
        );
        expect(steps).toHaveLength(3);
        expect(steps[1]).toBe('bos diff model --base origin/main --format markdown --fail-on errors > bos-diff.md');
        expect(github).toMatch(/pull-requests: write/);
        const { upstream } = pullRequest();
        const comments = join(tempDir('diff-ci-comments'), 'comments.json');
        writeFileSync(comments, JSON.stringify([{ id: 1, body: 'LGTM' }]));
        const env = { GH_TOKEN: 'token', PR: '7', GITHUB_REPOSITORY: 'acme/shop' };
        const first = runJob(upstream, 'feature', steps, env, comments);
        for (const r of first.runs) expect(r, r.stderr).toMatchObject({ status: 0 });
        const posted = JSON.parse(readFileSync(comments, 'utf8'));
        expect(posted).toHaveLength(2);
        expect(posted[1].body).toMatch(
            /^<!-- bos-diff -->\n\*\*bos diff\*\* against `origin\/main` \(`[0-9a-f]{7}`\): /,
        );
        expect(posted[1].body).toContain('capacity | 20k/s | 12k/s |');
        expect(posted[1].body).toContain('```mermaid\nflowchart TB\n');

        pushAgain(upstream);
        const second = runJob(upstream, 'feature', steps, env, comments);
        expect(second.runs.map(r => r.status)).toEqual([0, 1, 0]); // --fail-on errors: the overload
        expect(second.runs[1].stderr).toMatch(/^bos: --fail-on errors: 1 error introduced\n$/);
        const kept = JSON.parse(readFileSync(comments, 'utf8'));
        expect(kept).toHaveLength(2);
        expect(kept[1].id).toBe(posted[1].id);
        expect(kept[1].body).toContain('capacity | 20k/s | 8k/s |');
        expect(kept[1].body).toMatch(/1 new error/);
    });

    it('GitLab: fetches the diff base, writes the note and keeps it one note, and fails on an error', () => {
        const steps = shellSteps(gitlab, /^(\s*)- (.*)$/).filter(s => !s.startsWith('if: '));
        expect(steps.map(s => s.split(' ')[0])).toEqual(['git', 'bos', 'if', 'exit']);
        const { upstream, base } = pullRequest();
        const comments = join(tempDir('diff-ci-comments'), 'notes.json');
        writeFileSync(comments, '[]');
        const env = {
            GITLAB_CI: 'true',
            CI_MERGE_REQUEST_DIFF_BASE_SHA: base,
            CI_API_V4_URL: 'https://gitlab.example/api/v4',
            CI_PROJECT_ID: '42',
            CI_MERGE_REQUEST_IID: '7',
            BOS_REVIEW_TOKEN: 'secret',
        };
        const first = runJob(upstream, 'feature', steps, env, comments);
        for (const r of first.runs) expect(r, r.stderr).toMatchObject({ status: 0 });
        const posted = JSON.parse(readFileSync(comments, 'utf8'));
        expect(posted).toHaveLength(1);
        expect(posted[0].body).toMatch(
            /^<!-- bos-diff -->\n\*\*bos diff\*\* against `[0-9a-f]{40}` \(`[0-9a-f]{7}`\): /,
        );

        pushAgain(upstream);
        const second = runJob(upstream, 'feature', steps, env, comments);
        // The note is written, then the job fails: the change introduces an error.
        expect(second.runs.map(r => r.status)).toEqual([0, 0, 0, 1]);
        const kept = JSON.parse(readFileSync(comments, 'utf8'));
        expect(kept).toHaveLength(1);
        expect(kept[0].body).toContain('capacity | 20k/s | 8k/s |');
    });
});
