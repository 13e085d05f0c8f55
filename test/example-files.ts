// The bundled example's .bos files as name → text, for in-memory workspaces.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export function exampleFiles(dir = 'examples/double11'): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
        if (e.isFile() && e.name.endsWith('.bos')) {
            const path = join(e.parentPath, e.name);
            out[relative(dir, path)] = readFileSync(path, 'utf8');
        }
    }
    return out;
}
