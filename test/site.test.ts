// `bos site` as a process and its parts in Node: one file, the same bytes each time,
// what-if numbers equal to `bos analyze --scale --set`, and bad input that still gives
// a site or one clear line.
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analysisJson } from '../src/analysis/report.js';
import { analyse } from '../src/analysis/scenario.js';
import { sequenceOf } from '../src/diagram/sequence.js';
import { deriveFacts } from '../src/model/graph.js';
import { scriptJson, siteHtml } from '../src/site/html.js';
import { pageModel, reviveModel } from '../src/site/page-model.js';
import { siteViews } from '../src/site/views.js';
import { bos, needsBuild } from './bos-process.js';
import { check } from './helpers.js';
import { analyzeJson, siteData, siteOf, WHAT_IF } from './site-helpers.js';
import { tempDir, tempFiles } from './temp.js';

const EXAMPLE = resolve('examples/double11');

beforeAll(needsBuild);

describe('bos site', () => {
    it(
        'writes one self-contained file, byte for byte the same on every build, well under 1.5 MB',
        { timeout: 120_000 },
        () => {
            const dir = tempDir('site');
            const a = bos(dir, ['site', EXAMPLE, '-o', 'a.html']);
            expect(bos(dir, ['site', EXAMPLE, '-o', 'b.html']).code).toBe(0);
            expect(a, a.err).toMatchObject({ code: 0, err: '' });
            expect(a.out).toBe('a.html: 3 views, 20 focus views, 4 flows, 2 findings\n');
            const html = readFileSync(join(dir, 'a.html'), 'utf8');
            expect(readFileSync(join(dir, 'b.html'), 'utf8')).toBe(html);
            expect(statSync(join(dir, 'a.html')).size).toBeLessThan(1.5 * 1024 * 1024);
            // Nothing to fetch: no src or href leaves the page, the CSP allows no request.
            expect(html).not.toMatch(/\s(src|href)="(?!#)/);
            expect(html).not.toMatch(/sourceMappingURL/);
            const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)![1];
            expect(csp).toMatch(
                /^default-src 'none'; script-src 'nonce-[\w-]{22}'; style-src 'nonce-[\w-]{22}'; img-src data:/,
            );
            expect(csp).not.toMatch(/connect-src|unsafe/);
            const data = siteData(html);
            expect(data.pages.map(p => p.view).filter(v => !v.startsWith('focus:'))).toEqual([
                'tmall.scenarios.Overview',
                'tmall.scenarios.TradeChain',
                'tmall.scenarios.Platforms',
                'flow:tmall.scenarios.Browse',
                'flow:tmall.scenarios.Checkout',
                'flow:tmall.scenarios.Deliver',
                'flow:tmall.scenarios.Checkout2016',
            ]);
            expect(data.findings.map(f => `${f.code} ${f.declaration}`)).toEqual([
                'bos/headroom tmall.platforms.Business.PlaceOrder',
                'bos/headroom tmall.platforms.Business.PlaceOrder2016',
            ]);
            // The views and focus pages laid out; the sequences are drawn by the page.
            expect(html.match(/<\/h2><svg /g)).toHaveLength(23);
            // Arrowheads of one page's own: Chromium draws no marker that lives in a hidden page.
            const markers = [...html.matchAll(/<marker id="([^"]+)"/g)].map(m => m[1]);
            expect(markers).toContain('p22-arrow-uses');
            expect(new Set(markers).size).toBe(markers.length);
        },
    );

    it(
        'embeds a model whose what-if analysis gives the numbers of bos analyze --scale --set',
        { timeout: 120_000 },
        () => {
            const dir = tempDir('site-numbers');
            expect(bos(dir, ['site', EXAMPLE, '-o', 's.html']).code).toBe(0);
            const model = reviveModel(siteData(readFileSync(join(dir, 's.html'), 'utf8')).model);
            const placeOrder = model.byId.get('tmall.platforms.Business.PlaceOrder')!;
            const pay = model.byId.get('tmall.platforms.Business.Pay')!;
            const overrides = new Map([
                [placeOrder, { instances: WHAT_IF.instances, capacity: WHAT_IF.capacity }],
                [pay, { latency: 0.12 }],
            ]);
            const page = analyse(model, deriveFacts(model), { scale: WHAT_IF.scale, overrides, defaultHeadroom: 0.2 });
            const cli = analyzeJson(EXAMPLE, [...WHAT_IF.flags, '--set', 'tmall.platforms.Business.Pay.latency=120ms']);
            expect(analysisJson(page, page.scenarios)).toEqual(cli);
        },
    );

    it('still writes a site for a model with syntax errors, its findings open on top', { timeout: 60_000 }, () => {
        const dir = tempFiles('site-broken', {
            'm.bos':
                'platform P "平台" : business {\n  capability C { capacity 10/s }\n}\nelement E : sales { uses P.C\n',
        });
        const r = bos(dir, ['site', '.', '-o', 'broken.html']);
        expect(r.code).toBe(1);
        const html = readFileSync(join(dir, 'broken.html'), 'utf8');
        expect(html).toMatch(/<details id="findings" open><summary>Findings: 1 error/);
        expect(html.indexOf('id="findings"')).toBeLessThan(html.indexOf('id="views"'));
        expect(siteData(html).findings.map(f => f.code)).toContain('bos/syntax');
        // What parsed is drawn.
        expect(html).toContain('平台');
    });

    it('says in one line, exit 2, when the output cannot be written or is not .html', { timeout: 60_000 }, () => {
        const dir = tempDir('site-bad');
        const unwritable = bos(dir, ['site', EXAMPLE, '-o', join(dir, 'missing', 'x.html')]);
        expect(unwritable.code).toBe(2);
        expect(unwritable.err).toMatch(/^bos: cannot write .*x\.html: ENOENT[^\n]*\n$/);
        const svg = bos(dir, ['site', EXAMPLE, '-o', 'x.svg']);
        expect(svg).toMatchObject({ code: 2, err: "bos: bos site needs -o FILE.html, not 'x.svg'\n" });
        expect(bos(dir, ['site', EXAMPLE]).err).toBe('bos: bos site needs -o FILE.html\n');
        expect(bos(dir, ['site', EXAMPLE, '-o', 'x.html', '--view', 'A']).err).toBe(
            'bos: bos site does not take --view\n',
        );
    });
});

