// CPU time of a language server's main thread, which other work on a shared machine
// disturbs far less than wall time.
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { LspClient } from '../test/lsp-client.js';

/** In ms, from Linux's schedstat (nanoseconds on the CPU) of the server's process. */
export function serverCpuMs(client: LspClient): number {
    const pid = (client as unknown as { child: ChildProcess }).child.pid;
    return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
}
