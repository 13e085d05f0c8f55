// Screenshots of drilling down for the README: the real preview page in headless
// Chromium walks from the Double 11 overview to the business platform's focus view to the
// checkout's sequence view, as a click and the view picker do. Run with
//   npx esbuild scripts/screenshots-explore.ts --bundle --platform=node --format=cjs \
//     --external:playwright-core --outfile=.bench/shots-explore.cjs && node .bench/shots-explore.cjs
import '../src/language/polyfill.js';
import '../src/host/node-host.js';
import { diagramFor } from '../src/lsp/diagram-request.js';
import type { DiagramResult } from '../src/lsp/protocol.js';
import { editor } from '../test/editor-helpers.js';
import { exampleFiles } from '../test/example-files.js';
import { openPreview, servePreview } from '../test/webview-server.js';

async function main(): Promise<void> {
    const e = await editor(exampleFiles());
    // The layout has a time limit; on a busy machine a try can run out of it.
    const answer = async (view: string, scenario?: string): Promise<DiagramResult> => {
        for (let i = 0;; i++) {
            const d = await diagramFor(
                { view, scenario, theme: 'light' },
                e.Bos,
                e.Bos.shared.workspace.LangiumDocuments,
            );
            if (d.svg || i === 4) return d;
        }
    };
    const server = await servePreview('vscode-light');
    const { context, page, errors } = await openPreview(server.url, { width: 1400, height: 800 });
    const walk: [string, string | undefined, string | undefined][] = [
        ['Overview', '', undefined],
        ['focus:tmall.platforms.Business', 'tmall.scenarios.Double11Peak', 'docs/images/focus-business.png'],
        ['flow:tmall.scenarios.Checkout', undefined, 'docs/images/sequence-checkout.png'],
    ];
    for (const [view, scenario, out] of walk) {
        const d = await answer(view, scenario);
        if (!d.svg) throw new Error(`${view}: ${d.error}`);
        await page.evaluate(m => window.postMessage(m, '*'), { type: 'diagram', diagram: d });
        await page.waitForFunction(v => document.querySelector('#canvas svg')?.getAttribute('data-view') === v, d.view);
        await page.waitForTimeout(300);
        if (!out) continue;
        await page.screenshot({ path: out });
        process.stdout.write(`${out}\n`);
    }
    await context.close();
    await server.close();
    if (errors.length) throw new Error(errors.join('\n'));
}

void main();
