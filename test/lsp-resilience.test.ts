// The language server under stress, over real JSON-RPC: a check that throws, a storm
// of edits, and a client that disappears without saying goodbye.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Hover, HoverRequest, type MarkupContent } from 'vscode-languageserver-protocol';
import { fileUri, LspClient } from './lsp-client.js';
import { exampleCopy, tempDir } from './temp.js';
// @ts-expect-error plain ESM script without types
import { generate } from '../bench/generate.mjs';

const clients: LspClient[] = [];
const start = (env: NodeJS.ProcessEnv = {}) => {
    const c = new LspClient(undefined, env);
    clients.push(c);
    return c;
};
afterEach(async () => {
    for (const c of clients.splice(0)) await c.close();
});

describe('language server resilience', () => {
    it('reports a check that throws once, and keeps the other checks and features working', async () => {
        const dir = exampleCopy('resilience');
        const client = start({ BOS_INJECT_FAULT: 'check' });
        const uri = fileUri(join(dir, 'platforms/business.bos'));
        // Generous waits: this asserts behaviour, not speed, and the suite runs browsers and
        // editors beside it on two cores.
        const first = client.nextDiagnostics(uri, 60_000);
        await client.initialize(dir);
        expect((await first).diagnostics.map(d => d.code)).toEqual(['bos/headroom', 'bos/headroom']);
        const text = readFileSync(join(dir, 'platforms/business.bos'), 'utf8');
        await client.open(uri, text);
        for (let i = 0; i < 5; i++) {
            await client.change(uri, i % 2 ? text : text.replace('capacity 650k/s', 'capacity 500k/s'));
        }
        // The last edit put PlaceOrder at 583k/500k: the capacity check still runs.
        await client.waitFor(uri, p => p.diagnostics.some(d => d.code === 'bos/overload'), 60_000);
        const shown = client.messages.filter(m => m.type === 1 && m.message.startsWith('BOS: internal error'));
        expect(shown).toHaveLength(1);
        expect(shown[0].message).toContain('check injected-fault failed (Error: fault injected by BOS_INJECT_FAULT)');
        const hover = await client.connection.sendRequest(HoverRequest.type, {
            textDocument: { uri },
            position: { line: 17, character: 15 },
        }) as Hover;
        expect((hover.contents as MarkupContent).value).toContain('PlaceOrder');
    }, 150_000);

    it('stays responsive through 1,000 rapid edits, drops stale builds and keeps memory bounded', async () => {
        // 5,000 declarations, so that a build takes longer than the gap between keystrokes.
        const dir = tempDir('storm');
        generate(dir, 5_000);
        const client = start();
        const file = join(dir, 'file050.bos');
        const uri = fileUri(file);
        const first = client.nextDiagnostics(uri, 60_000);
        await client.initialize(dir);
        await first;
        const text = readFileSync(file, 'utf8');
        await client.open(uri, text);
        await client.waitFor(uri, () => true);
        const rssBefore = client.rssMb();
        const publishedBefore = client.publications.get(uri) ?? 0;
        const started = performance.now();
        for (let i = 1; i < 1000; i++) {
            // Typing a capacity digit by digit, with a syntax error every tenth keystroke.
            void client.change(
                uri,
                text.replace('capacity 5M/s', i % 10 === 0 ? 'capacity 5M/s {' : `capacity ${5 + (i % 50)}M/s`),
            );
        }
        // The last keystroke leaves C0 with far too little capacity: wait for exactly that.
        void client.change(uri, text.replace('capacity 5M/s', 'capacity 1/s'));
        await client.waitFor(uri, p => p.diagnostics.some(d => d.code === 'bos/overload'), 60_000);
        const settled = performance.now() - started;
        const published = (client.publications.get(uri) ?? 0) - publishedBefore;
        const t = performance.now();
        const hover = await client.connection.sendRequest(HoverRequest.type, {
            textDocument: { uri },
            position: { line: 1, character: 10 },
        }) as Hover | null;
        const hoverMs = performance.now() - t;
        const rssAfter = client.rssMb();
        console.log(
            `1,000 edits: settled in ${settled.toFixed(0)} ms with ${published} publications; hover after ${
                hoverMs.toFixed(0)
            } ms; RSS ${rssBefore.toFixed(0)} → ${rssAfter.toFixed(0)} MB`,
        );
        expect(hover).not.toBeUndefined();
        expect(settled).toBeLessThan(10_000);
        expect(hoverMs).toBeLessThan(1_000);
        // Stale builds are cancelled: far fewer publications than edits.
        expect(published).toBeLessThan(500);
        expect(rssAfter).toBeLessThan(rssBefore + 300);
    }, 120_000);

    it('exits cleanly when the client vanishes mid-build', async () => {
        const dir = exampleCopy('resilience');
        const client = start();
        const uri = fileUri(join(dir, 'platforms/business.bos'));
        await client.initialize(dir);
        await client.open(uri, readFileSync(join(dir, 'platforms/business.bos'), 'utf8'));
        await client.change(uri, 'platform Broken {');
        client.vanish();
        expect(await client.exit(10_000)).not.toBeNull();
        // No stack trace, no unhandled error on the way out.
        expect(client.stderr).not.toMatch(/\n\s+at |Unhandled|EPIPE/);
    });
});
