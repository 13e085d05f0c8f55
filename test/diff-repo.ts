// Real git repositories for the `bos diff` tests, in throw-away folders: commits of
// files, and a snapshot of what a command must not change (status, index, files).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { expect } from 'vitest';
import { tempDir } from './temp.js';

const CLI = resolve('out/cli.cjs');
const ENV = {
    ...process.env,
    NO_COLOR: '1',
    GIT_AUTHOR_NAME: 'Test',
    GIT_AUTHOR_EMAIL: 'test@example.com',
    GIT_COMMITTER_NAME: 'Test',
    GIT_COMMITTER_EMAIL: 'test@example.com',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
};

export function git(cwd: string, ...args: string[]): string {
    const r = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...ENV, GIT_OPTIONAL_LOCKS: '0' } });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
}

/** Writes the files (null deletes one) and commits them all; returns the commit. */
export function commit(dir: string, files: Record<string, string | Buffer | null>, message = 'change'): string {
    write(dir, files);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '--allow-empty', '-m', message);
    return git(dir, 'rev-parse', 'HEAD').trim();
}

export function write(dir: string, files: Record<string, string | Buffer | null>): void {
    for (const [name, body] of Object.entries(files)) {
        const path = join(dir, name);
        if (body === null) rmSync(path, { force: true });
        else {
            mkdirSync(dirname(path), { recursive: true });
            writeFileSync(path, body);
        }
    }
}

/** A new repository on branch main with one commit of `files`. */
export function repository(files: Record<string, string | Buffer>, prefix = 'diff'): string {
    const dir = tempDir(prefix);
    git(dir, 'init', '-q', '-b', 'main');
    commit(dir, files, 'base');
    return dir;
}

/** What `bos diff` must leave as it was: the index's bytes, its entries, and the status. */
export function snapshot(dir: string) {
    return {
        index: readFileSync(join(dir, '.git', 'index')).toString('base64'),
        entries: git(dir, 'ls-files', '-s'),
        status: git(dir, 'status', '--porcelain', '--untracked-files=all'),
        head: git(dir, 'rev-parse', 'HEAD'),
    };
}

export function bos(cwd: string, ...args: string[]) {
    const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: ENV });
    return { code: r.status, out: r.stdout, err: r.stderr };
}

/** One clear line on stderr, no stack trace, exit 2. */
export function expectUsage(r: ReturnType<typeof bos>, line: RegExp) {
    expect(r.code, r.err).toBe(2);
    expect(r.err).toMatch(line);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).not.toMatch(/\n\s+at |internal error/);
    expect(r.out).toBe('');
}
