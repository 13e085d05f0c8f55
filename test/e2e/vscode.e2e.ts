// The packaged extension in the real VS Code workbench (code-server 4.100.3) driven by
// headless Chromium: what a newcomer does after installing the .vsix.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFailed } from 'vitest';
import { git } from '../diff-repo.js';
import { exampleCopy, tempDir } from '../temp.js';
import {
    activationMs,
    cursor,
    goTo,
    openFile,
    openQuickFix,
    previewFrame,
    runCommand,
    startWorkbench,
    webviewFrames,
    type Workbench,
} from './workbench.js';

const SHOTS = 'test-results/e2e';
const VSIX = resolve('bos-studio.vsix');
let wb: Workbench;
let page: Page;
let ws: string;

const read = (file: string) => readFileSync(join(ws, file), 'utf8');
const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) });
const resources = readdirSync('examples/double11', { recursive: true, encoding: 'utf8' })
    .filter(f => f.endsWith('.bos'))
    .flatMap(f => [...readFileSync(join('examples/double11', f), 'utf8').matchAll(/\bresource (\w+)/g)].map(m => m[1]));

beforeAll(async () => {
    rmSync(SHOTS, { recursive: true, force: true });
    mkdirSync(SHOTS, { recursive: true });
    ws = exampleCopy('e2e-ws');
    // One mistake with a quick fix, beside the example's own two headroom warnings.
    writeFileSync(
        join(ws, 'fix-me.bos'),
        [
            '// A unit written apart from its number: the quick fix joins them.',
            'package tmall.extra',
            'import tmall.cloud.*',
            '',
            'platform Extra "试验中台" : business {',
            '  capability Probe "探针" {',
            '    runs on AlibabaCloud.ECS',
            '    capacity 2 k/s',
            '  }',
            '}',
            '',
        ].join('\n'),
    );
    // Only the language server's items in the suggest list, not snippets or words.
    wb = await startWorkbench(VSIX, { 'editor.snippetSuggestions': 'none', 'editor.wordBasedSuggestions': 'off' });
    page = wb.page;
    await wb.open(ws);
    await openFile(page, 'business.bos');
});

afterAll(async () => {
    await wb?.close();
});

// A failing step leaves a picture of the workbench behind as a CI artefact.
beforeEach(ctx => {
    onTestFailed(async () => {
        await shot(`failed-${ctx.task.name.replace(/\W+/g, '-')}`);
    });
});

