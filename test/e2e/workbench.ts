// The real VS Code workbench for end-to-end tests: code-server (installed outside the
// source tree by scripts/code-server.mjs) with the packaged .vsix installed, driven by
// playwright-core in Debian's headless Chromium.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, FrameLocator, Locator, Page } from 'playwright-core';
// @ts-expect-error plain ESM script without types
import { installCodeServer } from '../../scripts/code-server.mjs';
import { launchChromium } from '../webview-server.js';

export interface Workbench {
    page: Page;
    userData: string;
    open(folder: string): Promise<void>;
    /** Opens a `.code-workspace` file, whose folders may be on any file system. */
    openWorkspace(file: string): Promise<void>;
    close(): Promise<void>;
}

const freePort = () =>
    new Promise<number>((resolve, reject) => {
        const s = createServer().listen(0, '127.0.0.1', () => {
            const port = (s.address() as { port: number }).port;
            s.close(() => resolve(port));
        }).on('error', reject);
    });

export async function startWorkbench(
    vsix: string | readonly string[],
    settings: Record<string, unknown>,
): Promise<Workbench> {
    const home = installCodeServer() as string;
    const bin = join(home, 'node_modules', '.bin', 'code-server');
    const root = mkdtempSync(join(tmpdir(), 'bos-e2e-'));
    const extensions = join(root, 'extensions'), userData = join(root, 'user-data');
    mkdirSync(join(userData, 'User'), { recursive: true });
    writeFileSync(
        join(userData, 'User', 'settings.json'),
        JSON.stringify(
            {
                'workbench.startupEditor': 'none',
                'telemetry.telemetryLevel': 'off',
                'extensions.autoUpdate': false,
                'extensions.autoCheckUpdates': false,
                'workbench.tips.enabled': false,
                'security.workspace.trust.enabled': false,
                ...settings,
            },
            null,
            2,
        ),
    );
    const config = join(root, 'config.yaml');
    writeFileSync(config, 'auth: none\n');
    const install = spawnSync(bin, [
        '--config',
        config,
        '--extensions-dir',
        extensions,
        '--user-data-dir',
        userData,
        ...[vsix].flat().flatMap(v => ['--install-extension', v]),
    ], { encoding: 'utf8' });
    if (install.status !== 0) throw new Error(`installing ${vsix} failed: ${install.stderr || install.stdout}`);
    const port = await freePort();
    const server: ChildProcess = spawn(bin, [
        '--config',
        config,
        '--auth',
        'none',
        '--bind-addr',
        `127.0.0.1:${port}`,
        '--extensions-dir',
        extensions,
        '--user-data-dir',
        userData,
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--disable-getting-started-override',
    ], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    server.stdout!.on('data', d => {
        output += d;
    });
    server.stderr!.on('data', d => {
        output += d;
    });
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0;; i++) {
        try {
            if ((await fetch(`${base}/healthz`)).ok) break;
        } catch { /* not up yet */ }
        if (i > 150 || server.exitCode !== null) throw new Error(`code-server did not start:\n${output}`);
        await new Promise(r => setTimeout(r, 200));
    }
    const context: BrowserContext = await launchChromium('bos-e2e-chromium-', { width: 1600, height: 1000 });
    const page = context.pages()[0] ?? await context.newPage();
    return {
        page,
        userData,
        async open(folder) {
            await page.goto(`${base}/?folder=${encodeURIComponent(folder)}`);
            await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
        },
        async openWorkspace(file) {
            await page.goto(`${base}/?workspace=${encodeURIComponent(file)}`);
            await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
        },
        async close() {
            await context.close();
            server.kill();
        },
    };
}

