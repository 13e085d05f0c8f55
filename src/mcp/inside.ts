// Which paths a tool may name: those inside the paths the server was given, or, given
// none, inside the folder it was started in (a client may start it in `/`: the paths
// then bound it). Links are followed before the check, so a link inside that points
// outside is outside.
import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { ToolError } from './tool-error.js';

export class WorkspaceBounds {
    private readonly roots: string[];

    constructor(paths: readonly string[], private readonly cwd = process.cwd()) {
        this.roots = [...new Set((paths.length ? paths : [cwd]).map(p => real(resolve(cwd, p))))];
    }

    /** The absolute path of `given`, or a ToolError when it lies outside. */
    check(given: string): string {
        const absolute = resolve(this.cwd, given);
        const path = real(absolute);
        const inside = this.roots.some(root => {
            const rel = relative(root, path);
            return !(rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel));
        });
        if (!inside) {
            throw new ToolError(
                `'${given}' is outside the workspace (${this.roots.join(', ')}); the server reads nothing there`,
            );
        }
        return absolute;
    }
}

/** The real path, or the path itself when it does not exist (yet). */
function real(path: string): string {
    try {
        return realpathSync(path);
    } catch {
        return path;
    }
}
