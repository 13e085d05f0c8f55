// Edit → publishDiagnostics on several workspaces at once, through the shipped `bos lsp
// --stdio`: one server per workspace, started one after another, then edits taken in
// turn (A, B, A, B, …) so that a slow spell of the machine falls on every workspace
// alike and their ratio holds; the first few edits only warm up. argv: a JSON
// `{ runs, workspaces: [{ dir, file, from, to }] }`; each edit replaces `from` with `to`
// in `file` and back; `command`, when given, is another server's command line (LikeC4's,
// for bench:peer) instead of `bos lsp --stdio`. Prints per workspace the time from
// start-up to the first diagnostics of `file`, the wall time of each edit until its
// diagnostics and the CPU time the server's main thread spent on it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileUri, LspClient } from '../test/lsp-client.js';
import { serverCpuMs as cpuMs } from './server-cpu.js';

interface Workspace {
    dir: string;
    file: string;
    from: string;
    to: string;
    command?: string[];
}

/** Time after each edit for the server's work after publishing (other files, notifications) to end. */
const SETTLE_MS = 100;
/** Edits made first and not counted: the first few run before the JIT has compiled the hot paths. */
const WARM_UP = 5;
const pause = (ms: number) => new Promise(r => setTimeout(r, ms));

async function main({ runs, workspaces }: { runs: number; workspaces: Workspace[] }): Promise<void> {
    const open = [];
    for (const ws of workspaces) {
        const start = performance.now();
        const client = new LspClient(ws.command ?? join(process.cwd(), 'out/cli.cjs'));
        const uri = fileUri(ws.file);
        const first = client.nextDiagnostics(uri, 600_000);
        await client.initialize(ws.dir);
        await first;
        const startup = performance.now() - start;
        const text = readFileSync(ws.file, 'utf8');
        if (!text.includes(ws.from)) throw new Error(`${ws.file} has no '${ws.from}' to edit`);
        await client.open(uri, text);
        await client.nextDiagnostics(uri, 60_000);
        const changed = text.replace(ws.from, ws.to);
        open.push({ client, uri, text, changed, startup, edits: [] as number[], cpu: [] as number[] });
    }
    for (let i = 0; i < WARM_UP + runs; i++) {
        for (const ws of open) {
            const next = ws.client.nextDiagnostics(ws.uri, 60_000);
            const c = cpuMs(ws.client);
            const t = performance.now();
            await ws.client.change(ws.uri, i % 2 === 0 ? ws.changed : ws.text);
            await next;
            const wall = performance.now() - t;
            await pause(SETTLE_MS);
            // Everything the edit made the server do, publishing and after.
            if (i >= WARM_UP) {
                ws.edits.push(wall);
                ws.cpu.push(cpuMs(ws.client) - c);
            }
        }
    }
    for (const ws of open) await ws.client.close();
    process.stdout.write(JSON.stringify(open.map(ws => ({ startup: ws.startup, wall: ws.edits, cpu: ws.cpu }))) + '\n');
}

void main(JSON.parse(process.argv[2]));