/** Runs a command from the palette by its title. */
export async function runCommand(page: Page, title: string): Promise<void> {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${title}`);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
    await page.keyboard.press('Enter');
}

/** Opens a workspace file by name through Quick Open and waits for its editor. */
export async function openFile(page: Page, name: string): Promise<void> {
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(name);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
    await page.keyboard.press('Enter');
    // The focused group's tab: another group's active tab may carry the name already.
    await page.locator('.editor-group-container.active .tab.active', { hasText: name }).waitFor();
}

/**
 * Puts the cursor at a 1-based line and column with Go to Line. Enter waits for the
 * picker's own "Go to line" row (pressed sooner it can be lost), and the whole step is
 * tried again when the cursor did not get there.
 */
export async function goTo(page: Page, line: number, column: number, attempts = 3): Promise<void> {
    for (let i = 1;; i++) {
        await page.keyboard.press('Control+G');
        await page.locator('.quick-input-widget input').fill(`:${line}:${column}`);
        await page.locator('.quick-input-list .monaco-list-row', { hasText: `line ${line}` }).first().waitFor();
        await page.keyboard.press('Enter');
        if (await reaches(page, line, column)) return;
        if (i === attempts) throw new Error(`the cursor did not reach ${line}:${column}: ${await cursor(page)}`);
        await page.keyboard.press('Escape');
    }
}

/**
 * Opens the quick-fix menu at the cursor until it lists `title`: a request sent while the
 * server is still rechecking answers "no code actions", which VS Code does not retry.
 */
export async function openQuickFix(page: Page, title: string, attempts = 5): Promise<void> {
    const item = page.locator('.action-widget', { hasText: title });
    for (let i = 1;; i++) {
        await page.keyboard.press('Control+.');
        try {
            await item.waitFor({ timeout: 6_000 });
            return;
        } catch (error) {
            if (i === attempts) throw error;
            await page.keyboard.press('Escape');
        }
    }
}

export async function cursor(page: Page): Promise<string> {
    return (await page.locator('[id="status.editor.selection"]').innerText()).trim();
}

async function reaches(page: Page, line: number, column: number): Promise<boolean> {
    for (let i = 0; i < 50; i++) {
        if (await cursor(page) === `Ln ${line}, Col ${column}`) return true;
        await page.waitForTimeout(100);
    }
    return false;
}

/** The preview webview: an iframe inside the webview host iframe. */
export function previewFrame(page: Page): FrameLocator {
    return page.frameLocator('iframe.webview').frameLocator('iframe#active-frame');
}

/** Every webview's page (the preview, the analysis panel), by the order of their iframes. */
export function webviewFrames(page: Page, count: number): FrameLocator[] {
    return Array.from(
        { length: count },
        (_, i) => page.frameLocator('iframe.webview').nth(i).frameLocator('iframe#active-frame'),
    );
}

/**
 * How long the extension took from activation to its first diagnostics, as it logged
 * in its `BOS` log channel (`<user-data>/logs/<time>/exthost1/<publisher.name>/BOS.log`).
 */
export async function activationMs(userData: string, timeoutMs = 30_000): Promise<number> {
    for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await new Promise(r => setTimeout(r, 100))) {
        const logs = readdirSync(join(userData, 'logs'), { recursive: true, encoding: 'utf8' }).filter(f =>
            f.endsWith('BOS.log')
        );
        for (const f of logs) {
            const m = /first diagnostics (\d+) ms after activation/.exec(
                readFileSync(join(userData, 'logs', f), 'utf8'),
            );
            if (m) return Number(m[1]);
        }
    }
    throw new Error('the extension logged no first diagnostics');
}

/**
 * Shows the extension's `BOS` output channel; the panel it is in. The picker lists the
 * channels there are when it opens: before the extension made its own, it is asked again.
 */
export async function showLog(page: Page, attempts = 6): Promise<Locator> {
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: /^BOS$/ }).first();
    for (let i = 1;; i++) {
        await runCommand(page, 'Output: Show Output Channels...');
        try {
            await row.click({ timeout: 5_000 });
            return page.locator('.part.panel');
        } catch (error) {
            if (i === attempts) throw error;
            await page.keyboard.press('Escape');
        }
    }
}

/** Time to the first diagnostics and the start-up steps logged beside it, in ms after activation. */
export interface Activation {
    ms: number;
    steps: Record<string, number>;
}

/**
 * The same numbers from the Output view: an extension in the web worker extension host
 * logs into the browser's storage, not into `<user-data>/logs`.
 */
export async function activationFromOutput(page: Page, timeoutMs = 30_000): Promise<Activation> {
    const panel = await showLog(page);
    for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; await page.waitForTimeout(100)) {
        const m = /first\sdiagnostics\s(\d+)\sms\safter\sactivation(?:\s\(([^)]*)\))?/.exec(await panel.innerText());
        if (!m) continue;
        // The editor shows spaces as no-break spaces: \s matches both.
        const steps = [...(m[2] ?? '').matchAll(/([a-z][a-z\s]*?)\s(\d+)\sms/g)]
            .map(s => [s[1].replace(/\s+/g, ' ').trim(), Number(s[2])]);
        return { ms: Number(m[1]), steps: Object.fromEntries(steps) };
    }
    throw new Error('the extension logged no first diagnostics');
}
