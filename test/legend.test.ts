// The picture is as wide as its widest part: a small view must not cut its legend (or
// its note) off at the right edge, and a wide view must not grow for it. Text is
// measured where it is drawn: in headless Chromium (Debian's), with getBBox().
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDiagram } from '../src/diagram/graph.js';
import { layout } from '../src/diagram/layout.js';
import { textWidth } from '../src/diagram/measure.js';
import { render } from '../src/diagram/render.js';
import { toSvg } from '../src/diagram/svg.js';
import { FONT_SIZE } from '../src/diagram/theme.js';
import { findView } from '../src/diagram/view.js';
import { loadWorkspace } from '../src/workspace/load.js';
import { tempFiles } from './temp.js';
import { CHROMIUM_ARGS } from './webview-server.js';

const MODEL = `package tiny
actor Buyer { uses Shop }
element Shop : sales
infrastructure Cloud {
  resource VM : compute { capacity 10k/s }
  resource DB : database { capacity 5k/s }
}
flow Buy { from Buyer }
scenario Peak { load Buy 1k/s }
view Infra { include Cloud.* }
view OneActor { include Buyer }
view OneActorOverlaid { include Buyer  overlay Peak }
`;

/** ELK's padding right of the rightmost box (layout.ts, root options). */
const BODY_PADDING = 12;
/** How much wider than its legend a small picture may be: the estimate errs wide, but not by much. */
const SLACK = 64;

const LAYOUT = { timeoutMs: 20_000 };

/** The SVG `bos render` draws: the folder loaded as the CLI loads it, through the shared pipeline. */
async function svgOf(folder: string, view: string): Promise<string> {
    const { result } = await loadWorkspace([folder]);
    const choice = findView(result.model, view)!;
    const { svg } = await render({
        model: result.model,
        analysis: result.analysis,
        view: choice,
        theme: 'light',
        layout: LAYOUT,
    });
    return svg;
}

interface Extents {
    width: number;
    viewBoxWidth: number;
    legendRight: number;
    bodyRight: number;
    noteRight?: number;
    /** Height of the picture below the legend's last drawn row. */
    belowLegend: number;
}

let context: BrowserContext;
let page: Page;
let tiny: string;

/** Right edges, in the SVG's own units, of what Chromium draws. */
async function measure(svg: string): Promise<Extents> {
    await page.setContent(`<!doctype html><body style="margin:0">${svg}</body>`);
    return page.evaluate(() => {
        const right = (selector: string) => {
            const parts = [...document.querySelectorAll<SVGGraphicsElement>(selector)].map(e => e.getBBox())
                .filter(b => b.width > 0);
            return parts.length ? Math.max(...parts.map(b => b.x + b.width)) : undefined;
        };
        const root = document.querySelector('svg')!;
        return {
            width: Number(root.getAttribute('width')),
            viewBoxWidth: root.viewBox.baseVal.width,
            legendRight: right('.bos-legend')!,
            bodyRight: right('.bos-containers, .bos-leaves, .bos-edges') ?? 0,
            noteRight: right('.bos-note'),
            belowLegend: Number(root.getAttribute('height'))
                - Math.max(...[...document.querySelectorAll<SVGGraphicsElement>('.bos-legend > *')].map(e => {
                    const b = e.getBBox();
                    return b.y + b.height;
                })),
        };
    });
}

beforeAll(async () => {
    tiny = tempFiles('legend', { 'tiny.bos': MODEL });
    context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'bos-chromium-')), {
        executablePath: '/usr/bin/chromium',
        headless: true,
        args: CHROMIUM_ARGS,
    });
    page = await context.newPage();
}, 60_000);

afterAll(async () => {
    await context?.close();
});

describe('legend on small views', () => {
    it.each(['Infra', 'OneActor', 'OneActorOverlaid'])('fits the whole legend in view %s', async view => {
        const svg = await svgOf(tiny, view);
        expect(svg).toContain('>infrastructure</text>');
        const e = await measure(svg);
        expect(e.viewBoxWidth).toBe(e.width);
        expect(e.bodyRight).toBeLessThan(e.legendRight); // the legend is the widest part here
        expect(e.legendRight).toBeLessThanOrEqual(e.width);
        expect(e.width - e.legendRight).toBeLessThan(SLACK);
    });

    it('keeps no empty legend row: one row without an overlay, two with, the same margin under both', async () => {
        const one = await measure(await svgOf(tiny, 'OneActor'));
        const two = await measure(await svgOf(tiny, 'OneActorOverlaid'));
        // The statuses' row is 28 px; an empty one kept would leave that much more below the first.
        expect(Math.abs(one.belowLegend - two.belowLegend)).toBeLessThan(6);
        expect(one.belowLegend).toBeLessThan(28);
    });

    it('fits the note of a folded view', async () => {
        const { result } = await loadWorkspace([tiny]);
        const diagram = buildDiagram(result.model, findView(result.model, 'Infra')!, undefined, 2);
        expect(diagram.note).toBeDefined();
        const e = await measure(toSvg(diagram, await layout(diagram, LAYOUT), { theme: 'light' }));
        expect(e.noteRight).toBeLessThanOrEqual(e.width);
        // Prose is narrower than the per-character estimate, which errs wide by under a quarter.
        expect(e.width).toBeLessThan(e.noteRight! * 1.25);
    });
});

describe('legend on wide views', () => {
    it('leaves the width to the body: the example trade chain is no wider than its boxes', async () => {
        const e = await measure(await svgOf('examples/double11', 'TradeChain'));
        expect(e.legendRight).toBeLessThan(e.width - SLACK);
        expect(e.width - e.bodyRight).toBeGreaterThanOrEqual(BODY_PADDING - 0.5);
        expect(e.width - e.bodyRight).toBeLessThanOrEqual(BODY_PADDING + 0.5);
    });
});

describe('text width estimate', () => {
    it('counts CJK and fullwidth characters double and combining marks as nothing, and covers them in Chromium', async () => {
        expect(textWidth('ｆｕｌｌ')).toBeGreaterThan(textWidth('full') * 1.8);
        expect(textWidth('e\u0301')).toBe(textWidth('e'));
        expect(textWidth('交易中台', FONT_SIZE.sub)).toBeCloseTo(textWidth('交易中台') * (11 / 13));
        await page.setContent(
            '<svg xmlns="http://www.w3.org/2000/svg"><text font-size="13" font-weight="600">交易中台ｆｕｌｌ</text></svg>',
        );
        const drawn = await page.locator('text').evaluate(t => (t as SVGTextElement).getComputedTextLength());
        expect(drawn).toBeGreaterThan(80); // real glyphs, not a narrow fallback
        expect(textWidth('交易中台ｆｕｌｌ')).toBeGreaterThanOrEqual(drawn);
    });
});
