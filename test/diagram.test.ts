import type { ElkNode } from 'elkjs/lib/elk-api.js';
import { describe, expect, it } from 'vitest';
import { buildDiagram } from '../src/diagram/graph.js';
import type { Diagram } from '../src/diagram/graph.js';
import { layout } from '../src/diagram/layout.js';
import { render } from '../src/diagram/render.js';
import { DEFAULT_VIEW, findView, viewsOf } from '../src/diagram/view.js';
import { exampleFiles } from './example-files.js';
import { check } from './helpers.js';

const MODEL = `package v
actor Buyer { uses Shop }
element Shop : sales { uses Trade.Order }
element Ledger : finance { uses Trade.Pay }
platform Trade : business {
  capability Order { runs on Cloud.VM  calls Pay }
  capability Pay { runs on Cloud.DB }
}
infrastructure Cloud {
  resource VM : compute { capacity 10k/s  depends on DB }
  resource DB : database { capacity 5k/s }
}
flow Buy { step Trade.Order }
scenario Peak { load Buy 4k/s }
view Everything
view TradeOnly { include Trade.*  exclude Trade.Pay }
view Layers { include layer commerce, kind database }
view Named { include Shop, Trade }
view Overlaid { include *  overlay Peak }
`;

async function diagramOf(view: string, scenario?: string): Promise<Diagram> {
    const { result } = await check(MODEL);
    const s = scenario ? result.analysis.scenarios.find(x => x.scenario.name === scenario) : undefined;
    return buildDiagram(result.model, findView(result.model, view)!, s);
}

const names = (d: Diagram) => d.nodes.map(n => n.name.replace('v.', ''));

