// The preview compared with a revision, in a real headless Chromium: the banner says with
// what and how much changed and offers to stop comparing; the marks are drawn; a base that
// cannot be read is said in the banner over the head's picture. The diagrams come from
// the server's own handler over a real git repository.
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GIT_COMPARER } from '../src/lsp/compare.js';
import { diagramFor } from '../src/lsp/diagram-request.js';
import type { DiagramParams, DiagramResult } from '../src/lsp/protocol.js';
import { repository, write } from './diff-repo.js';
import { editor } from './editor-helpers.js';
import { tempDir } from './temp.js';
import { openPreview, servePreview } from './webview-server.js';

const BASE = `package shop
platform Trade : business { capability Order { capacity 20k/s }  capability Refund "退款<b>" { capacity 9k/s } }
element Sales : sales { uses Trade.Order  uses Trade.Refund }
flow Checkout { step Trade.Order }
scenario Peak { load Checkout 10k/s }
`;
const HEAD = BASE.replace('capacity 20k/s', 'capacity 16k/s').replace(
    ' capability Refund "退款<b>" { capacity 9k/s }',
    '',
)
    .replace('uses Trade.Refund', 'uses Fresh').concat('element Fresh : sales\n');

let context: BrowserContext;
let page: Page;
let server: Awaited<ReturnType<typeof servePreview>>;
let repo: string;
let consoleErrors: string[] = [];

async function diagram(params: DiagramParams): Promise<DiagramResult> {
    const e = await editor({ 'model/trade.bos': HEAD });
    const folders = [{ uri: pathToFileURL(repo).href }];
    return diagramFor(params, e.Bos, e.Bos.shared.workspace.LangiumDocuments, folders, GIT_COMPARER);
}
const posted = () => page.evaluate(() => (window as unknown as { __posted: { type: string }[] }).__posted);
const send = (d: DiagramResult) => page.evaluate(msg => window.postMessage(msg, '*'), { type: 'diagram', diagram: d });

beforeAll(async () => {
    repo = repository({ 'model/trade.bos': BASE }, 'webview-compare');
    server = await servePreview();
    ({ context, page, errors: consoleErrors } = await openPreview(server.url));
}, 60_000);

afterAll(async () => {
    await context?.close();
    await server?.close();
});

describe('the compare preview in Chromium', () => {
    it('shows what it is compared with, draws the marks, and stops comparing on request', async () => {
        const d = await diagram({ base: 'HEAD', scenario: 'Peak', theme: 'light' });
        await send(d);
        await page.waitForSelector('#canvas .bos-change-removed');
        const bar = page.locator('#compare');
        expect(await bar.isVisible()).toBe(true);
        expect(await bar.locator('.compare-text').textContent()).toMatch(
            /^Compared with HEAD \([0-9a-f]{7}\): 1 added, 2 changed, 1 removed in this view\.$/,
        );
        // The removed box comes from the base, its title escaped, faded; the added one haloed.
        const removed = page.locator('#canvas .bos-change-removed');
        expect(await removed.locator('.bos-text').textContent()).toBe('退款<b>');
        expect(await removed.evaluate(el => getComputedStyle(el).opacity)).toBe('0.5');
        const halo = page.locator('#canvas .bos-change-added .bos-halo-added');
        expect(await halo.evaluate(el => getComputedStyle(el).stroke)).toBe('rgb(26, 127, 55)');
        expect(await page.locator('#canvas .bos-load-ok').first().textContent()).toBe('10k/s · 50% → 62.5%');
        // Removed boxes are not in the workspace: the host gets no place to reveal for them.
        expect(d.nodes.map(n => n.id).every(id => id.startsWith('n'))).toBe(true);

        await bar.locator('vscode-button').click();
        expect((await posted()).at(-1)).toEqual({ type: 'stopCompare' });
        await send(await diagram({ scenario: 'Peak', theme: 'light' }));
        await page.waitForFunction(() => !document.querySelector('#canvas .bos-change-removed'));
        expect(await bar.isVisible()).toBe(false);
        expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
        expect(consoleErrors).toEqual([]);
    });

    it('says when the base has syntax errors', async () => {
        const old = tempDir('webview-compare-old');
        write(old, { 'model/trade.bos': BASE.replace('element Sales', 'element Sales {{') });
        await send(await diagram({ base: old, theme: 'light' }));
        const text = page.locator('#compare .compare-text');
        await expect.poll(() => text.textContent()).toMatch(
            /The base has \d+ syntax errors?: what did not parse there/,
        );
    });

    it('says why it cannot compare, over the head picture', async () => {
        await send(await diagram({ base: 'no-such-branch', theme: 'light' }));
        const bar = page.locator('#compare');
        await bar.waitFor({ state: 'visible' });
        expect(await bar.locator('.compare-text').textContent()).toMatch(
            /^Not compared with no-such-branch: --base no-such-branch is neither a folder nor a commit/,
        );
        expect(await page.locator('#canvas [data-node]').count()).toBeGreaterThan(0);
        expect(await page.locator('#canvas .bos-change-added').count()).toBe(0);
        expect(consoleErrors).toEqual([]);
    });
});
