// The packaged extension as a web extension: code-server's workbench runs it in its web
// worker extension host (as vscode.dev and github.dev do) when `remote.extensionKind`
// says "web", so the browser entry, the language server in a Web Worker and ELK in the
// server's worker do the work, and files are read through the workspace file system.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleFiles } from '../example-files.js';
import { exampleCopy, tempFiles } from '../temp.js';
import { memfsExtension } from './memfs-extension.js';
import {
    activationFromOutput,
    openFile,
    previewFrame,
    runCommand,
    showLog,
    startWorkbench,
    type Workbench,
} from './workbench.js';

const SHOTS = 'test-results/e2e';
const WEB = { 'remote.extensionKind': { 'bos-studio.bos-studio': ['web'], 'bostest.memfs': ['web'] } };
let wb: Workbench;
let page: Page;
let ws: string;

const status = () => page.locator('[aria-label^="BOS model:"]').first().getAttribute('aria-label');
/** Node processes running a BOS server bundle of this workbench's extensions folder. */
const nodeServers = () =>
    execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).split('\n')
        .filter(l => l.includes(join(dirname(wb.userData), 'extensions')) && l.includes('server.cjs'));

/**
 * The language server's Web Worker (browser.ts names it), the latest if a restart made
 * another. The workbench starts the extension host's workers for it, as the page's.
 */
async function serverWorker(): Promise<Worker> {
    for (const w of page.workers().reverse()) {
        if ((await w.evaluate(() => self.name).catch(() => '')).endsWith('BOS language server')) return w;
    }
    throw new Error('no BOS language server worker');
}

beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    ws = exampleCopy('e2e-web');
    wb = await startWorkbench(resolve('bos-studio.vsix'), WEB);
    page = wb.page;
    await wb.open(ws);
    await openFile(page, 'business.bos');
});

afterAll(async () => {
    await wb?.close();
});

describe('the BOS web extension in a browser-hosted workbench', () => {
    it("runs in the web worker extension host and shows the example's diagnostics", async () => {
        await expect.poll(status, { timeout: 30_000 }).toBe('BOS model: 0 errors, 2 warnings');
        expect(page.frames().some(f => f.url().includes('webWorkerExtensionHostIframe.html'))).toBe(true);
        expect(nodeServers()).toEqual([]);
        const { ms, steps } = await activationFromOutput(page);
        writeFileSync(
            join(SHOTS, 'web-activation.json'),
            JSON.stringify({ activationToFirstDiagnosticsMs: ms, steps }),
        );
        expect(ms).toBeGreaterThan(0);
        expect(Object.keys(steps)).toEqual([
            'server script read',
            'worker started',
            'server initialized',
            'first folder asked',
            'first file asked',
            'last file read',
        ]);
        await page.locator('[aria-label^="BOS model:"]').first().click();
        const problems = page.locator('.markers-panel');
        await expect.poll(async () => (await problems.innerText()).match(/bos\/\w+/g)).toEqual([
            'bos/headroom',
            'bos/headroom',
        ]);
        await page.screenshot({ path: join(SHOTS, 'web-problems.png') });
    });

    it('draws the diagram, laid out in the browser', async () => {
        await runCommand(page, 'BOS: Open Diagram to the Side');
        const frame = previewFrame(page);
        await frame.locator('svg [data-node]').first().waitFor({ timeout: 30_000 });
        expect(await frame.locator('.bos-band-label').allTextContents())
            .toEqual(expect.arrayContaining(['ACTORS', 'COMMERCE', 'MIDDLE PLATFORMS', 'INFRASTRUCTURE']));
        expect(await frame.locator('svg [data-node]').count()).toBeGreaterThan(20);
        await page.screenshot({ path: join(SHOTS, 'web-diagram.png') });
    });

    it('says that comparing with a git revision is not available in the browser', async () => {
        await runCommand(page, 'BOS: Compare Diagram with…');
        await page.locator('.notification-toast', { hasText: 'not available in the browser' }).waitFor({
            timeout: 30_000,
        });
    });

    it('restarts its language server worker, which checks edits again', async () => {
        await runCommand(page, 'BOS: Restart Language Server');
        writeFileSync(join(ws, 'broken.bos'), 'element Lost : nosuchkind\n');
        await expect.poll(status, { timeout: 30_000 }).toMatch(/^BOS model: 1 error, \d+ warnings$/);
        expect(nodeServers()).toEqual([]);
    });

    it('says in its log that the server worker crashed, and Restart brings the server back', async () => {
        // The crash: an uncaught error, then the worker is gone; it hears nothing after.
        await (await serverWorker()).evaluate(() => {
            setTimeout(() => {
                throw new Error('injected crash');
            });
            setTimeout(() => self.close(), 200);
        });
        const log = await showLog(page);
        await expect.poll(() => log.innerText()).toMatch(/the\slanguage\sserver\sworker\sfailed:.*injected\scrash/);
        rmSync(join(ws, 'broken.bos'));
        await runCommand(page, 'BOS: Restart Language Server');
        await expect.poll(status, { timeout: 30_000 }).toBe('BOS model: 0 errors, 2 warnings');
        await page.screenshot({ path: join(SHOTS, 'web-crash-log.png') });
    });
});

describe('the BOS web extension on an in-memory file system', () => {
    let memfs: Workbench;

    beforeAll(async () => {
        const files = Object.fromEntries(Object.entries(exampleFiles()).map(([path, text]) => [`/ws/${path}`, text]));
        const extension = memfsExtension(files, '/ws/broken/locked.bos');
        memfs = await startWorkbench([resolve('bos-studio.vsix'), extension], WEB);
        const workspace = tempFiles('e2e-memfs-ws', {
            'memfs.code-workspace': JSON.stringify({ folders: [{ uri: 'memfs:/ws', name: 'memfs' }] }),
        });
        await memfs.openWorkspace(join(workspace, 'memfs.code-workspace'));
        // Quick Open searches files, which this file system cannot: open the file in the Explorer.
        await memfs.page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'platforms' }).click();
        await memfs.page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'business.bos' }).dblclick();
        await memfs.page.locator('.tab.active', { hasText: 'business.bos' }).waitFor();
    });

    afterAll(async () => {
        await memfs?.close();
    });

    it('checks every file it can read, says which it cannot, and draws the diagram', async () => {
        const p = memfs.page;
        const bosStatus = () => p.locator('[aria-label^="BOS model:"]').first().getAttribute('aria-label');
        // The two headroom warnings, and the file the file system refuses as one error on it.
        await expect.poll(bosStatus, { timeout: 30_000 }).toBe('BOS model: 1 error, 2 warnings');
        await p.locator('[aria-label^="BOS model:"]').first().click();
        const problems = p.locator('.markers-panel');
        await expect.poll(() => problems.innerText()).toMatch(/locked\.bos[^]*cannot read the file: permission denied/);
        await p.screenshot({ path: join(SHOTS, 'web-memfs-problems.png') });
        await runCommand(p, 'BOS: Open Diagram to the Side');
        await previewFrame(p).locator('svg [data-node]').first().waitFor({ timeout: 30_000 });
        await p.screenshot({ path: join(SHOTS, 'web-memfs-diagram.png') });
    });
});
