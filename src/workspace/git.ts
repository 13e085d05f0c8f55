// Reading a git repository without changing it: only plumbing that reads (rev-parse,
// ls-tree, cat-file), never checkout, never the index or the work tree. Optional locks
// are off, so not even a stat refresh of the index is written.
import { spawnSync } from 'node:child_process';
import { UsageError } from '../services/usage-error.js';

/** One entry of a tree: mode, type, object id and the path from the top of the repository. */
export interface TreeEntry {
    mode: string;
    type: string;
    oid: string;
    path: string;
}

class GitFailed extends Error {}

const ENV = { ...process.env, GIT_OPTIONAL_LOCKS: '0', GIT_LITERAL_PATHSPECS: '1', LC_ALL: 'C', LANGUAGE: 'C' };

/** Runs git in `cwd`; its first line on stderr becomes the error. */
function git(cwd: string, args: readonly string[], input?: string): Buffer {
    const r = spawnSync('git', ['-C', cwd, ...args], { env: ENV, input, maxBuffer: 2 ** 31 - 1 });
    if (r.error) {
        const code = (r.error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') throw new UsageError('--base REV needs git, which is not on the PATH');
        throw new UsageError(`cannot run git: ${r.error.message}`);
    }
    if (r.status !== 0) {
        const line = r.stderr.toString('utf8').split('\n').find(l => l.trim()) ?? `exit status ${r.status}`;
        throw new GitFailed(line.replace(/^(fatal|error): /, ''));
    }
    return r.stdout;
}

/** The top of the work tree that holds `dir`, or undefined outside any. */
export function workTreeTop(dir: string): string | undefined {
    try {
        return git(dir, ['rev-parse', '--show-toplevel']).toString('utf8').replace(/\n$/, '');
    } catch (err) {
        if (err instanceof GitFailed && /not a git repository|must be run in a work tree/i.test(err.message)) {
            return undefined;
        }
        throw asUsage(err);
    }
}

/** The commit a revision names, or undefined when the repository has no such commit. */
export function commitOf(top: string, rev: string): string | undefined {
    try {
        return git(top, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`])
            .toString('utf8').trim();
    } catch (err) {
        if (err instanceof GitFailed) return undefined;
        throw err;
    }
}

export function isShallow(top: string): boolean {
    try {
        return git(top, ['rev-parse', '--is-shallow-repository']).toString('utf8').trim() === 'true';
    } catch {
        return false;
    }
}

/** Every file under `paths` (from the top; none: the whole tree) in the commit, recursively. */
export function treeFiles(top: string, commit: string, paths: readonly string[]): TreeEntry[] {
    const specs = paths.filter(p => p !== '');
    const args = ['ls-tree', '-r', '-z', '--full-tree', commit];
    // An empty list means the whole tree; any '' among the paths means the same.
    if (specs.length === paths.length) args.push('--', ...specs);
    let out: Buffer;
    try {
        out = git(top, args);
    } catch (err) {
        throw asUsage(err);
    }
    const entries: TreeEntry[] = [];
    for (const record of out.toString('utf8').split('\0')) {
        const tab = record.indexOf('\t');
        if (tab < 0) continue;
        const [mode, type, oid] = record.slice(0, tab).split(' ');
        entries.push({ mode, type, oid, path: record.slice(tab + 1) });
    }
    return entries;
}

/** The contents of blobs, read by one `git cat-file --batch`, by object id. */
export function readBlobs(top: string, oids: readonly string[]): Map<string, Buffer> {
    const blobs = new Map<string, Buffer>();
    if (oids.length === 0) return blobs;
    let out: Buffer;
    try {
        out = git(top, ['cat-file', '--batch'], oids.map(o => `${o}\n`).join(''));
    } catch (err) {
        throw asUsage(err);
    }
    // Each answer: "<oid> <type> <size>\n<size bytes>\n", or "<oid> missing\n".
    let at = 0;
    while (at < out.length) {
        const eol = out.indexOf(0x0a, at);
        if (eol < 0) break;
        const [oid, type, size] = out.subarray(at, eol).toString('latin1').split(' ');
        if (type === 'missing' || size === undefined) {
            throw new UsageError(`git has no object ${oid} (a partial clone?)`);
        }
        const start = eol + 1, end = start + Number(size);
        blobs.set(oid, out.subarray(start, end));
        at = end + 1;
    }
    return blobs;
}

/** A branch or commit a comparison can start from. */
export interface Ref {
    /** What `--base` takes: the branch name or the commit. */
    rev: string;
    /** The abbreviated commit. */
    commit: string;
    subject: string;
}

/** The local branches and the last `count` commits of HEAD; none in a repository without commits. */
export function recentRefs(top: string, count: number): { branches: Ref[]; commits: Ref[] } {
    const records = (args: readonly string[]) => {
        try {
            return git(top, args).toString('utf8').split('\n').filter(Boolean).map(l => l.split('\0'));
        } catch (err) {
            if (err instanceof GitFailed) return [];
            throw err;
        }
    };
    const branches = records([
        'for-each-ref',
        '--format=%(refname:short)%00%(objectname:short)%00%(subject)',
        'refs/heads',
    ])
        .map(([rev, commit, subject]) => ({ rev, commit, subject }));
    const commits = records(['log', '-n', String(count), '--format=%H%x00%h%x00%s', 'HEAD'])
        .map(([rev, commit, subject]) => ({ rev, commit, subject }));
    return { branches, commits };
}

function asUsage(err: unknown): unknown {
    return err instanceof GitFailed ? new UsageError(`git: ${err.message}`) : err;
}
