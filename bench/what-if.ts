// What-if benchmark: moving the preview's load slider, at the example (TradeChain) and
// at a generated view of 1,000 nodes. Each step is what the preview does: the server's
// diagram request with a new scale (the analysis again, the layout reused, the SVG
// anew), then the page drawing the answer in headless Chromium. Targets: ≤ 100 ms at
// the example, ≤ 300 ms at 1,000 nodes. Prints one JSON line.
import '../src/language/polyfill.js';
import '../src/host/node-host.js';
import { render } from '../src/diagram/render.js';
import { findView } from '../src/diagram/view.js';
import { diagramFor } from '../src/lsp/diagram-request.js';
import type { DiagramParams } from '../src/lsp/protocol.js';
import { editor } from '../test/editor-helpers.js';
import { exampleFiles } from '../test/example-files.js';
import { openPreview } from '../test/preview-page.js';
import { generated } from './stack.js';

/** The generated stack with every capability of the first platforms loaded, and a view that overlays it. */
function loadedStack(nodes: number): string {
    const steps = Array.from({ length: 12 }, (_, c) => `  step P${c % 4}.C${c}`);
    return [
        generated(nodes),
        'flow F {',
        ...steps,
        '}',
        'scenario S { load F 1k/s }',
        'view All { include layer actors, layer commerce, layer platform, layer infrastructure  overlay S }',
    ].join('\n');
}

const SCALES = [1.05, 1.1, 1.2, 1.3, 1.5, 1.7, 2, 2.4, 2.8, 3];

async function measure(files: Record<string, string>, view: string) {
    const e = await editor(files);
    const ask = (p: DiagramParams) => diagramFor(p, e.Bos, e.Bos.shared.workspace.LangiumDocuments);
    const page = await openPreview();
    try {
        // The first layout is not what is measured (and may take longer than the server's limit here).
        const { model, analysis } = e.Bos.bos.WorkspaceModel.get();
        await render({
            model,
            analysis,
            view: findView(model, view)!,
            theme: 'light',
            layout: { timeoutMs: 120_000, reuse: true },
        });
        const first = await ask({ view, theme: 'light' });
        if (!first.svg) throw new Error(`no picture of ${view}: ${first.error}`);
        const times: { server: number; page: number; total: number }[] = [];
        for (const scale of SCALES) {
            const t0 = performance.now();
            const d = await ask({ view, theme: 'light', whatIf: { scale } });
            const server = performance.now() - t0;
            const drawn = await page.page.evaluate(
                m => new Promise<number>(resolve => {
                    const t = performance.now();
                    window.postMessage(m, '*');
                    // After the message has been handled; reading the box forces style and layout.
                    setTimeout(() => {
                        document.querySelector('#canvas svg')?.getBoundingClientRect();
                        resolve(performance.now() - t);
                    }, 0);
                }),
                { type: 'diagram', diagram: d },
            );
            times.push({ server, page: drawn, total: server + drawn });
        }
        if (page.errors.length) throw new Error(page.errors.join('\n'));
        const median = (k: 'server' | 'page' | 'total') => [...times.map(t => t[k])].sort((a, b) => a - b)[5];
        return { nodes: first.nodes.length, server: median('server'), page: median('page'), total: median('total') };
    } finally {
        await page.close();
    }
}

const example = await measure(exampleFiles(), 'TradeChain');
const n1000 = await measure({ 'g.bos': loadedStack(1000) }, 'All');
process.stdout.write(JSON.stringify({ example, n1000 }) + '\n');
