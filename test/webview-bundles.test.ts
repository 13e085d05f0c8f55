// Edge bundles in the real preview page in headless Chromium: a click or Enter on a
// bundle asks for it expanded, the server's answer draws its members one by one, and a
// click on a member or the chip folds it again; titles from the model stay text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiagramParams, DiagramResult } from '../src/lsp/protocol.js';
import { exampleServer, openPreview, type PreviewPage } from './preview-page.js';

// Titles that would be markup if pasted as HTML: the bundle's tooltip and ARIA label must show them as text.
const HOSTILE = `package evil
platform Hub "<b>邪</b> & co" : business {
  capability A { runs on Box.R1 }
  capability B { runs on Box.R2 }
  capability C { runs on Box.R3 }
}
infrastructure Box "盒<script>window.__pwned=1</script>" {
  resource R1 : compute
  resource R2 : compute
  resource R3 : compute
}
view Evil { include Hub.*, Box.* }
`;
const EVIL: DiagramParams = { view: 'Evil', theme: 'light' };
const BUNDLE = 'bundle:evil.Hub->evil.Box';

let p: PreviewPage;
let server: Awaited<ReturnType<typeof exampleServer>>;

async function show(d: DiagramResult): Promise<void> {
    await p.send({ type: 'diagram', diagram: d });
    await p.page.evaluate(() => new Promise(r => setTimeout(r, 0)));
}
const lastExpand = async () => (await p.posted()).filter(m => m.type === 'expand').at(-1);
const pill = () => p.page.locator(`#canvas g[data-bundle="${BUNDLE}"]`);

beforeAll(async () => {
    [p, server] = await Promise.all([openPreview(), exampleServer(HOSTILE)]);
}, 60_000);

afterAll(async () => {
    await p?.close();
});

describe('edge bundles in the preview', () => {
    it('draws one bundle with its count, titles as text, and asks to expand it on a click', async () => {
        const d = await server.diagram(EVIL);
        await show(d);
        await pill().waitFor();
        expect(await pill().locator('text').textContent()).toBe('3 runs on');
        expect(await pill().locator('title').textContent()).toBe(
            '3 runs on relations from <b>邪</b> & co to 盒<script>window.__pwned=1</script>, drawn as one',
        );
        expect(await p.page.locator('#canvas b, #canvas script').count()).toBe(0);
        expect(await p.page.locator('#canvas path[data-edge]').count()).toBe(1);
        expect(await p.page.locator('#bos-collapse').isVisible()).toBe(false);
        await pill().click();
        await expect.poll(lastExpand).toEqual({ type: 'expand', bundles: [BUNDLE] });
    });

    it('draws the members of an expanded bundle; a click on one, or the chip, folds it again', async () => {
        const d = await server.diagram({ ...EVIL, expand: [BUNDLE] });
        expect(d.expanded).toEqual([BUNDLE]);
        await show(d);
        await expect.poll(() => p.page.locator(`#canvas [data-bundle-member="${BUNDLE}"]`).count()).toBe(3);
        expect(await pill().count()).toBe(0);
        const chip = p.page.locator('#bos-collapse');
        expect(await chip.isVisible()).toBe(true);
        expect(await chip.textContent()).toBe('1 expanded · collapse');
        await chip.click();
        await expect.poll(lastExpand).toEqual({ type: 'expand', bundles: [] });
        // A member's line is a thin, dashed target: a click 3 units along it, inside its first dash.
        const member = p.page.locator(`#canvas [data-bundle-member="${BUNDLE}"]`).first();
        const at = await member.evaluate(path => {
            const line = path as SVGPathElement;
            const mid = line.getPointAtLength(3);
            const m = line.getScreenCTM()!;
            return { x: m.a * mid.x + m.c * mid.y + m.e, y: m.b * mid.x + m.d * mid.y + m.f };
        });
        const before = (await p.posted()).length;
        await p.page.mouse.click(at.x, at.y);
        await expect.poll(async () => (await p.posted()).slice(before)).toEqual([{ type: 'expand', bundles: [] }]);
    });

    it('keeps a bundle expanded through a what-if and after an edit, by name', async () => {
        const scaled = await server.diagram({ ...EVIL, expand: [BUNDLE], whatIf: { scale: 1.5 } });
        expect(scaled.expanded).toEqual([BUNDLE]);
        // Declarations added before it shift every box's index; the bundle's id is made of names.
        const edited = await exampleServer(HOSTILE.replace('platform Hub', 'actor Early\nactor Earlier\nplatform Hub'));
        const again = await edited.diagram({ ...EVIL, expand: [BUNDLE] });
        expect(again.expanded).toEqual([BUNDLE]);
        expect(again.nodes.map(n => n.id)).not.toEqual(scaled.nodes.map(n => n.id));
    });

    it('makes each bundle a keyboard stop with an ARIA label stating the count; Enter expands it', async () => {
        await show(await server.diagram(EVIL));
        await pill().focus();
        const focused = await p.page.evaluate(() => ({
            role: document.activeElement?.getAttribute('role'),
            label: document.activeElement?.getAttribute('aria-label'),
        }));
        expect(focused.role).toBe('button');
        expect(focused.label).toBe(
            '3 runs on relations from <b>邪</b> & co to 盒<script>window.__pwned=1</script>, drawn as one; Enter expands it',
        );
        const before = (await p.posted()).length;
        await p.page.keyboard.press('Enter');
        await expect.poll(async () => (await p.posted()).slice(before)).toEqual([{
            type: 'expand',
            bundles: [BUNDLE],
        }]);
        // Expanded, the count is gone: the chip has the keyboard, and Enter on it folds the bundle back.
        await show(await server.diagram({ ...EVIL, expand: [BUNDLE] }));
        await expect.poll(() => p.page.evaluate(() => document.activeElement?.id)).toBe('bos-collapse');
        await p.page.keyboard.press('Enter');
        await expect.poll(lastExpand).toEqual({ type: 'expand', bundles: [] });
        await show(await server.diagram(EVIL));
        await expect.poll(() => p.page.evaluate(() => document.activeElement?.getAttribute('data-bundle'))).toBe(
            BUNDLE,
        );
        expect(await p.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
        expect(await p.csp()).toEqual([]);
        expect(p.errors).toEqual([]);
    });
});