describe('site assembly', () => {
    it('shows a view that cannot be laid out in time as a message in its place', async () => {
        const { result } = await check('element E : sales\nactor A { uses E }\n');
        const site = await siteOf(result, 1);
        // The Overview and the focus pages of E and A, none laid out in time.
        expect(site.pages.map(p => p.view)).toEqual(['Overview', 'focus:E', 'focus:A']);
        expect(site.pages[0].svg).toBeUndefined();
        expect(site.pages[0].problem).toMatch(/^the layout of view Overview \(2 nodes\) took longer than 0 s/);
        const html = siteHtml(site, { script: '', nonce: 'n' });
        expect(html).toContain(`<p class="problem">${site.pages[0].problem}</p>`);
    });

    it('has a page per view, the whole model first when no view is called Overview, each with a stable hash', async () => {
        const { result } = await check('platform P : business { capability C }\nview Trade "交易" { include P.* }\n');
        expect(siteViews(result.model).map(v => [v.hash, v.title])).toEqual([
            ['view=Overview', 'Overview'],
            ['view=Trade', '交易'],
            ['view=focus%3AP', 'Focus: P'],
        ]);
        const named = await check('element E : sales\nview Overview "全景"\nview Only { include E }\n');
        expect(siteViews(named.result.model).map(v => v.hash)).toEqual([
            'view=Overview',
            'view=Only',
            'view=focus%3AE',
        ]);
    });

    it("adds the focus pages of containers, elements and actors, then each flow's sequence", async () => {
        const { result } = await check(`platform P : business { capability C }
infrastructure I { resource R : compute }
element E : sales { uses P.C }
actor A { uses E }
flow F { from A; step P.C }
view V { include E }
`);
        expect(siteViews(result.model).map(v => [v.kind, v.hash, v.title])).toEqual([
            ['view', 'view=Overview', 'Overview'],
            ['view', 'view=V', 'V'],
            ['focus', 'view=focus%3AP', 'Focus: P'],
            ['focus', 'view=focus%3AI', 'Focus: I'],
            ['focus', 'view=focus%3AE', 'Focus: E'],
            ['focus', 'view=focus%3AA', 'Focus: A'],
            ['flow', 'view=flow%3AF', 'Flow: F'],
        ]);
    });

    it("revives a flow whose step names nothing with the name as written, for the page's sequence", async () => {
        const { result } = await check('platform P : business { capability C }\nflow F { step P.C; step Nope }\n');
        const revived = reviveModel(pageModel(result.model));
        const flow = revived.byId.get('F')!;
        const seq = sequenceOf(flow);
        expect(seq.unresolved).toEqual(['Nope']);
        expect(seq.lifelines.map(n => n.id)).toEqual(['P.C']);
    });

    it('keeps </script> and <!-- in labels inside the JSON', () => {
        const json = scriptJson({ title: '</script><script>alert(1)</script><!--', line: 'a\u2028b' });
        expect(json).not.toMatch(/<|\u2028/);
        expect(JSON.parse(json)).toEqual({ title: '</script><script>alert(1)</script><!--', line: 'a\u2028b' });
    });
});
