// Screenshots of the preview (light and dark) for the README: the real page in headless
import '../src/language/polyfill.js';
// Chromium, fed the example's Double 11 overlay. Run with `npm run screenshots`.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { chromium } from 'playwright-core';
import { analysisPanel } from '../src/lsp/analysis-panel.js';
import { diagramFor } from '../src/lsp/diagram-request.js';
import type { DiagramParams } from '../src/lsp/protocol.js';
import { editor } from '../test/editor-helpers.js';
import { exampleFiles } from '../test/example-files.js';
import { check } from '../test/helpers.js';
import { CHROMIUM_ARGS, servePreview } from '../test/webview-server.js';

const THEMES = [
    {
        name: 'light',
        bodyClass: 'vscode-light',
        vars: '--vscode-editor-background:#ffffff;--vscode-editor-foreground:#1f2328',
    },
    {
        name: 'dark',
        bodyClass: 'vscode-dark',
        vars: '--vscode-editor-background:#1e1e1e;--vscode-editor-foreground:#d4d4d4;--vscode-panel-border:#333',
    },
] as const;

async function main(): Promise<void> {
    const files: Record<string, string> = {};
    for (const e of readdirSync('examples/double11', { withFileTypes: true, recursive: true })) {
        if (e.isFile() && e.name.endsWith('.bos')) {
            files[relative('examples/double11', join(e.parentPath, e.name))] = readFileSync(
                join(e.parentPath, e.name),
                'utf8',
            );
        }
    }
    const e = await editor(files);
    for (const theme of THEMES) {
        const diagram = await diagramFor(
            { view: 'TradeChain', theme: theme.name },
            e.Bos,
            e.Bos.shared.workspace.LangiumDocuments,
        );
        const server = await servePreview(theme.bodyClass);
        const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'bos-shot-')), {
            executablePath: '/usr/bin/chromium',
            headless: true,
            args: CHROMIUM_ARGS,
            viewport: { width: 1400, height: 760 },
            deviceScaleFactor: 1,
        });
        const page = await context.newPage();
        await page.goto(server.url);
        await page.addStyleTag({ content: `body{${theme.vars}}` }).catch(() => undefined);
        await page.evaluate(vars => {
            for (const v of vars.split(';')) {
                const [k, val] = v.split(':');
                document.body.style.setProperty(k, val);
            }
        }, theme.vars);
        await page.evaluate(d => window.postMessage({ type: 'diagram', diagram: d }, '*'), diagram);
        await page.waitForSelector('#canvas [data-node]');
        await page.waitForTimeout(300);
        const out = `docs/images/preview-${theme.name}.png`;
        await page.screenshot({ path: out });
        process.stdout.write(`${out}\n`);
        await context.close();
        await server.close();
    }
    await whatIfShots(e);
}

/** The what-if at ×1.3 (PlaceOrder red, the flows' latencies above the picture) and the analysis panel. */
async function whatIfShots(e: Awaited<ReturnType<typeof editor>>): Promise<void> {
    const ask = (p: DiagramParams) => diagramFor(p, e.Bos, e.Bos.shared.workspace.LangiumDocuments);
    const server = await servePreview('vscode-light');
    const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'bos-shot-')), {
        executablePath: '/usr/bin/chromium',
        headless: true,
        args: CHROMIUM_ARGS,
        viewport: { width: 1400, height: 760 },
        deviceScaleFactor: 1,
    });
    const page = await context.newPage();
    const send = (m: unknown) => page.evaluate(msg => window.postMessage(msg, '*'), m);
    await page.goto(server.url);
    await send({ type: 'diagram', diagram: await ask({ view: 'TradeChain', theme: 'light' }) });
    await page.waitForSelector('#canvas [data-node]');
    await page.locator('#bos-scale').fill('1.3');
    await send({ type: 'diagram', diagram: await ask({ view: 'TradeChain', theme: 'light', whatIf: { scale: 1.3 } }) });
    await page.waitForSelector('#canvas rect.bos-status-overload');
    await page.waitForTimeout(300);
    await page.screenshot({ path: 'docs/images/what-if.png' });
    process.stdout.write('docs/images/what-if.png\n');
    await page.goto(`${server.url}analysis`);
    const { result } = await check(exampleFiles());
    await send({ type: 'analysis', analysis: analysisPanel(result, 0.2, 'light') });
    await page.waitForSelector('.bos-sweep svg');
    await page.setViewportSize({ width: 1000, height: 1400 });
    await page.screenshot({ path: 'docs/images/analysis-panel.png' });
    process.stdout.write('docs/images/analysis-panel.png\n');
    await context.close();
    await server.close();
}

void main();
