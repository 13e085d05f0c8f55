// `bos render` end to end, and the PNG rasterizer drawing Chinese titles as glyphs.
import { Resvg } from '@resvg/resvg-js';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = resolve('out/cli.cjs');
const bos = (...args: string[]) =>
    spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
const out = (name: string) => join(mkdtempSync(join(tmpdir(), 'bos-render-')), name);

describe('bos render', () => {
    it('writes the first view as SVG', () => {
        const file = out('view.svg');
        const r = bos('render', 'examples/double11', '-o', file);
        expect(r.status).toBe(0);
        expect(r.stdout).toBe(`${file}: view tmall.scenarios.Overview\n`);
        const svg = readFileSync(file, 'utf8');
        expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
        expect(svg.match(/class="bos-band"/g)).toHaveLength(4);
        expect(svg).toContain('<style>');
    });

    it('draws many edges between two containers as one with its count, and every edge with --no-bundle', () => {
        const edges = (svg: string) => svg.match(/<path class="bos-edge-[^"]*" data-(edge|bundle)=/g)?.length ?? 0;
        const bundled = bos('render', 'examples/double11', '--view', 'Overview');
        const each = bos('render', 'examples/double11', '--view', 'Overview', '--no-bundle');
        expect([bundled.status, each.status]).toEqual([0, 0]);
        // The business platform's 17 capabilities' `runs on` into Alibaba Cloud, as one line.
        expect(bundled.stdout).toMatch(/data-bundle="bundle:tmall.platforms.Business-&gt;tmall.cloud.AlibabaCloud"/);
        expect(bundled.stdout).toMatch(/class="bos-bundle-label"[^>]*>17 runs on<\/text>/);
        expect(each.stdout).not.toContain('data-bundle');
        expect(edges(each.stdout) - edges(bundled.stdout)).toBeGreaterThan(20);
        const overlaid = bos('render', 'examples/double11', '--view', 'Overview', '--scenario', 'Double11Peak');
        expect(overlaid.stdout).toMatch(/class="bos-bundle-label"[^>]*>17 runs on · [\d.]+[kM]?\/s<\/text>/);
    });

    it('draws a chosen view and scenario, and writes PNG and HTML', () => {
        const png = out('trade.png');
        const r = bos('render', 'examples/double11', '--view', 'TradeChain', '--scenario', 'Baseline2016', '-o', png);
        expect(r.status).toBe(0);
        expect(r.stdout).toContain('with the tmall.scenarios.Baseline2016 overlay');
        expect(readFileSync(png).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
        const html = out('trade.html');
        expect(bos('render', 'examples/double11', '--view', 'TradeChain', '--theme', 'dark', '-o', html).status).toBe(
            0,
        );
        const page = readFileSync(html, 'utf8');
        expect(page).toContain('Content-Security-Policy" content="default-src \'none\'');
        expect(page).not.toContain('<script');
        expect(page).toContain('<svg');
    });

    it('prints SVG on stdout without -o, and fails with one line on a bad view, scenario or file type', () => {
        expect(bos('render', 'examples/double11', '--view', 'Platforms').stdout).toMatch(/^<svg/);
        const noView = bos('render', 'examples/double11', '--view', 'Nope');
        expect(noView.status).toBe(2);
        expect(noView.stderr).toBe(
            "bos: no view named 'Nope' (views: tmall.scenarios.Overview, tmall.scenarios.TradeChain, tmall.scenarios.Platforms)\n",
        );
        const noScenario = bos('render', 'examples/double11', '--scenario', 'Nope');
        expect(noScenario.status).toBe(2);
        expect(noScenario.stderr).toMatch(/^bos: no scenario named 'Nope' \(scenarios: /);
        expect(bos('render', 'examples/double11', '-o', out('x.jpg')).stderr).toBe(
            "bos: -o must end in .svg, .png or .html, not '.jpg'\n",
        );
    });

    it('draws the same picture every time', () => {
        const a = bos('render', 'examples/double11', '--view', 'TradeChain').stdout;
        const b = bos('render', 'examples/double11', '--view', 'TradeChain').stdout;
        expect(a).toBe(b);
    });
});

describe('PNG text', () => {
    it('draws Chinese titles as glyphs, not boxes (needs a CJK font: fonts-noto-cjk)', () => {
        const draw = (text: string) =>
            new Resvg(
                `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60"><rect width="200" height="60" fill="#fff"/><text x="10" y="42" font-size="32" font-family="Noto Sans CJK SC">${text}</text></svg>`,
                { font: { loadSystemFonts: true, defaultFontFamily: 'Noto Sans CJK SC' } },
            ).render().pixels;
        const ink = (px: Buffer) => {
            let n = 0;
            for (let i = 0; i < px.length; i += 4) if (px[i] < 128) n++;
            return n;
        };
        const trade = draw('交易中台');
        const other = draw('数据中台');
        expect(ink(trade)).toBeGreaterThan(200);
        // Missing glyphs would all draw as the same box; real glyphs differ.
        expect(Buffer.compare(trade, other)).not.toBe(0);
    });
});