describe('the BOS extension in VS Code', () => {
    it('activates in BOS mode and logs how long the first diagnostics took', async () => {
        await expect.poll(() => page.locator('[id="status.editor.mode"]').innerText()).toBe('BOS');
        const ms = await activationMs(wb.userData);
        // The ≤ 1 s target is measured by `npm run bench` (median of runs on a quiet
        // machine); here the number is kept as an artefact and only has to be sane.
        writeFileSync(join(SHOTS, 'activation.json'), JSON.stringify({ activationToFirstDiagnosticsMs: ms }));
        expect(ms).toBeGreaterThan(0);
        expect(ms).toBeLessThan(10_000);
    });

    it('counts errors and warnings in the status bar and lists them in Problems', async () => {
        const status = page.locator('[aria-label^="BOS model:"]').first();
        await expect.poll(() => status.getAttribute('aria-label')).toBe('BOS model: 1 error, 2 warnings');
        await status.click();
        const problems = page.locator('.markers-panel');
        await problems.waitFor();
        // Hints (bos/unused on the probe) stay out of Problems, as in any VS Code language.
        await expect.poll(async () => (await problems.innerText()).match(/bos\/\w+/g)?.sort())
            .toEqual(['bos/headroom', 'bos/headroom', 'bos/unit']);
        await shot('problems');
    });

    it('offers only resources after `runs on`', async () => {
        await openFile(page, 'business.bos');
        await goTo(page, 9, 13);
        await page.keyboard.press('Control+Space');
        const rows = page.locator('.suggest-widget .monaco-list-row');
        await rows.first().waitFor();
        const labels = await rows.evaluateAll(els => els.map(e => e.querySelector('.label-name')?.textContent ?? ''));
        expect(labels.length).toBeGreaterThan(3);
        for (const label of labels) expect(resources).toContain(label.split('.').pop());
        await shot('completion');
        await page.keyboard.press('Escape');
    });

    it('shows the utilisation on hover', async () => {
        await goTo(page, 9, 26); // AlibabaCloud.ECS
        await page.keyboard.press('Control+K');
        await page.keyboard.press('Control+I');
        const hover = page.locator('.monaco-hover:not(.hidden)').first();
        await hover.waitFor();
        await expect.poll(() => hover.innerText()).toMatch(/\d+(\.\d+)?\s*%/);
        await shot('hover');
        await page.keyboard.press('Escape');
    });

    it('shows the impact of a capability from its code lens: what depends on it', async () => {
        // Still in business.bos, where the hover was.
        await goTo(page, 1, 1);
        // Only the lenses on screen: the editor keeps those of other models hidden.
        const lenses = page.locator('.codelens-decoration a:visible', { hasText: 'Show impact' });
        await lenses.first().waitFor();
        // The topmost lens stands over Search, the file's first capability.
        const tops = await lenses.evaluateAll(els => els.map(e => e.getBoundingClientRect().top));
        await lenses.nth(tops.indexOf(Math.min(...tops))).click();
        // VS Code's references view, in incoming mode: Sales uses Search, the Browse flow steps through it.
        const sidebar = page.locator('.part.sidebar');
        await expect.poll(() => sidebar.innerText()).toMatch(/Callers Of/i);
        await expect.poll(async () => (await sidebar.innerText()).match(/\b(Sales|Browse)\b/g)?.sort())
            .toEqual(['Browse', 'Sales']);
        await shot('show-impact');
    });

    it('applies a quick fix', async () => {
        await openFile(page, 'fix-me.bos');
        // The squiggle says the server has checked this file; only then can it offer a fix.
        await page.locator('.editor-instance .squiggly-error').first().waitFor();
        await goTo(page, 8, 14);
        await openQuickFix(page, "Write '2k/s'");
        await shot('quick-fix');
        await page.keyboard.press('Enter');
        await page.keyboard.press('Control+S');
        await expect.poll(() => read('fix-me.bos')).toContain('    capacity 2k/s\n');
        await expect.poll(() => page.locator('[aria-label^="BOS model:"]').first().getAttribute('aria-label')).toBe(
            'BOS model: 0 errors, 2 warnings',
        );
    });

    it('renames a resource in every file', async () => {
        const before = ['cloud/alibaba-cloud.bos', 'platforms/business.bos', 'platforms/data-intelligence.bos']
            .map(f => read(f).match(/\bTair\b(?! 缓存)/g)?.length ?? 0);
        expect(before[1]).toBeGreaterThan(0);
        await openFile(page, 'alibaba-cloud.bos');
        const line = read('cloud/alibaba-cloud.bos').split('\n').findIndex(l => l.includes('resource Tair ')) + 1;
        await goTo(page, line, 14);
        await page.keyboard.press('F2');
        const box = page.locator('.rename-box input');
        await box.waitFor();
        await box.fill('TairCache');
        await page.keyboard.press('Enter');
        await runCommand(page, 'File: Save All');
        const files = ['cloud/alibaba-cloud.bos', 'platforms/business.bos', 'platforms/data-intelligence.bos'];
        await expect.poll(() => files.map(f => read(f).match(/\bTairCache\b/g)?.length ?? 0)).toEqual(before);
        for (const f of files) expect(read(f)).not.toMatch(/\bTair\b(?! 缓存)/);
    });

    it('opens the diagram beside the editor and reveals a clicked box', async () => {
        await openFile(page, 'alibaba-cloud.bos');
        await runCommand(page, 'BOS: Open Diagram to the Side');
        const frame = previewFrame(page);
        await frame.locator('svg [data-node]').first().waitFor({ timeout: 30_000 });
        expect(await frame.locator('.bos-band-label').allTextContents())
            .toEqual(expect.arrayContaining(['ACTORS', 'COMMERCE', 'MIDDLE PLATFORMS', 'INFRASTRUCTURE']));
        // Beside: two editor groups, the preview in the second.
        expect(await page.locator('.editor-group-container').count()).toBe(2);
        await shot('diagram');
        const placeOrder = frame.locator('[data-node]').filter({
            has: frame.locator('text.bos-text', { hasText: /^下单$/ }),
        }).first();
        await placeOrder.click();
        await page.locator('.tab.active', { hasText: 'business.bos' }).waitFor();
        const line = read('platforms/business.bos').split('\n').findIndex(l => l.includes('capability PlaceOrder '))
            + 1;
        await expect.poll(() => cursor(page)).toMatch(new RegExp(`^Ln ${line},`));
        await shot('revealed');
    });

    it('compares the diagram with HEAD, says so in a banner, and stops comparing', async () => {
        git(ws, 'init', '-q', '-b', 'main');
        git(ws, 'add', '-A');
        git(ws, 'commit', '-qm', 'the example');
        await runCommand(page, 'BOS: Compare Diagram with…');
        await page.locator('.quick-input-list .monaco-list-row', { hasText: 'the example' }).first().waitFor();
        // HEAD comes first, and the first row is the active one.
        await page.keyboard.press('Enter');
        const banner = previewFrame(page).locator('#compare .compare-text');
        await banner.waitFor({ timeout: 30_000 });
        expect(await banner.textContent()).toMatch(
            /^Compared with HEAD \([0-9a-f]{7}\): 0 added, 0 changed, 0 removed/,
        );
        await shot('compared');
        await previewFrame(page).locator('#compare vscode-button').click();
        await previewFrame(page).locator('#compare').waitFor({ state: 'hidden' });
    });

    it('slides the peak to ×1.3 in the preview: PlaceOrder is the box that turns red', async () => {
        const frame = previewFrame(page);
        const red = frame.locator('[data-node]:has(> rect.bos-status-overload)');
        // The trade chain, which overlays the 2020 peak (the first view has no overlay).
        await frame.locator('vscode-dropdown').first().evaluate(dd => {
            (dd as HTMLElement & { value: string }).value = 'tmall.scenarios.TradeChain';
            dd.dispatchEvent(new Event('change'));
        });
        await frame.locator('svg[data-view="tmall.scenarios.TradeChain"]').waitFor({ timeout: 30_000 });
        // Setting the slider is idempotent: set it again until the server's answer is drawn.
        await expect.poll(async () => {
            await frame.locator('#bos-scale').fill('1.3');
            await page.waitForTimeout(500);
            return red.allTextContents();
        }, { timeout: 30_000 }).toEqual([expect.stringContaining('下单')]);
        await expect.poll(() => frame.locator('#whatif').textContent()).toContain('every load ×1.3');
        await shot('what-if');
        await frame.locator('vscode-button[title="Reset the what-if"]').click();
        await expect.poll(() => red.count(), { timeout: 30_000 }).toBe(0);
    });

    it('finds a box with Ctrl+F inside the preview, and walks the boxes with the keyboard', async () => {
        const frame = previewFrame(page);
        const findFocused = () => frame.locator('#bos-find').evaluate(el => el === document.activeElement);
        // Ctrl+F reaches the page only once the webview has the keyboard: click and press again until it does.
        await expect.poll(async () => {
            if (await findFocused()) return true;
            await frame.locator('#viewport').click({ position: { x: 5, y: 5 } });
            await page.keyboard.press('Control+f');
            await page.waitForTimeout(300);
            return findFocused();
        }).toBe(true);
        await page.keyboard.type('支付');
        await expect.poll(() => frame.locator('.bos-found').textContent()).toContain('支付');
        await page.keyboard.press('Escape');
        await page.keyboard.press('Tab');
        await expect.poll(() => frame.locator('[data-node]:focus').getAttribute('aria-label')).toMatch(/\S/);
    });
});