describe('diagram graph builder', () => {
    it('shows the whole stack without include, and never flows, scenarios or views', async () => {
        expect(names(await diagramOf('Everything'))).toEqual([
            'Buyer',
            'Shop',
            'Ledger',
            'Trade',
            'Trade.Order',
            'Trade.Pay',
            'Cloud',
            'Cloud.VM',
            'Cloud.DB',
        ]);
    });

    it('honours Name.*, exclude, layer, kind and plain names (containers come along)', async () => {
        expect(names(await diagramOf('TradeOnly'))).toEqual(['Trade', 'Trade.Order']);
        expect(names(await diagramOf('Layers'))).toEqual(['Shop', 'Ledger', 'Cloud', 'Cloud.DB']);
        expect(names(await diagramOf('Named'))).toEqual(['Shop', 'Trade']);
    });

    it('draws one edge per dependency with its kind, not into its own container', async () => {
        const d = await diagramOf('Everything');
        const label = (id: string) => d.nodes.find(n => n.id === id)!.name.replace('v.', '');
        expect(d.edges.map(e => `${label(e.source)} ${e.kind} ${label(e.target)}`)).toEqual([
            'Buyer uses Shop',
            'Shop uses Trade.Order',
            'Ledger uses Trade.Pay',
            'Trade.Order runs on Cloud.VM',
            'Trade.Order calls Trade.Pay',
            'Trade.Pay runs on Cloud.DB',
            'Cloud.VM depends on Cloud.DB',
        ]);
    });

    it('labels nodes with the overlay of a scenario', async () => {
        const d = await diagramOf('Overlaid', 'Peak');
        const vm = d.nodes.find(n => n.name === 'v.Cloud.VM')!;
        expect(vm.overlay).toEqual({ status: 'ok', text: '4k/s · 40%', widest: '888.8k/s · 888.8%' });
        // DB: 4k/s from VM's depends on + 4k/s from Pay (Order calls Pay) = 8k/s on 5k/s.
        expect(d.nodes.find(n => n.name === 'v.Cloud.DB')!.overlay).toEqual({
            status: 'overload',
            text: '8k/s · 160%',
            widest: '888.8k/s · 888.8%',
        });
        expect(d.nodes.find(n => n.name === 'v.Trade.Order')!.overlay).toEqual({
            status: 'unknown',
            text: '4k/s',
            widest: '888.8k/s',
        });
    });

    it('adds R to the overlay of a node with a time model, or says saturated', async () => {
        const { result } = await check(exampleFiles());
        const peak = result.analysis.scenarios.find(s => s.scenario.name === 'Double11Peak')!;
        const d = buildDiagram(result.model, findView(result.model, 'TradeChain')!, peak);
        const overlay = (name: string) => d.nodes.find(n => n.name === name)!.overlay;
        expect(overlay('tmall.platforms.Business.PlaceOrder')).toEqual({
            status: 'headroom',
            text: '583k/s · 89.7% · R 153ms',
            // What the box is laid out for: any scale's text fits, so a what-if keeps the layout.
            widest: '888.8k/s · 888.8% · saturated',
        });
        // No latency declared: no R.
        expect(overlay('tmall.cloud.AlibabaCloud.CDN')!.text).toBe('12M/s · 12%');
        const saturated = await check(MODEL.replace('capacity 5k/s', 'capacity 5k/s  latency 2ms'));
        const hot = saturated.result.analysis.scenarios[0];
        const db = buildDiagram(saturated.result.model, findView(saturated.result.model, 'Overlaid')!, hot).nodes
            .find(n => n.name === 'v.Cloud.DB')!;
        expect(db.overlay).toEqual({
            status: 'overload',
            text: '8k/s · 160% · saturated',
            widest: '888.8k/s · 888.8% · saturated',
        });
    });

    it('behaves as if view Overview { include * } existed when there is no view', async () => {
        const { result } = await check('actor A\n');
        expect(viewsOf(result.model)).toEqual([DEFAULT_VIEW]);
        expect(buildDiagram(result.model, findView(result.model, undefined)!).nodes).toHaveLength(1);
    });

    it('folds containers of a very large view, with a note', async () => {
        const { result } = await check(MODEL);
        const d = buildDiagram(result.model, findView(result.model, 'Everything')!, undefined, 5);
        expect(names(d)).toEqual(['Buyer', 'Shop', 'Ledger', 'Trade', 'Cloud']);
        expect(d.nodes.find(n => n.name === 'v.Trade')!.folded).toBe(2);
        expect(d.note).toMatch(/folded into their containers/);
        expect(d.edges.map(e => e.kind)).toContain('runs on');
    });
});

/** Absolute boxes of every laid-out node. */
function boxes(laid: ElkNode): Map<string, { x: number; y: number; w: number; h: number; parent?: string }> {
    const out = new Map<string, { x: number; y: number; w: number; h: number; parent?: string }>();
    const walk = (n: ElkNode, dx: number, dy: number, parent?: string) => {
        for (const c of n.children ?? []) {
            const x = dx + (c.x ?? 0), y = dy + (c.y ?? 0);
            out.set(c.id, { x, y, w: c.width ?? 0, h: c.height ?? 0, parent });
            walk(c, x, y, c.id);
        }
    };
    walk(laid, 0, 0);
    return out;
}

function assertInvariants(d: Diagram, laid: ElkNode): void {
    const b = boxes(laid);
    const rank = { actors: 0, commerce: 1, platform: 2, infrastructure: 3 } as const;
    const tops = d.nodes.filter(n => !n.parent);
    for (const a of tops) {
        for (const c of tops) {
            if (rank[a.layer] < rank[c.layer]) {
                expect(b.get(a.id)!.y + b.get(a.id)!.h, `${a.name} above ${c.name}`).toBeLessThanOrEqual(
                    b.get(c.id)!.y,
                );
            }
        }
    }
    for (const n of d.nodes.filter(x => x.parent)) {
        const me = b.get(n.id)!, p = b.get(n.parent!)!;
        expect(
            me.x >= p.x && me.y >= p.y && me.x + me.w <= p.x + p.w && me.y + me.h <= p.y + p.h,
            `${n.name} inside its container`,
        ).toBe(true);
    }
    const leaves = d.nodes.filter(n => !d.nodes.some(c => c.parent === n.id));
    for (let i = 0; i < leaves.length; i++) {
        for (let j = i + 1; j < leaves.length; j++) {
            const p = b.get(leaves[i].id)!, q = b.get(leaves[j].id)!;
            const overlap = p.x < q.x + q.w && q.x < p.x + p.w && p.y < q.y + q.h && q.y < p.y + p.h;
            expect(overlap, `${leaves[i].name} overlaps ${leaves[j].name}`).toBe(false);
        }
    }
}

