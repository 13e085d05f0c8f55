// The browser language server (the web bundle, out/web/extension.js) in a real Web Worker of headless
// Chromium, spoken to over postMessage as the web extension does: the example read from
// an in-memory file system through the server's file requests, diagnostics of every
// file, completion, hover, rename, formatting, quick fixes, code lenses, inlay hints, the
// diagram laid out by ELK in the worker the server starts (focus and flow views too), and
// the compare requests, which need git and say so.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
    CodeAction,
    CodeLens,
    CompletionList,
    Hover,
    InlayHint,
    MarkupContent,
    PublishDiagnosticsParams,
    TextEdit,
    WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { serverWorkerParts } from '../src/extension/server-worker.js';
import type { BaseRefsResult, DiagramResult } from '../src/lsp/protocol.js';
import { exampleFiles } from './example-files.js';
import { type PageFileSystem, startHarness } from './web-worker-page.js';
import { CHROMIUM_ARGS } from './webview-server.js';

const ROOT = 'memfs:/ws';
const example = exampleFiles();
const base64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');
const FS: PageFileSystem = {
    files: {
        ...Object.fromEntries(Object.entries(example).map(([path, text]) => [`${ROOT}/${path}`, base64(text)])),
        // Latin-1, not UTF-8: one diagnostic on the file, not a page of syntax errors.
        [`${ROOT}/broken/latin1.bos`]: base64(new Uint8Array([0x65, 0x6c, 0x65, 0x6d, 0xe9, 0x6e, 0x74])),
    },
    unreadable: { [`${ROOT}/broken/locked.bos`]: 'permission denied' },
    unlistable: [`${ROOT}/vanished`],
};

let server: Server;
let origin: string;
let context: BrowserContext;

/** Serves the blank page and the two browser worker bundles, as a workbench serves an extension's files. */
async function serve(): Promise<void> {
    server = createServer((req, res) => {
        const path = (req.url ?? '/').split('?')[0];
        if (path === '/') res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>BOS</title>');
        else if (path === '/out/web/extension.js' || path === '/out/web/layout-worker.js') {
            res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(path.slice(1)));
        } else res.writeHead(404).end();
    });
    await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

interface Session {
    page: Page;
    request<T>(method: string, params: unknown): Promise<T>;
    notify(method: string, params: unknown): Promise<void>;
    notes(method: string): Promise<unknown[]>;
}

async function session(layoutWorker: string, fs = FS): Promise<Session> {
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    const server = serverWorkerParts(`${origin}/out/web/extension.js`) as string[];
    await page.evaluate(startHarness, { ...fs, layoutWorker, server });
    type Lsp = { __lsp: { request(m: string, p: unknown): Promise<{ result?: unknown; error?: unknown }> } };
    const s: Session = {
        page,
        request: async <T>(method: string, params: unknown) => {
            const reply = await page.evaluate(([m, p]) => (window as unknown as Lsp).__lsp.request(m as string, p), [
                method,
                params,
            ]);
            if (reply.error) throw new Error(`${method}: ${JSON.stringify(reply.error)}`);
            return reply.result as T;
        },
        notify: (method, params) =>
            page.evaluate(([m, p]) => {
                (window as unknown as { __lsp: { notify(m: string, p: unknown): void } }).__lsp.notify(m as string, p);
            }, [method, params]),
        notes: method =>
            page.evaluate(
                m => (window as unknown as { __lsp: { notes: { method: string; params: unknown }[] } }).__lsp.notes
                    .filter(n => n.method === m).map(n => n.params),
                method,
            ),
    };
    await s.request('initialize', {
        processId: null,
        rootUri: ROOT,
        workspaceFolders: [{ uri: ROOT, name: 'ws' }],
        capabilities: {
            workspace: { didChangeWatchedFiles: { dynamicRegistration: true } },
            textDocument: { hover: { contentFormat: ['markdown'] } },
            window: { workDoneProgress: true },
        },
    });
    await s.notify('initialized', {});
    return s;
}

/** The last diagnostics published for each URI. */
async function diagnostics(s: Session): Promise<Map<string, PublishDiagnosticsParams>> {
    const all = await s.notes('textDocument/publishDiagnostics') as PublishDiagnosticsParams[];
    return new Map(all.map(p => [p.uri, p]));
}

let web: Session;

beforeAll(async () => {
    await serve();
    context = await chromium.launchPersistentContext('', {
        executablePath: '/usr/bin/chromium',
        headless: true,
        args: CHROMIUM_ARGS,
    });
    web = await session(`${origin}/out/web/layout-worker.js`);
}, 60_000);

