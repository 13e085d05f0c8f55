// The built CLI (out/cli.cjs) run as a process, as a user or CI runs it: exit status,
// standard output and error, and how long it took.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const CLI = resolve('out/cli.cjs');

/** Throws unless the CLI is built. */
export function needsBuild(): void {
    if (!existsSync(CLI)) throw new Error('build first: npm run build');
}

/** Runs `bos args` in `cwd` without colour (NO_COLOR) unless `env` says otherwise; never for more than 30 s. */
export function bos(cwd: string, args: readonly string[], env: Record<string, string | undefined> = { NO_COLOR: '1' }) {
    const started = performance.now();
    const r = spawnSync(process.execPath, [CLI, ...args], {
        cwd,
        encoding: 'utf8',
        timeout: 30_000,
        env: { ...process.env, NO_COLOR: undefined, ...env },
    });
    return { code: r.status, out: r.stdout, err: r.stderr, ms: performance.now() - started };
}
