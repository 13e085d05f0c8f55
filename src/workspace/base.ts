// The model a change is compared with (`bos diff --base`): the same paths at a git
// revision, read from the repository that holds them without touching its work tree or
// index, or the same paths under a folder. The files are chosen by the rules of
// `findBosFiles` (files.ts): `*.bos` below a folder, no dot-folders or node_modules, a
// file named outright whatever its extension.
import { existsSync, realpathSync, statSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { decodeSource, type SourceText } from '../services/source-problems.js';
import { UsageError } from '../services/usage-error.js';
import { findBosFiles, readSource } from './files.js';
import { commitOf, isShallow, readBlobs, type TreeEntry, treeFiles, workTreeTop } from './git.js';

export interface Base {
    /** As given to `--base`. */
    given: string;
    /** The commit of a revision; undefined for a folder. */
    commit?: string;
    /** Where the base's paths start: what the current folder is to the head. */
    root: string;
    sources: SourceText[];
}

/** `main (3f2a9c1)` for a revision, the folder as given for a folder. */
export function baseLabel(base: Base): string {
    return base.commit ? `${base.given} (${base.commit.slice(0, 7)})` : base.given;
}

/**
 * A folder that exists is a folder; anything else is a git revision. Relative paths are
 * from `cwd`: the current folder of the CLI, a workspace folder of the language server.
 */
export function readBase(paths: readonly string[], base: string, cwd = process.cwd()): Base {
    let folder = false;
    try {
        folder = statSync(resolve(cwd, base)).isDirectory();
    } catch { /* not a folder: a revision */ }
    return folder ? inFolder(paths, base, cwd) : atRevision(paths, base, cwd);
}

const given = (paths: readonly string[]) => (paths.length ? paths : ['.']);

/**
 * The commit a revision base names, read cheaply (no tree, no blob), so that a base built
 * before can be kept while it holds; undefined for a folder, or what is no commit here.
 */
export function baseCommit(paths: readonly string[], base: string, cwd = process.cwd()): string | undefined {
    try {
        if (statSync(resolve(cwd, base), { throwIfNoEntry: false })?.isDirectory()) return undefined;
        const first = realpathSync(resolve(cwd, given(paths)[0]));
        const top = workTreeTop(statSync(first).isDirectory() ? first : dirname(first));
        return top === undefined ? undefined : commitOf(top, base);
    } catch {
        return undefined; // readBase says why
    }
}

function inFolder(paths: readonly string[], dir: string, cwd: string): Base {
    const root = resolve(cwd, dir);
    const there = given(paths).map(p => {
        const rel = relative(cwd, resolve(cwd, p));
        if (rel.startsWith('..') || isAbsolute(rel)) {
            throw new UsageError(`with a folder as --base, the paths must be inside the current folder (${p} is not)`);
        }
        return join(root, rel);
    }).filter(p => existsSync(p));
    let files: string[] = [];
    try {
        if (there.length) files = findBosFiles(there);
    } catch (err) {
        // The base may have had no model yet: everything is then added.
        if (!(err instanceof UsageError && err.message.startsWith('no .bos file found'))) throw err;
    }
    return { given: dir, root, sources: files.map(readSource) };
}

interface Target {
    /** The path as the head's files are found under it (findBosFiles: `resolve(path)`). */
    head: string;
    /** The path from the top of the repository, with '/'; '' for the top itself. */
    repo: string;
}

function atRevision(paths: readonly string[], rev: string, cwd: string): Base {
    if (rev === '' || rev.startsWith('-')) {
        throw new UsageError(`--base needs a git revision or a folder, not '${rev}'`);
    }
    let top: string | undefined;
    const targets: Target[] = [];
    for (const p of given(paths)) {
        const head = resolve(cwd, p);
        let real: string;
        try {
            real = realpathSync(head);
        } catch {
            throw new UsageError(`cannot read ${p}: no such file or folder`);
        }
        const here = workTreeTop(statSync(real).isDirectory() ? real : dirname(real));
        if (here === undefined) {
            throw new UsageError(
                `--base ${rev} is no folder, and ${p} is in no git repository to read a revision from`,
            );
        }
        if (top !== undefined && here !== top) {
            throw new UsageError(`${p} is in another git repository than ${paths[0]}`);
        }
        top = here;
        targets.push({ head, repo: relative(realpathSync(here), real).split(sep).join('/') });
    }
    const commit = commitOf(top!, rev);
    if (commit === undefined) {
        const why = isShallow(top!)
            ? 'is not in this shallow clone; fetch it first (git fetch --depth=1 origin BRANCH, or --deepen=N)'
            : `is neither a folder nor a commit of the git repository at ${top} (is it fetched?)`;
        throw new UsageError(`--base ${rev} ${why}`);
    }
    const chosen = new Map<string, { entry: TreeEntry; path: string }>();
    for (const entry of treeFiles(top!, commit, targets.map(t => t.repo))) {
        if (entry.type !== 'blob' || entry.mode === '120000' || chosen.has(entry.path)) continue;
        for (const t of targets) {
            const path = headPath(entry.path, t);
            if (path !== undefined) {
                chosen.set(entry.path, { entry, path });
                break;
            }
        }
    }
    const files = [...chosen.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const blobs = readBlobs(top!, [...new Set(files.map(f => f.entry.oid))]);
    const sources = files.map(f => decodeSource(f.path, blobs.get(f.entry.oid)!));
    return { given: rev, commit, root: cwd, sources };
}

/** Where a file of the tree stands among the head's files, when the target selects it. */
function headPath(path: string, target: Target): string | undefined {
    if (path === target.repo) return target.head;
    const inside = target.repo === '' ? path : path.startsWith(`${target.repo}/`) && path.slice(target.repo.length + 1);
    if (!inside || extname(inside) !== '.bos') return undefined;
    const parts = inside.split('/');
    if (parts.some(s => s.startsWith('.') || s === 'node_modules')) return undefined;
    return join(target.head, ...parts);
}
