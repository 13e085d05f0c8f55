// The Mermaid flowchart of `bos diff --format markdown` checked by Mermaid itself
// (the npm package, which needs a DOM: here Debian's Chromium), as GitHub and GitLab
// would draw it: it parses, it renders, every label from the model arrives as text (no
// markup gets through), and added / changed / removed boxes keep their text readable on
// the light and the dark theme (WCAG contrast ≥ 4.5).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffModels } from '../src/diff/diff.js';
import { diffMarkdown } from '../src/diff/markdown.js';
import { changePicture } from '../src/diff/picture.js';
import { loaded, sideOf } from './diff-sides.js';
import { CHROMIUM_ARGS } from './webview-server.js';

const HOSTILE = 'a|b "q" [x](y) <script>alert(1)</script> #quot; & `t` {c} (p) ;%% 销售';

const BEFORE = {
    'a.bos': `package shop
infrastructure Cloud { resource VM : compute { capacity 100k/s } }
platform Trade : business { capability Order "下单" { runs on Cloud.VM  capacity 20k/s } }
element Sales : sales { uses Trade.Order }
element Legacy "旧" : brand { uses Trade.Order }
actor Buyer "买家" { uses Sales }
`,
};
const AFTER = {
    'a.bos': `package shop
infrastructure Cloud {
  resource VM : compute { capacity 100k/s }
  resource Cache : cache { capacity 1M/s }
}
platform Trade : business { capability Order ${
        JSON.stringify(HOSTILE)
    } { runs on Cloud.VM, Cloud.Cache x 2  capacity 20k/s } }
element Sales : sales { uses Trade.Order }
actor Shopper "买家" { uses Sales }
`,
};

let context: BrowserContext;
let page: Page;
let flowchart: string;

beforeAll(async () => {
    const [before, after] = [await loaded(BEFORE), await loaded(AFTER)];
    const diff = diffModels(sideOf(before), sideOf(after));
    const md = diffMarkdown(diff, { given: 'main' }, changePicture(diff, before.result.model, after.result.model));
    flowchart = md.match(/```mermaid\n([\s\S]*?)\n```/)![1];
    context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'bos-chromium-')), {
        executablePath: '/usr/bin/chromium',
        headless: true,
        args: CHROMIUM_ARGS,
    });
    page = await context.newPage();
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ path: resolve('node_modules/mermaid/dist/mermaid.min.js') });
}, 60_000);

afterAll(async () => {
    await context?.close();
});

interface Drawn {
    error?: string;
    labels: string[];
    scripts: number;
    /** Per marked box: its class, fill and text colour as the browser computes them. */
    boxes: { mark: string; fill: string; color: string }[];
}

/** Parses and renders the chart with Mermaid in the page, in a theme, and reads the result. */
function draw(text: string, theme: 'default' | 'dark'): Promise<Drawn> {
    return page.evaluate(async ({ text, theme }) => {
        type Mermaid = {
            initialize(config: object): void;
            parse(text: string): Promise<unknown>;
            render(id: string, text: string): Promise<{ svg: string }>;
        };
        const mermaid = (window as unknown as { mermaid: Mermaid }).mermaid;
        mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme });
        try {
            await mermaid.parse(text);
            const { svg } = await mermaid.render(`chart${Math.random().toString(36).slice(2)}`, text);
            document.body.innerHTML = svg;
        } catch (e) {
            return { error: String((e as Error).message), labels: [], scripts: 0, boxes: [] };
        }
        const boxes = [...document.querySelectorAll('g.node')].flatMap(g => {
            const mark = ['added', 'changed', 'removed'].find(m => g.classList.contains(m));
            const shape = g.querySelector('rect, path, polygon');
            const label = g.querySelector('.nodeLabel, span, text');
            if (!mark || !shape || !label) return [];
            return [{ mark, fill: getComputedStyle(shape).fill, color: getComputedStyle(label).color }];
        });
        const labels = [...document.querySelectorAll('g.node')].map(g => (g as HTMLElement).textContent ?? '');
        return { labels, scripts: document.querySelectorAll('svg script, svg iframe').length, boxes };
    }, { text, theme });
}

/** WCAG 2 contrast ratio of two CSS colours `rgb(r, g, b)`. */
function contrast(a: string, b: string): number {
    const luminance = (css: string) => {
        const [r, g, bl] = css.match(/\d+(\.\d+)?/g)!.slice(0, 3).map(Number).map(v => {
            const c = v / 255;
            return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
    };
    const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
    return (x + 0.05) / (y + 0.05);
}

describe('the Mermaid flowchart of a change', () => {
    it('marks each declaration that changed and draws its neighbours', () => {
        expect(flowchart).toMatch(/^flowchart TB\n/);
        expect(flowchart).toMatch(/\["\+ Cloud\.Cache<br\/>resource"\]/);
        expect(flowchart).toMatch(/\["− Legacy<br\/>element “旧”"\]/);
        expect(flowchart).toMatch(/\["~ Shopper<br\/>actor “买家”<br\/>was shop\.Buyer"\]/);
        expect(flowchart).toMatch(/ ==>\|"runs on x 2"\| /);
        expect(flowchart).toMatch(/ -\.-> /);
        expect(flowchart).toMatch(/\n {4}class n\d+(,n\d+)* added\n/);
    });

    it.each(['default', 'dark'] as const)('parses and renders with Mermaid, theme %s, readable boxes', async theme => {
        const drawn = await draw(flowchart, theme);
        expect(drawn.error).toBeUndefined();
        expect(drawn.scripts).toBe(0);
        expect(drawn.labels.some(l => l.includes(HOSTILE.replace(/\s+/g, ' ')))).toBe(true);
        expect(new Set(drawn.boxes.map(b => b.mark))).toEqual(new Set(['added', 'changed', 'removed']));
        for (const box of drawn.boxes) expect(contrast(box.fill, box.color), JSON.stringify(box)).toBeGreaterThan(4.5);
    });

    it('rejects what an unescaped label would be, so the test can fail', async () => {
        expect((await draw('flowchart TB\n    n0["a "quoted" b"]', 'default')).error).toMatch(/Parse error/);
    });
});
