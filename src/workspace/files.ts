// Finding and reading .bos files on disk for the CLI. Folders are searched
// recursively, skipping node_modules and dot-folders; symlinks are followed once
// (a loop is visited a single time).
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { decodeSource, type SourceText } from '../services/source-problems.js';
import { UsageError } from '../services/usage-error.js';

function reason(err: unknown): string {
    const e = err as NodeJS.ErrnoException;
    return e.code === 'ENOENT' ? 'no such file or folder' : e.code === 'EACCES' ? 'permission denied' : e.message;
}

export function findBosFiles(paths: readonly string[]): string[] {
    // Real path → the path it was first found under: a file reached twice (through a
    // link) is one file, not two sets of duplicate declarations.
    const found = new Map<string, string>();
    const addFile = (path: string) => {
        let real: string;
        try {
            real = realpathSync(path);
        } catch {
            return;
        } // dangling link
        if (!found.has(real)) found.set(real, resolve(path));
    };
    const visited = new Set<string>();
    const walk = (dir: string) => {
        let real: string;
        try {
            real = realpathSync(dir);
        } catch (err) {
            throw new UsageError(`cannot read ${dir}: ${reason(err)}`);
        }
        if (visited.has(real)) return;
        visited.add(real);
        let entries;
        try {
            entries = readdirSync(dir, { withFileTypes: true });
        } catch (err) {
            throw new UsageError(`cannot read ${dir}: ${reason(err)}`);
        }
        for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
            if (e.name.startsWith('.') || e.name === 'node_modules') continue;
            const full = join(dir, e.name);
            let isDir = e.isDirectory();
            let isFile = e.isFile();
            if (e.isSymbolicLink()) {
                try {
                    const s = statSync(full);
                    isDir = s.isDirectory();
                    isFile = s.isFile();
                } catch {
                    continue;
                } // dangling link
            }
            if (isDir) walk(full);
            else if (isFile && extname(e.name) === '.bos') addFile(full);
        }
    };
    for (const p of paths.length ? paths : ['.']) {
        let stat;
        try {
            stat = statSync(p);
        } catch (err) {
            throw new UsageError(`cannot read ${p}: ${reason(err)}`);
        }
        if (stat.isDirectory()) walk(p);
        else if (stat.isFile()) addFile(p);
        // A pipe or a device would block or never end: only regular files are read.
        else throw new UsageError(`cannot read ${p}: not a regular file or folder`);
    }
    if (found.size === 0) {
        throw new UsageError(`no .bos file found in ${paths.length ? paths.join(', ') : 'the current folder'}`);
    }
    return [...found.values()].sort();
}

/** Reads a file as UTF-8; bytes that are not UTF-8 give an error to report on the file. */
export function readSource(path: string): SourceText {
    let bytes: Buffer;
    try {
        bytes = readFileSync(path);
    } catch (err) {
        throw new UsageError(`cannot read ${path}: ${reason(err)}`);
    }
    return decodeSource(path, bytes);
}