afterAll(async () => {
    await context?.close();
    await new Promise(r => server?.close(r));
});

describe('the browser language server in a Web Worker', () => {
    it('checks every file of the workspace, read through its file requests', async () => {
        const count = Object.keys(example).length + 2;
        await expect.poll(async () => (await diagnostics(web)).size, { timeout: 20_000 }).toBe(count);
        const published = await diagnostics(web);
        const codes = (path: string) => published.get(`${ROOT}/${path}`)?.diagnostics.map(d => d.code);
        expect(codes('platforms/business.bos')).toEqual(['bos/headroom', 'bos/headroom']);
        expect(codes('cloud/alibaba-cloud.bos')).toEqual([]);
        expect(published.get(`${ROOT}/broken/latin1.bos`)?.diagnostics.map(d => d.message)).toEqual([
            'the file is not UTF-8 text (invalid byte sequence); save it as UTF-8',
        ]);
        expect(published.get(`${ROOT}/broken/locked.bos`)?.diagnostics.map(d => d.message)).toEqual([
            'cannot read the file: permission denied',
        ]);
        const logged = (await web.notes('window/logMessage')) as { message: string }[];
        expect(logged.map(m => m.message)).toContain(
            `bos: cannot list ${ROOT}/vanished: the folder is gone; its files are not checked`,
        );
        expect(
            await web.page.evaluate(() =>
                (window as unknown as { __lsp: { serverRequests: string[] } }).__lsp
                    .serverRequests
            ),
        ).toEqual(expect.arrayContaining(['bos/readDirectory', 'bos/readFile']));
    });

    it('answers completion and hover on an open document', async () => {
        const uri = `${ROOT}/platforms/data-intelligence.bos`;
        const text = example['platforms/data-intelligence.bos'];
        const lines = text.split('\n');
        const edited = text.replace('runs on AlibabaCloud.MaxCompute, AlibabaCloud.RocketMQ', 'runs on ');
        await web.notify('textDocument/didOpen', {
            textDocument: { uri, languageId: 'bos', version: 1, text: edited },
        });
        const line = lines.findIndex(l => l.includes('runs on AlibabaCloud.MaxCompute, AlibabaCloud.RocketMQ'));
        const character = lines[line].indexOf('runs on ') + 'runs on '.length;
        const completion = await web.request<CompletionList>('textDocument/completion', {
            textDocument: { uri },
            position: { line, character },
        });
        expect(completion.items.map(i => i.label)).toContain('AlibabaCloud.MaxCompute');

        const recommend = lines.findIndex(l => l.includes('capability Recommend'));
        const hover = await web.request<Hover>('textDocument/hover', {
            textDocument: { uri },
            position: { line: recommend, character: lines[recommend].indexOf('Recommend') + 2 },
        });
        expect((hover.contents as MarkupContent).value).toContain('| 6M/s | 15M/s | 40% | 80ms | 0% | 1.2M | 🟢 ok |');
    });

    it('renames across files, formats, fixes, and shows code lenses and inlay hints', async () => {
        const uri = `${ROOT}/platforms/business.bos`;
        const text = example['platforms/business.bos'];
        await web.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'bos', version: 1, text } });
        const lines = text.split('\n');
        const line = lines.findIndex(l => l.includes('capability PlaceOrder '));
        const position = { line, character: lines[line].indexOf('PlaceOrder') + 2 };
        const rename = await web.request<WorkspaceEdit>('textDocument/rename', {
            textDocument: { uri },
            position,
            newName: 'Order',
        });
        expect(Object.keys(rename.changes ?? {}).sort()).toEqual(
            [`${ROOT}/commerce/elements.bos`, uri, `${ROOT}/scenarios/double11.bos`],
        );
        const formatting = await web.request<TextEdit[]>('textDocument/formatting', {
            textDocument: { uri },
            options: { tabSize: 2, insertSpaces: true },
        });
        expect(formatting).toEqual([]);
        const lenses = await web.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
        expect(lenses.map(l => l.command?.title)).toContain('used by 3 · 89.7% in Double11Peak · R 153ms');
        const hints = await web.request<InlayHint[]>('textDocument/inlayHint', {
            textDocument: { uri },
            range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } },
        });
        expect(hints.length).toBeGreaterThan(5);

        const broken = `${ROOT}/scratch.bos`;
        await web.notify('textDocument/didOpen', {
            textDocument: { uri: broken, languageId: 'bos', version: 1, text: 'element Lost : salse\n' },
        });
        await expect.poll(async () => (await diagnostics(web)).get(broken)?.diagnostics.length).toBeGreaterThan(0);
        const diagnostic = (await diagnostics(web)).get(broken)!.diagnostics.find(d => d.code === 'bos/unknown-kind')!;
        const actions = await web.request<CodeAction[]>('textDocument/codeAction', {
            textDocument: { uri: broken },
            range: diagnostic.range,
            context: { diagnostics: [diagnostic] },
        });
        expect(actions.map(a => a.title).join('\n')).toContain("'sales'");
    });

    it('draws the diagram with its overlay, laid out by ELK in a worker the server starts', async () => {
        const d = await web.request<DiagramResult>('bos/diagram', { view: 'TradeChain', theme: 'light' });
        expect(d.error).toBeUndefined();
        expect(d.svg).toMatch(/^<svg/);
        expect(d.svg).toContain('583k/s · 89.7% · R 153ms');
        expect(d.scenario).toBe('tmall.scenarios.Double11Peak');
        expect(d.nodes.length).toBeGreaterThan(5);
        expect(d.nodes.every(n => n.uri.startsWith(`${ROOT}/`))).toBe(true);
    });

    it('draws focus and flow sequence views as the Node server does', async () => {
        const focus = await web.request<DiagramResult>('bos/diagram', { view: 'focus:tmall.platforms.Business' });
        expect(focus.error).toBeUndefined();
        expect(focus.view).toBe('focus:tmall.platforms.Business');
        expect(focus.svg).toMatch(/^<svg/);
        const flow = await web.request<DiagramResult>('bos/diagram', { view: 'flow:tmall.scenarios.Checkout' });
        expect(flow.error).toBeUndefined();
        expect(flow.svg).toMatch(/^<svg/);
    });

    it('answers the compare requests with the reason (no git in the browser) and keeps the picture', async () => {
        const refs = await web.request<BaseRefsResult>('bos/baseRefs', {});
        expect(refs.refs).toEqual([]);
        expect(refs.error).toMatch(/needs git, which is not available in the browser/);
        const d = await web.request<DiagramResult>('bos/diagram', { view: 'TradeChain', base: 'HEAD' });
        expect(d.svg).toMatch(/^<svg/);
        expect(d.compare).toEqual({ base: 'HEAD', error: refs.error });
    });

    it('says why when its layout worker cannot start, and keeps answering', async () => {
        const broken = await session(`${origin}/missing-layout-worker.js`);
        await expect.poll(async () => (await diagnostics(broken)).size, { timeout: 20_000 }).toBeGreaterThan(0);
        const d = await broken.request<DiagramResult>('bos/diagram', { view: 'TradeChain' });
        expect(d.svg).toBeUndefined();
        expect(d.error).toMatch(/^the layout worker stopped: /);
        // The next request starts a fresh worker and fails the same way, without hanging.
        expect((await broken.request<DiagramResult>('bos/diagram', {})).error).toMatch(/layout worker stopped/);
        const hover = await broken.request<Hover | null>('textDocument/hover', {
            textDocument: { uri: `${ROOT}/platforms/business.bos` },
            position: { line: 0, character: 0 },
        });
        expect(hover === null || typeof hover === 'object').toBe(true);
        await broken.page.close();
    });

    it('checks thousands of files over a slow file system, 16 requests at a time, with progress', async () => {
        const files = Object.fromEntries(
            Array.from(
                { length: 2000 },
                (_, i) => [`${ROOT}/p${i % 40}/f${i}.bos`, base64(`element E${i} : nosuchkind\n`)],
            ),
        );
        const slow = await session(`${origin}/out/web/layout-worker.js`, {
            files,
            unreadable: {},
            unlistable: [],
            delayMs: 5,
        });
        await expect.poll(async () => (await diagnostics(slow)).size, { timeout: 90_000 }).toBe(2000);
        // Each file read and checked: the unknown kind, and an element that uses nothing.
        const codes = [...(await diagnostics(slow)).values()].map(p => p.diagnostics.map(d => d.code).join(' '));
        expect(new Set(codes)).toEqual(new Set(['bos/unknown-kind bos/undigitised']));
        const most = await slow.page.evaluate(() =>
            (window as unknown as { __lsp: { mostFileRequests(): number } }).__lsp.mostFileRequests()
        );
        expect(most).toBeGreaterThan(1);
        expect(most).toBeLessThanOrEqual(16);
        const progress = (await slow.notes('$/progress')) as { value: { kind: string; message?: string } }[];
        expect(progress.map(p => p.value.message)).toContain('checking the model (2000/2000 files)');
        expect(progress.at(-1)?.value.kind).toBe('end');
        await slow.page.close();
    }, 120_000);
});
