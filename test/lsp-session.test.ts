// The shipped bundle over real JSON-RPC: `bos lsp --stdio` as a child process.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
    type CompletionList,
    CompletionRequest,
    DefinitionRequest,
    DocumentFormattingRequest,
    type Hover,
    HoverRequest,
    type Location,
    type MarkupContent,
    RenameRequest,
    type TextEdit,
    type WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { fileUri, LspClient } from './lsp-client.js';
import { exampleCopy, tempFiles } from './temp.js';

let dir: string;
let client: LspClient;

beforeAll(async () => {
    dir = exampleCopy('lsp');
    client = new LspClient();
    await client.initialize(dir);
});

afterAll(async () => {
    await client.close();
    expect(client.exited).toBe(true);
    expect(client.stderr).toBe('');
});

describe('bos lsp --stdio', () => {
    it('publishes diagnostics for files that are not open', async () => {
        const uri = fileUri(join(dir, 'platforms/business.bos'));
        const p = client.diagnostics.get(uri) ?? await client.nextDiagnostics(uri);
        expect(p.diagnostics.map(d => d.code)).toEqual(['bos/headroom', 'bos/headroom']);
        await expect.poll(() => client.progress.map(x => x.kind)).toContain('end');
        expect(client.progress[0]).toMatchObject({ kind: 'begin', title: 'BOS' });
        expect(client.progress.some(x => x.message?.startsWith('checking the model'))).toBe(true);
    });

    it('answers completion, hover, definition, rename and formatting', async () => {
        const uri = fileUri(join(dir, 'platforms/data-intelligence.bos'));
        const text = readFileSync(join(dir, 'platforms/data-intelligence.bos'), 'utf8');
        await client.open(uri, text.replace('runs on AlibabaCloud.MaxCompute, AlibabaCloud.RocketMQ', 'runs on '));
        const line = text.split('\n').findIndex(l =>
            l.includes('runs on AlibabaCloud.MaxCompute, AlibabaCloud.RocketMQ')
        );
        const col = text.split('\n')[line].indexOf('runs on ') + 'runs on '.length;
        const completion = await client.connection.sendRequest(CompletionRequest.type, {
            textDocument: { uri },
            position: { line, character: col },
        }) as CompletionList;
        const labels = completion.items.map(i => i.label);
        expect(labels).toContain('AlibabaCloud.MaxCompute');
        expect(labels).toContain('tmall.cloud.LegacyIDC.Oracle');
        expect(labels.filter(l => /Recommend|UserProfile|Consumer|Checkout/.test(l))).toEqual([]);
        await client.change(uri, text);

        const recommend = text.split('\n').findIndex(l => l.includes('capability Recommend'));
        const at = { line: recommend, character: text.split('\n')[recommend].indexOf('Recommend') + 2 };
        const hover = await client.connection.sendRequest(HoverRequest.type, {
            textDocument: { uri },
            position: at,
        }) as Hover;
        const markdown = hover.contents as MarkupContent;
        expect(markdown.kind).toBe('markdown');
        expect(markdown.value).toContain(
            '| scenario | load | capacity | utilisation | R | P(wait) | servers | status |',
        );
        expect(markdown.value).toContain('| 6M/s | 15M/s | 40% | 80ms | 0% | 1.2M | 🟢 ok |');

        const pai = text.split('\n').findIndex(l => l.includes('runs on AlibabaCloud.PAI, AlibabaCloud.Tair'));
        const def = await client.connection.sendRequest(DefinitionRequest.type, {
            textDocument: { uri },
            position: { line: pai, character: text.split('\n')[pai].indexOf('PAI') + 1 },
        }) as Location[];
        expect(JSON.stringify(def)).toContain('alibaba-cloud.bos');

        const edit = await client.connection.sendRequest(RenameRequest.type, {
            textDocument: { uri },
            position: at,
            newName: 'Personalise',
        }) as WorkspaceEdit;
        const files = Object.keys(edit.changes ?? {}).map(u => u.slice(u.lastIndexOf('/') + 1)).sort();
        expect(files).toEqual(['data-intelligence.bos', 'double11.bos', 'elements.bos']);

        const edits = await client.connection.sendRequest(DocumentFormattingRequest.type, {
            textDocument: { uri },
            options: { tabSize: 2, insertSpaces: true },
        }) as TextEdit[];
        expect(edits).toEqual([]);
    });

    it('survives a burst of edits with garbage, and ends on the last text', async () => {
        const uri = fileUri(join(dir, 'scratch.bos'));
        await client.open(uri, 'package scratch\n');
        const garbage = [
            'platform {',
            '}}}}',
            '"unterminated',
            'resource R : : :',
            '\u0000\u0001',
            'capacity 3M/s',
            'x'.repeat(5000),
            '/* open comment',
        ];
        for (let i = 0; i < 60; i++) await client.change(uri, `package scratch\n${garbage[i % garbage.length]}\n`);
        await client.change(uri, 'package scratch\nelement Lonely : brand\n');
        const p = await client.waitFor(
            uri,
            d => d.diagnostics.length === 1 && d.diagnostics[0].code === 'bos/undigitised',
        );
        expect(p.diagnostics[0].range.start.line).toBe(1);
        expect(client.exited).toBe(false);
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

describe('capability negotiation', () => {
    it('has a client that registers watchers at run time watch **/*.bos, and nothing else', () => {
        expect(client.registrations).toEqual([{
            id: expect.any(String),
            method: 'workspace/didChangeWatchedFiles',
            registerOptions: { watchers: [{ globPattern: '**/*.bos' }] },
        }]);
    });

    it('registers settings changes only with a client that registers at run time', async () => {
        const registered = async (dynamicRegistration: boolean) => {
            const c = new LspClient();
            const folder = tempFiles('lsp-config', { 'a.bos': 'actor A\n' });
            await c.initialize(folder, undefined, {
                workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration } },
            });
            await c.waitFor(fileUri(join(folder, 'a.bos')), () => true);
            await c.close();
            return c.registrations.map(r => r.method);
        };
        expect(await registered(true)).toEqual(['workspace/didChangeConfiguration']);
        expect(await registered(false)).toEqual([]);
    });

    describe('with a client like Neovim 0.7 or eglot: plain-text hovers, no file watching', () => {
        let c: LspClient;
        let folder: string;
        beforeAll(async () => {
            folder = tempFiles('lsp-plain', {
                'm.bos': 'platform P : business {\n  capability C "下单 (2020)" { runs on I.R  capacity 10k/s }\n}\n'
                    + 'infrastructure I { resource R : compute { capacity 100k/s } }\nelement E : sales { uses P.C }\n'
                    + 'flow F { step P.C }\nscenario S "峰值 (2020)" { load F 9k/s }\n',
                'other.bos': 'element Z : brand { uses P.C }\n',
            });
            c = new LspClient();
            await c.initialize(folder, undefined, {
                workspace: { configuration: true },
                textDocument: { hover: { contentFormat: ['plaintext'] } },
            });
        });
        afterAll(() => c.close());

        it('answers hovers in plain text: no emphasis, no table pipes, no escapes', async () => {
            const uri = fileUri(join(folder, 'm.bos'));
            await c.waitFor(uri, () => true);
            const hover = await c.connection.sendRequest(HoverRequest.type, {
                textDocument: { uri },
                position: { line: 1, character: 13 },
            }) as Hover;
            const { kind, value } = hover.contents as MarkupContent;
            expect(kind).toBe('plaintext');
            expect(value.split('\n')).toEqual([
                'capability P.C — 下单 (2020)',
                '',
                'layer: platform',
                '',
                'scenario     load  capacity  utilisation  status',
                '峰值 (2020)  9k/s     10k/s          90%  🟡 headroom',
            ]);
        });

        it('looks at the files on disk itself: a file rewritten outside the editor gets fresh diagnostics', async () => {
            const other = fileUri(join(folder, 'other.bos'));
            const before = await c.waitFor(other, () => true);
            expect(before.diagnostics).toEqual([]);
            writeFileSync(join(folder, 'other.bos'), 'element Z : brand { uses Gone }\n');
            const after = await c.waitFor(other, p => p.diagnostics.length > 0, 10_000);
            expect(after.diagnostics.map(d => d.code)).toEqual(['bos/unresolved']);
            const added = fileUri(join(folder, 'added.bos'));
            writeFileSync(join(folder, 'added.bos'), 'element Y : brand\n');
            expect((await c.waitFor(added, p => p.diagnostics.length > 0, 10_000)).diagnostics[0].code)
                .toBe('bos/undigitised');
            rmSync(join(folder, 'added.bos'));
            await c.waitFor(added, p => p.diagnostics.length === 0, 10_000);
            expect(c.registrations).toEqual([]);
        });
    });
});