describe('layout', () => {
    it('keeps the layers in bands, children inside containers, no overlaps (example)', async () => {
        const { result } = await check(exampleFiles());
        for (const view of viewsOf(result.model)) {
            const d = buildDiagram(result.model, view);
            assertInvariants(d, await layout(d, { timeoutMs: 20_000 }));
        }
    });

    it('keeps the invariants on a generated model', async () => {
        const lines = ['package g', 'infrastructure I {'];
        for (let i = 0; i < 12; i++) lines.push(`  resource R${i} : compute${i ? ` { depends on R${i - 1} }` : ''}`);
        lines.push('}');
        for (let p = 0; p < 3; p++) {
            lines.push(`platform P${p} : business {`);
            for (let c = 0; c < 6; c++) {
                lines.push(`  capability C${c} { runs on I.R${(p * 6 + c) % 12}${c ? `  calls C${c - 1}` : ''} }`);
            }
            lines.push('}');
        }
        for (let e = 0; e < 8; e++) {
            lines.push(`element E${e} : sales { uses P${e % 3}.C${e % 6}${e ? `, E${e - 1}` : ''} }`);
        }
        for (let a = 0; a < 3; a++) lines.push(`actor A${a} { uses E${a} }`);
        const { result } = await check(lines.join('\n'));
        const d = buildDiagram(result.model, findView(result.model, undefined)!);
        expect(d.nodes.length).toBe(1 + 12 + 3 + 18 + 8 + 3);
        assertInvariants(d, await layout(d, { timeoutMs: 20_000 }));
    });

    it('is deterministic', async () => {
        const { result } = await check(exampleFiles());
        const view = findView(result.model, 'TradeChain')!;
        const once = await render({
            model: result.model,
            analysis: result.analysis,
            view,
            theme: 'light',
            layout: { timeoutMs: 20_000 },
        });
        const twice = await render({
            model: result.model,
            analysis: result.analysis,
            view,
            theme: 'light',
            layout: { timeoutMs: 20_000 },
        });
        expect(twice.svg).toBe(once.svg);
    });
});

describe('SVG', () => {
    it('has a band per layer, a box per node with data-node, edges by kind, a legend and escaped labels', async () => {
        const { result } = await check(
            MODEL.replace('element Shop : sales', 'element Shop "<img src=x onerror=alert(1)> & co" : sales'),
        );
        const view = findView(result.model, 'Overlaid')!;
        const { svg, diagram } = await render({
            model: result.model,
            analysis: result.analysis,
            view,
            theme: 'light',
            layout: { timeoutMs: 20_000 },
        });
        expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
        expect(svg.match(/class="bos-band"/g)).toHaveLength(4);
        for (const n of diagram.nodes) expect(svg).toContain(`data-node="${n.id}"`);
        expect(svg.match(/class="bos-edge-runs-on" data-edge/g)).toHaveLength(2);
        expect(svg.match(/class="bos-edge-calls" data-edge/g)).toHaveLength(1);
        expect(svg.match(/class="bos-edge-depends-on" data-edge/g)).toHaveLength(1);
        expect(svg).toContain('class="bos-legend"');
        expect(svg).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; co');
        expect(svg).not.toContain('<img');
        expect(svg).toContain('class="bos-box-infrastructure bos-status-overload"');
        expect(svg).toContain('class="bos-box-infrastructure bos-status-ok"');
    });
});
