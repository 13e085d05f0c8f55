// The bundling rules (diagram/bundles.ts): how many edges make a bundle, which boxes it
// joins when containers nest, its kind, its load and its change mark.
import { describe, expect, it } from 'vitest';
import { BUNDLE_FROM, bundleEdges } from '../src/diagram/bundles.js';
import type { Diagram, DiagramEdge, DiagramNode } from '../src/diagram/graph.js';
import { buildDiagram } from '../src/diagram/graph.js';
import { layout, LAYOUT_TIMEOUT_MS } from '../src/diagram/layout.js';
import { toSvg } from '../src/diagram/svg.js';
import { findView } from '../src/diagram/view.js';
import { parseFromWebview, parseToWebview } from '../src/lsp/protocol.js';
import { check } from './helpers.js';

const MODEL = `package b
element Shop : sales { uses Trade.A  uses Trade.B  uses Trade.C }
element Ledger : finance { uses Trade.A  uses Trade.B }
platform Trade : business {
  capability A { runs on Cloud.VM  calls Pay.X }
  capability B { runs on Cloud.DB x 2  calls Pay.Y }
  capability C { runs on Cloud.Cache  uses Pay.Z }
}
platform Pay "支付 <中台>" : business {
  capability X
  capability Y
  capability Z
}
infrastructure Cloud {
  resource VM : compute
  resource DB : database
  resource Cache : cache
}
flow Buy { step Trade.A  step Trade.B  step Trade.C }
scenario Peak { load Buy 1k/s }
`;

async function diagramOf(overlay: boolean): Promise<Diagram> {
    const { result, diagnostics } = await check(MODEL);
    expect(diagnostics.filter(d => d.severity === 'error')).toEqual([]);
    const peak = overlay ? result.analysis.scenarios[0] : undefined;
    return buildDiagram(result.model, findView(result.model, undefined)!, peak);
}

const bundleOf = (d: Diagram, id: string) => d.edges.find(e => e.id === id);

describe('edge bundles', () => {
    it('draws 3 or more edges between two containers, or a container and a box, as one', async () => {
        expect(BUNDLE_FROM).toBe(3);
        const plain = await diagramOf(false);
        const bundled = bundleEdges(plain);
        expect(bundled.edges.filter(e => e.bundle).map(e => e.id)).toEqual([
            'bundle:b.Shop->b.Trade',
            'bundle:b.Trade->b.Cloud',
            'bundle:b.Trade->b.Pay',
        ]);
        // Ledger's two `uses` stay apart: two lines still read.
        expect(bundled.edges.filter(e => e.source === plain.nodes.find(n => n.name === 'b.Ledger')!.id)).toHaveLength(
            2,
        );
        const runsOn = bundleOf(bundled, 'bundle:b.Trade->b.Cloud')!;
        expect(runsOn.bundle!.members.map(m => m.id)).toEqual(
            plain.edges.filter(e => e.kind === 'runs on').map(e => e.id),
        );
        expect(runsOn).toMatchObject({ kind: 'runs on', label: '3 runs on' });
        expect(bundled.edges).toHaveLength(plain.edges.length - 3 * 3 + 3);
        // The same diagram bundles the same way: the ids are made of qualified names.
        expect(bundleEdges(await diagramOf(false))).toEqual(bundled);
    });

    it('gives a bundle of several kinds a neutral style and says which kinds it holds', async () => {
        const d = bundleEdges(await diagramOf(false));
        const mixed = bundleOf(d, 'bundle:b.Trade->b.Pay')!;
        expect(mixed.bundle!.kinds).toEqual(['uses', 'calls']);
        expect(mixed.label).toBe('3 relations');
        const svg = toSvg(d, await layout(d, { timeoutMs: LAYOUT_TIMEOUT_MS }), { theme: 'light' });
        expect(svg).toContain('class="bos-edge-mixed bos-bundle-edge" data-bundle="bundle:b.Trade-&gt;b.Pay"');
        expect(svg).toContain('class="bos-edge-runs-on bos-bundle-edge" data-bundle="bundle:b.Trade-&gt;b.Cloud"');
        // Its tooltip counts each kind; the platform's title is escaped.
        expect(svg).toContain(
            '<title>3 relations (1 uses, 2 calls) from Trade to 支付 &lt;中台&gt;, drawn as one</title>',
        );
        expect(svg).toMatch(/<text class="bos-bundle-label" data-edge="bundle:b.Shop-&gt;b.Trade"[^>]*>3 uses<\/text>/);
        // The legend explains bundles only where there are some.
        const legend = 'edges drawn as one, with their count';
        expect(svg).toContain(legend);
        const plain = await diagramOf(false);
        expect(toSvg(plain, await layout(plain, { timeoutMs: LAYOUT_TIMEOUT_MS }), { theme: 'light' })).not.toContain(
            legend,
        );
    });

    it('under an overlay, sums the load its members pass on, weights included', async () => {
        const d = bundleEdges(await diagramOf(true));
        // A: 1k/s, B: 1k/s × 2, C: 1k/s.
        expect(bundleOf(d, 'bundle:b.Trade->b.Cloud')).toMatchObject({
            label: '3 runs on · 4k/s',
            bundle: { load: 4000 },
        });
        // `uses` passes no load: the mixed bundle carries only its two calls.
        expect(bundleOf(d, 'bundle:b.Trade->b.Pay')!.label).toBe('3 relations · 2k/s');
        expect(bundleOf(d, 'bundle:b.Shop->b.Trade')!.label).toBe('3 uses');
    });

    it('draws an expanded bundle edge by edge, each naming its bundle', async () => {
        const plain = await diagramOf(false);
        const d = bundleEdges(plain, new Set(['bundle:b.Trade->b.Cloud', 'bundle:not.There->b.Cloud']));
        expect(d.expanded).toEqual(['bundle:b.Trade->b.Cloud']);
        expect(bundleOf(d, 'bundle:b.Trade->b.Cloud')).toBeUndefined();
        const members = d.edges.filter(e => e.of === 'bundle:b.Trade->b.Cloud');
        expect(members.map(m => m.kind)).toEqual(['runs on', 'runs on', 'runs on']);
        expect(d.edges.filter(e => e.bundle)).toHaveLength(2);
    });
});

