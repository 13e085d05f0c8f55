// The Mermaid export rendered by Mermaid itself (mermaid 11, its own bundle) in headless
// Chromium: it must parse as a flowchart, and every box, subgraph and edge label must
// read in the drawn SVG exactly as written, line break included.
import { createRequire } from 'node:module';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toMermaid } from '../src/export/mermaid.js';
import { edgeLabel } from '../src/export/view-graph.js';
import { hostileCase, labelsOf } from './export-cases.js';
import { CHROMIUM_ARGS } from './webview-server.js';

const require = createRequire(import.meta.url);

/** What the page sees of Mermaid's bundle (the casts run in the page: no helper can be shared). */
interface MermaidPage {
    mermaid: {
        initialize(config: object): void;
        parse(text: string): Promise<{ diagramType: string }>;
        render(id: string, text: string): Promise<{ svg: string }>;
    };
}

let browser: Browser;
let page: Page;

beforeAll(async () => {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
    page = await browser.newPage();
    await page.setContent('<!doctype html><meta charset="utf-8"><body></body>');
    await page.addScriptTag({ path: require.resolve('mermaid/dist/mermaid.min.js') });
    await page.evaluate(() =>
        (window as unknown as MermaidPage).mermaid.initialize({ startOnLoad: false, maxEdges: 100_000 })
    );
}, 60_000);

afterAll(async () => {
    await browser?.close();
});

interface Drawn {
    type?: string;
    error?: string;
    title?: string | null;
    nodes: string[];
    clusters: string[];
    edges: string[];
    dashed: number;
}

/** Renders `text` and reads back the labels as Mermaid drew them (`<br>` as a line end). */
function draw(text: string): Promise<Drawn> {
    return page.evaluate(async text => {
        const mermaid = (window as unknown as MermaidPage).mermaid;
        try {
            const { diagramType } = await mermaid.parse(text);
            const { svg } = await mermaid.render(`g${Math.random().toString(36).slice(2)}`, text);
            const host = document.createElement('div');
            host.innerHTML = svg;
            document.body.append(host);
            const read = (selector: string) =>
                [...host.querySelectorAll(selector)].map(e => {
                    const copy = e.cloneNode(true) as Element;
                    for (const br of copy.querySelectorAll('br')) br.replaceWith('\n');
                    return copy.textContent ?? '';
                });
            const drawn = {
                type: diagramType,
                title: host.querySelector('.flowchartTitleText')?.textContent,
                nodes: read('g.node .nodeLabel'),
                clusters: read('g.cluster .nodeLabel'),
                edges: read('g.edgeLabel .edgeLabel'),
                dashed: [...host.querySelectorAll('path.flowchart-link')]
                    .filter(p => !['none', '0px'].includes(getComputedStyle(p).strokeDasharray)).length,
            };
            host.remove();
            return drawn;
        } catch (e) {
            return { error: String((e as Error).message ?? e), nodes: [], clusters: [], edges: [], dashed: 0 };
        }
    }, text);
}

describe('mermaid export', () => {
    it('parses as a flowchart and draws every label as written', async () => {
        const { graph } = await hostileCase();
        const drawn = await draw(toMermaid(graph));
        expect(drawn.error).toBeUndefined();
        expect(drawn.type).toMatch(/^flowchart/);
        // Mermaid shows its title through an HTML sanitiser: `&`, `<` and `>` go full-width.
        expect(drawn.title).toBe(graph.title.replace('&', '＆').replace('<', '＜').replace('>', '＞'));
        expect([...drawn.nodes, ...drawn.clusters].sort()).toEqual(labelsOf(graph).sort());
        expect(drawn.edges.sort()).toEqual(graph.edges.map(edgeLabel).sort());
        // runs on and depends on are dashed (linkStyle), uses and calls are not.
        const dashed = graph.edges.filter(e => e.relation === 'runs on' || e.relation === 'depends on').length;
        expect(drawn.dashed).toBe(dashed);
    }, 60_000);

    it('is refused by Mermaid when a label is not escaped (the check can fail)', async () => {
        const drawn = await draw('flowchart TB\n  n1["a "quoted" title"]\n');
        expect(drawn.error).toMatch(/Parse error/);
    }, 30_000);
});