describe('drilling down in the diagram', () => {
    it('goes from the overview to the business platform to the checkout sequence, and back', async () => {
        // The tests before leave the keyboard in the preview, which keeps Quick Open's keys.
        await runCommand(page, 'View: Focus First Editor Group');
        await openFile(page, 'business.bos');
        await runCommand(page, 'BOS: Open Diagram to the Side');
        const frame = previewFrame(page);
        const current = frame.locator('#breadcrumb [aria-current="page"]');
        // Picking the overview again asks for it again: on a busy machine the first layout can time out.
        const pickOverview = () =>
            frame.locator('vscode-dropdown').first().evaluate(el => {
                (el as HTMLElement & { value: string }).value = 'tmall.scenarios.Overview';
                el.dispatchEvent(new Event('change'));
            });
        await retry(pickOverview, () => current.textContent(), '数字原生商业操作系统');
        // A click on the platform's title opens its focus view (retried: a click during a
        // redraw lands on the old picture).
        const business = frame.locator('[data-node]').filter({
            has: frame.locator('rect.bos-container-platform + text', { hasText: /^业务中台$/ }),
        }).first();
        await retry(
            () => business.click({ position: { x: 40, y: 4 } }),
            () => current.textContent(),
            'Focus: 业务中台',
        );
        expect(await frame.locator('#breadcrumb .crumb').allTextContents()).toEqual([
            '数字原生商业操作系统',
            'Focus: 业务中台',
        ]);
        await shot('focus-business');
        // The lens over the checkout flow opens its sequence view, with the peak's waterfall.
        await openFile(page, 'double11.bos');
        const lens = page.locator('.codelens-decoration a', { hasText: 'Show sequence' }).nth(1);
        await lens.waitFor({ timeout: 30_000 });
        await retry(() => lens.click(), () => current.textContent(), 'Flow: 下单链路');
        await expect.poll(() => frame.locator('svg.bos-sequence').textContent(), { timeout: 15_000 }).toContain(
            'R(F) 401ms against SLO 500ms',
        );
        expect(await frame.locator('#breadcrumb .crumb').allTextContents()).toEqual([
            '数字原生商业操作系统',
            'Focus: 业务中台',
            'Flow: 下单链路',
        ]);
        await shot('sequence-checkout');
        // Back is not idempotent (a second press goes further back): pressed once.
        await frame.locator('#breadcrumb vscode-button[title="Back"]').click();
        await expect.poll(() => current.textContent(), { timeout: 30_000 }).toBe('Focus: 业务中台');
    }, 300_000);
});