describe('edge bundles of nested containers', () => {
    const box = (id: string, parent?: string, isContainer = false): DiagramNode => ({
        id,
        name: `m.${id}`,
        label: id,
        keyword: isContainer ? 'platform' : 'capability',
        layer: 'platform',
        parent,
        isContainer,
        uri: 'file:///m.bos',
        offset: 0,
    });
    const edge = (source: string, target: string, change?: DiagramEdge['change']): DiagramEdge => ({
        id: `${source}-${target}-calls`,
        source,
        target,
        kind: 'calls',
        ...(change ? { change } : {}),
    });
    // P holds Q and R; x lies outside any container.
    const nodes = [
        box('P', undefined, true),
        box('Q', 'P', true),
        box('R', 'P', true),
        ...['q1', 'q2', 'q3'].map(id => box(id, 'Q')),
        ...['r1', 'r2', 'r3'].map(id => box(id, 'R')),
        box('x'),
    ];
    const diagram = (edges: DiagramEdge[]): Diagram => ({ view: 'v', title: 'v', nodes, edges });

    it('joins the outermost boxes that hold one end and not the other', () => {
        const d = bundleEdges(diagram([
            edge('q1', 'r1'),
            edge('q2', 'r2'),
            edge('q3', 'r3'),
            edge('q1', 'x'),
            edge('q2', 'x'),
            edge('r3', 'x'),
        ]));
        expect(d.edges.map(e => `${e.source}->${e.target} ${e.label}`)).toEqual(['Q->R 3 calls', 'P->x 3 calls']);
    });

    it('draws one box’s edges into a container from that box, under the containers’ id', () => {
        const d = bundleEdges(diagram([edge('q1', 'r1'), edge('q1', 'r2'), edge('q1', 'r3')]));
        expect(d.edges.map(e => `${e.id} ${e.source}->${e.target}`)).toEqual(['bundle:m.Q->m.R q1->R']);
    });

    it('marks a bundle added or removed when all its members are, and changed when only some are', () => {
        const all = bundleEdges(
            diagram([edge('q1', 'r1', 'added'), edge('q2', 'r2', 'added'), edge('q3', 'r3', 'added')]),
        );
        expect(all.edges[0].change).toBe('added');
        const some = bundleEdges(diagram([edge('q1', 'r1'), edge('q2', 'r2', 'removed'), edge('q3', 'r3')]));
        expect(some.edges[0].change).toBe('changed');
        const none = bundleEdges(diagram([edge('q1', 'r1'), edge('q2', 'r2'), edge('q3', 'r3')]));
        expect(none.edges[0].change).toBeUndefined();
        expect(none.edges[0].id).toBe(some.edges[0].id);
    });
});

describe('the preview’s expand message', () => {
    it('accepts a list of bundle ids and nothing else', () => {
        const ok = { type: 'expand', bundles: ['bundle:a.P->a.Q'] };
        expect(parseFromWebview(ok)).toEqual(ok);
        expect(parseFromWebview({ type: 'expand', bundles: [] })).toEqual({ type: 'expand', bundles: [] });
        expect(parseFromWebview({ type: 'expand', bundles: 'bundle:a.P->a.Q' })).toBeUndefined();
        expect(parseFromWebview({ type: 'expand', bundles: ['n12'] })).toBeUndefined();
        expect(parseFromWebview({ type: 'expand', bundles: [`bundle:${'x'.repeat(3000)}`] })).toBeUndefined();
        expect(parseFromWebview({ type: 'expand', bundles: Array(101).fill('bundle:a->b') })).toBeUndefined();
        expect(
            parseToWebview({
                type: 'diagram',
                diagram: { view: 'v', views: [], scenarios: [], nodes: [], expanded: [1] },
            }),
        )
            .toBeUndefined();
    });
});
