// Screenshots of the preview (light and dark) and the offline site for the README: the real page in headless
// Chromium, fed the example's Double 11 overlay; the preview compared with a commit of
// the example (a capability added, one removed, capacities changed); and the offline site.
// Run with `npm run screenshots`.
import '../src/language/polyfill.js';
import '../src/host/node-host.js';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { fitScale, PANEL } from '../src/diagram/layout-metrics.js';
import { analysisPanel } from '../src/lsp/analysis-panel.js';
import { GIT_COMPARER } from '../src/lsp/compare.js';
import { diagramFor } from '../src/lsp/diagram-request.js';
import type { DiagramParams, DiagramResult } from '../src/lsp/protocol.js';
import { repository } from '../test/diff-repo.js';
import { editor } from '../test/editor-helpers.js';
import { exampleFiles } from '../test/example-files.js';
import { check } from '../test/helpers.js';
import { CHROMIUM_ARGS, launchChromium, servePreview } from '../test/webview-server.js';

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
        await shoot(diagram, theme, '#canvas [data-node]', `docs/images/preview-${theme.name}.png`);
    }
    await compareShot(files);
    await siteShot();
    await whatIfShots(e);
    await overviewShot();
}

/**
 * The example's Overview as `bos render` draws it, fitted into a 1,200 × 700 panel by the
 * preview's rule (layout-metrics.ts): how readable the layout is at a glance. Given an SVG
 * file (`node .bench/screenshots.cjs overview before.svg out.png`) it shoots that instead:
 * the "before" of docs/benchmarks.md is the SVG of the commit the layout work started on.
 */
async function overviewShot(svgFile?: string, out = 'docs/images/overview-fit.png'): Promise<void> {
    let file = svgFile;
    if (!file) {
        file = join(mkdtempSync(join(tmpdir(), 'bos-shot-')), 'overview.svg');
        execFileSync(process.execPath, [
            'out/cli.cjs',
            'render',
            'examples/double11',
            '--view',
            'Overview',
            '-o',
            file,
        ]);
    }
    const svg = readFileSync(file, 'utf8');
    const [, width, height] = /width="([\d.]+)" height="([\d.]+)"/.exec(svg)!.map(Number);
    const k = fitScale(width, height, PANEL);
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: PANEL });
    const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    await page.setContent(
        `<body style="margin:0;height:100vh;display:grid;place-items:center;background:#fff">`
            + `<img src="${src}" width="${width * k}" height="${height * k}"></body>`,
    );
    await page.waitForTimeout(300);
    await page.screenshot({ path: out });
    process.stdout.write(`${out}\n`);
    await browser.close();
}

/** The what-if at ×1.3 (PlaceOrder red, the flows' latencies above the picture) and the analysis panel. */
async function whatIfShots(e: Awaited<ReturnType<typeof editor>>): Promise<void> {
    const ask = (p: DiagramParams) => diagramFor(p, e.Bos, e.Bos.shared.workspace.LangiumDocuments);
    const server = await servePreview('vscode-light');
    const context = await launchChromium('bos-shot-', { width: 1400, height: 760 });
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

/** Edits a file of the example, failing loudly when the text it expects moved. */
function edit(files: Record<string, string>, file: string, from: string, to: string): void {
    if (!files[file].includes(from)) throw new Error(`${file} no longer has ${from}`);
    files[file] = files[file].replace(from, to);
}

/** The example as committed, against the same files changed: the README's picture of a change. */
async function compareShot(files: Record<string, string>): Promise<void> {
    const repo = repository(Object.fromEntries(Object.entries(files).map(([f, t]) => [`model/${f}`, t])), 'shot');
    const head = { ...files };
    const fulfil = head['platforms/business.bos'].match(/ {2}capability Fulfil [^]*?\n {2}\}\n/)![0];
    edit(head, 'platforms/business.bos', fulfil, '');
    edit(head, 'scenarios/double11.bos', '  step Business.Fulfil\n', '');
    edit(head, 'commerce/elements.bos', 'uses Business.Fulfil, ', 'uses ');
    edit(head, 'platforms/business.bos', 'capacity 650k/s', 'capacity 800k/s');
    edit(
        head,
        'platforms/business.bos',
        '  capability Pay "支付" {',
        '  capability Coupon "优惠券" {\n    runs on AlibabaCloud.Tair\n    capacity 2M/s\n  }\n  capability Pay "支付" {',
    );
    const e = await editor(Object.fromEntries(Object.entries(head).map(([f, t]) => [`model/${f}`, t])));
    const diagram = await diagramFor(
        { view: 'TradeChain', theme: 'light', base: 'HEAD' },
        e.Bos,
        e.Bos.shared.workspace.LangiumDocuments,
        [{ uri: pathToFileURL(repo).href }],
        GIT_COMPARER,
    );
    if (!diagram.compare?.added) throw new Error(`no comparison: ${diagram.compare?.error}`);
    await shoot(diagram, THEMES[0], '#canvas .bos-change-removed', 'docs/images/preview-compare.png');
}

/** The preview page in the theme, fed the diagram, saved once `ready` shows. */
async function shoot(diagram: DiagramResult, theme: (typeof THEMES)[number], ready: string, out: string) {
    const server = await servePreview(theme.bodyClass);
    const context = await launchChromium('bos-shot-', { width: 1400, height: 760 });
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
    await page.waitForSelector(ready);
    await page.waitForTimeout(300);
    await page.screenshot({ path: out });
    process.stdout.write(`${out}\n`);
    await context.close();
    await server.close();
}

/** The offline site of the example (`bos site`, the built CLI): the trade chain at ×1.1 with PlaceOrder's details. */
async function siteShot(): Promise<void> {
    const file = join(mkdtempSync(join(tmpdir(), 'bos-shot-')), 'site.html');
    execFileSync(process.execPath, ['out/cli.cjs', 'site', 'examples/double11', '-o', file]);
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const page = await browser.newPage({ viewport: { width: 1400, height: 820 } });
    await page.goto(
        `${pathToFileURL(file).href}#view=tmall.scenarios.TradeChain&node=tmall.platforms.Business.PlaceOrder`,
    );
    await page.locator('#scale').fill('1.1');
    await page.waitForTimeout(300);
    const out = 'docs/images/site.png';
    await page.screenshot({ path: out });
    process.stdout.write(`${out}\n`);
    await browser.close();
}

if (process.argv[2] === 'overview') void overviewShot(process.argv[3], process.argv[4]);
else void main();
