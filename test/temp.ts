// Throw-away folders for tests and benchmarks: plain files, or a copy of the example.
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A new empty folder under the system's temporary folder. */
export const tempDir = (prefix: string): string => mkdtempSync(join(tmpdir(), `bos-${prefix}-`));

/** A new folder holding `files` (relative path → content; sub-folders are made). */
export function tempFiles(prefix: string, files: Record<string, string | Buffer>): string {
    const dir = tempDir(prefix);
    for (const [name, body] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, name)), { recursive: true });
        writeFileSync(join(dir, name), body);
    }
    return dir;
}

/** A new folder with the Double 11 example copied in, at `under` inside it when given. */
export function exampleCopy(prefix: string, under = ''): string {
    const dir = tempDir(prefix);
    cpSync('examples/double11', join(dir, under), { recursive: true });
    return dir;
}
