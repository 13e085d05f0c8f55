// LSP latency on a generated workspace, through the shipped `bos lsp --stdio`:
// one-character edit → its publishDiagnostics, completion and hover (argv: folder, runs).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CompletionRequest, HoverRequest } from 'vscode-languageserver-protocol';
import { fileUri, LspClient } from '../test/lsp-client.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(dir: string, runs: number): Promise<void> {
    const client = new LspClient(join(process.cwd(), 'out/cli.cjs'));
    const file = join(dir, 'file050.bos');
    const uri = fileUri(file);
    const t0 = performance.now();
    const first = client.nextDiagnostics(uri, 120_000);
    await client.initialize(dir);
    await first;
    const startup = performance.now() - t0;
    const text = readFileSync(file, 'utf8');
    await client.open(uri, text);
    await client.nextDiagnostics(uri, 60_000);

    const lines = text.split('\n');
    const edits: number[] = [];
    for (let i = 0; i < runs; i++) {
        const changed = i % 2 === 0 ? text.replace('capacity 5M/s', 'capacity 6M/s') : text;
        const next = client.nextDiagnostics(uri, 60_000);
        const t = performance.now();
        await client.change(uri, changed);
        await next;
        edits.push(performance.now() - t);
    }
    const runsOn = lines.findIndex(l => l.includes('runs on'));
    const completionAt = { line: runsOn, character: lines[runsOn].indexOf('runs on') + 'runs on '.length };
    const capability = lines.findIndex(l => l.includes('capability C3 '));
    const hoverAt = { line: capability, character: lines[capability].indexOf('C3') + 1 };
    const completions: number[] = [];
    const hovers: number[] = [];
    let items = 0;
    for (let i = 0; i < runs; i++) {
        let t = performance.now();
        const list = await client.connection.sendRequest(CompletionRequest.type, {
            textDocument: { uri },
            position: completionAt,
        }) as { items: unknown[] };
        completions.push(performance.now() - t);
        items = list.items.length;
        t = performance.now();
        await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: hoverAt });
        hovers.push(performance.now() - t);
    }
    await client.close();
    // Every edit sample too: a garbage collection or a slow host shows up there first.
    process.stdout.write(
        JSON.stringify({
            startup,
            edit: median(edits),
            edits: edits.map(Math.round),
            completion: median(completions),
            hover: median(hovers),
            items,
        }) + '\n',
    );
}

void main(process.argv[2], Number(process.argv[3] ?? 15));
