// The shipped bundle over real JSON-RPC: `bos lsp --stdio` as a child process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LspClient, fileUri } from './lsp-client.js';

let dir: string;
let client: LspClient;

beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bos-lsp-'));
    cpSync('examples/double11', dir, { recursive: true });
    client = new LspClient();
    await client.initialize(dir);
});

afterAll(async () => { await client.close(); });

describe('bos lsp --stdio', () => {
    it('publishes diagnostics for files that are not open', async () => {
        const uri = fileUri(join(dir, 'platforms/business.bos'));
        const p = client.diagnostics.get(uri) ?? await client.nextDiagnostics(uri);
        expect(p.diagnostics.map(d => d.code)).toEqual(['bos/headroom', 'bos/headroom']);
    });

    it('re-checks other files after an edit (cross-file rules)', async () => {
        const scenarios = fileUri(join(dir, 'scenarios/double11.bos'));
        const business = fileUri(join(dir, 'platforms/business.bos'));
        const text = readFileSync(join(dir, 'scenarios/double11.bos'), 'utf8');
        await client.open(scenarios, text);
        await client.change(scenarios, text.replace('load Checkout 583k/s', 'load Checkout 700k/s'));
        const p = await client.waitFor(business, d => d.diagnostics.some(x => x.code === 'bos/overload'));
        expect(p.diagnostics.find(x => x.code === 'bos/overload')!.message).toContain('Double11Peak');
    });
});
