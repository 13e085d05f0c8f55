// A site lays out hundreds of pages at build time, so a view of more than SITE_FOLD_ABOVE
// declarations shows its containers folded (each has its focus page); `bos render` of the
// same view draws every box. Folded platforms of one band still stand side by side.
import { describe, expect, it } from 'vitest';
import { buildDiagram } from '../src/diagram/graph.js';
import { layout } from '../src/diagram/layout.js';
import { render } from '../src/diagram/render.js';
import { DEFAULT_VIEW } from '../src/diagram/view.js';
import { SITE_FOLD_ABOVE } from '../src/site/build.js';
import { check } from './helpers.js';
import { siteOf } from './site-helpers.js';

/** Two platforms and two infrastructure groups, `per` declarations in each; P1's first capability calls P2's. */
function wide(per: number): string {
    const many = (keyword: string, prefix: string, extra = () => '') =>
        Array.from({ length: per }, (_, i) => `  ${keyword} ${prefix}${i} {${extra()}}`).join('\n');
    return [
        'package w',
        `platform P1 : business {\n${many('capability', 'A')}\n  capability Caller { calls P2.B0 }\n}`,
        `platform P2 : data {\n${many('capability', 'B')}\n}`,
        `infrastructure I1 {\n${many('resource', 'R', () => ' capacity 1k/s ')}\n}`,
        `infrastructure I2 {\n${many('resource', 'S', () => ' capacity 1k/s ')}\n}`,
    ].join('\n');
}

describe('site: large views folded', () => {
    it('folds a view above the threshold in the site, not in render', async () => {
        const per = Math.ceil(SITE_FOLD_ABOVE / 4) + 1;
        const { result } = await check(wide(per));
        expect(result.model.nodes.length).toBeGreaterThan(SITE_FOLD_ABOVE);
        const { model, analysis } = result;
        const site = await siteOf(result);
        const overview = site.pages.find(p => p.view === 'Overview')!;
        expect(overview.svg).toContain('folded into their containers');
        // Every container keeps its own page, unfolded, one click away.
        const focus = site.pages.find(p => p.view === 'focus:w.P1')!;
        expect(focus.svg).not.toContain('folded into their containers');
        expect(focus.svg).toContain('A0');
        const rendered = await render({
            model,
            analysis,
            view: DEFAULT_VIEW,
            theme: 'light',
            layout: { timeoutMs: 60_000 },
        });
        expect(rendered.svg).not.toContain('folded into their containers');
    }, 120_000);

    it('keeps folded platforms of one band side by side when one calls the other', async () => {
        const { result } = await check(wide(3));
        const diagram = buildDiagram(result.model, DEFAULT_VIEW, undefined, 1);
        const box = (name: string) => diagram.nodes.find(n => n.name === name)!;
        expect(box('w.P1').folded).toBeGreaterThan(0);
        const laid = await layout(diagram, { timeoutMs: 60_000 });
        const at = (name: string) => laid.children!.find(c => c.id === box(name).id)!;
        expect(at('w.P1').y).toBe(at('w.P2').y);
    });
});