/** Does `act` until `state` reads `want` (each try waits up to 15 s): for idempotent clicks during redraws. */
async function retry(act: () => Promise<void>, state: () => Promise<string | null>, want: string): Promise<void> {
    for (let i = 1;; i++) {
        await act();
        try {
            await expect.poll(state, { timeout: 15_000 }).toBe(want);
            return;
        } catch (error) {
            if (i === 3) throw error;
        }
    }
}

describe('the walkthrough, step by step', () => {
    it('opens the example, the diagram and the analysis, then scaffolds a new model', async () => {
        const target = tempDir('e2e-walk');
        await openWalkthroughStep('Open the Double 11 example');
        await shot('walkthrough');
        await page.getByRole('button', { name: 'Open the Example', exact: true }).click();
        await pickFolder(target);
        // The window reloads into the new folder and opens the scenarios file (wait for the
        // reload first: an earlier test may have left double11.bos of the old folder active).
        await expect.poll(() => decodeURIComponent(page.url()), { timeout: 60_000 }).toContain(target);
        await page.locator('.tab.active', { hasText: 'double11.bos' }).waitFor({ timeout: 60_000 });
        expect(existsSync(join(target, 'scenarios', 'double11.bos'))).toBe(true);

        await openWalkthroughStep('See the diagram');
        await page.getByRole('button', { name: 'Open the Diagram', exact: true }).click();
        await previewFrame(page).locator('svg [data-node]').first().waitFor({ timeout: 30_000 });

        await openWalkthroughStep('Analyse the peak');
        await page.getByRole('button', { name: 'Show the Analysis', exact: true }).click();
        // The analysis panel: a webview of its own, beside the preview's.
        const panel = async () => {
            for (const frame of webviewFrames(page, await page.locator('iframe.webview').count())) {
                const text = await frame.locator('#scenarios').textContent({ timeout: 1000 }).catch(() => '');
                if (text) return { frame, text };
            }
            return undefined;
        };
        await expect.poll(async () => (await panel())?.text, { timeout: 30_000 }).toMatch(
            /双11零点峰值 \(2020\).*0\.1007 CNY per 10k transactions/s,
        );
        const { frame, text } = (await panel())!;
        expect(text).toMatch(/0\.5017 CNY per 10k transactions/);
        // A row reveals its declaration.
        await frame.locator('tr.bos-row', { hasText: '下单' }).first().click();
        await page.locator('.tab.active', { hasText: 'business.bos' }).waitFor({ timeout: 30_000 });
        await shot('walkthrough-analysis');

        mkdirSync(join(target, 'mine'));
        await openWalkthroughStep('Start your own model');
        await page.getByRole('button', { name: 'New Model', exact: true }).click();
        await pickFolder(join(target, 'mine'));
        await page.locator('.tab.active', { hasText: 'model.bos' }).waitFor({ timeout: 30_000 });
        expect(readFileSync(join(target, 'mine', 'model.bos'), 'utf8')).toContain('scenario Peak');
        await shot('walkthrough-new-model');
    });
});

/** Opens the BOS walkthrough and expands one of its steps. */
async function openWalkthroughStep(title: string): Promise<void> {
    await runCommand(page, 'Welcome: Open Walkthrough...');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Get started with BOS Studio' }).click();
    await page.locator('.getting-started-step', { hasText: title }).click();
}

/** Answers VS Code's own (simple) folder dialog by typing the path. */
async function pickFolder(folder: string): Promise<void> {
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    // The dialog fills in its starting folder a moment after it opens, which can undo
    // what was typed before: type until the path stays.
    await expect.poll(async () => {
        if (await input.inputValue() !== `${folder}/`) await input.fill(`${folder}/`);
        await page.waitForTimeout(300);
        return input.inputValue();
    }).toBe(`${folder}/`);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: '..' }).first().waitFor();
    await shot('folder-dialog');
    // The dialog's own button confirms the folder typed (Enter would only open it).
    await page.locator('.quick-input-widget .monaco-button', { hasText: /here$/ }).click();
}
