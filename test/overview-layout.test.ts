// The example's Overview as people read it (issue 13): bands in order, the middle
// platforms side by side rather than on a staircase, and how large its labels are when
// the preview fits the SVG into a 1,200 × 700 panel.
import { describe, expect, it } from 'vitest';
import { bandsInOrder, elkDrawing, measure, smallestLabelAtFit } from '../src/diagram/layout-metrics.js';
import { render } from '../src/diagram/render.js';
import { findView } from '../src/diagram/view.js';
import { exampleFiles } from './example-files.js';
import { check } from './helpers.js';

async function overview(view = 'Overview') {
    const { result } = await check(exampleFiles());
    return render({
        model: result.model,
        analysis: result.analysis,
        view: findView(result.model, view)!,
        theme: 'light',
        layout: { timeoutMs: 20_000 },
    });
}

describe('the example Overview', () => {
    it('takes its cross-platform calls through the quieter gap: few crossings', async () => {
        // Bridged through the gap above the platforms, the two calls crossed the commerce band's
        // uses edges (19 crossings); below, only the runs-on bundles (8; 6 with bands in two rows, as Graphviz dot).
        const { laid } = await overview();
        expect(measure(elkDrawing(laid!)).crossings).toBeLessThanOrEqual(6);
    });

    it.each(['Overview', 'Platforms'])(
        '%s has its layers in band order, the middle platforms side by side',
        async view => {
            const { diagram, laid } = await overview(view);
            const boxes = elkDrawing(laid!).boxes;
            const tops = diagram.nodes.filter(n => !n.parent).map(n => ({ layer: n.layer, rect: boxes.get(n.id)! }));
            expect(bandsInOrder(tops)).toBe(true);
            const platforms = diagram.nodes.filter(n => n.keyword === 'platform' && !n.parent).map(n => ({
                name: n.label,
                ...boxes.get(n.id)!,
            }));
            expect(platforms.length).toBe(4);
            // Side by side: one horizontal line runs through all of them, and no two share an x.
            const line = Math.min(...platforms.map(p => p.y + p.height));
            for (const p of platforms) expect(p.y, `${p.name} on the line`).toBeLessThanOrEqual(line);
            const byX = [...platforms].sort((a, b) => a.x - b.x);
            for (let i = 1; i < byX.length; i++) {
                expect(byX[i].x, `${byX[i].name} right of ${byX[i - 1].name}`).toBeGreaterThanOrEqual(
                    byX[i - 1].x + byX[i - 1].width,
                );
            }
        },
    );

    it('draws no bundle count over another: two bundles into 自建机房 share their last stretch', async () => {
        const { svg } = await overview();
        const pills = [
            ...svg.matchAll(
                /class="bos-bundle-pill[^"]*" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/g,
            ),
        ]
            .map(m => m.slice(1).map(Number));
        expect(pills.length).toBe(6);
        for (const [i, [x, y, w, h]] of pills.entries()) {
            for (const [x2, y2, w2, h2] of pills.slice(i + 1)) {
                const apart = x + w <= x2 || x2 + w2 <= x || y + h <= y2 || y2 + h2 <= y;
                expect(apart, `pills at ${x},${y} and ${x2},${y2}`).toBe(true);
            }
        }
    });

    it('keeps its smallest label readable when fitted into a 1,200 × 700 panel', async () => {
        const { svg } = await overview();
        const [, width, height] = /width="([\d.]+)" height="([\d.]+)"/.exec(svg)!.map(Number);
        // Issue 13 asks for 8 px: 8.07 with commerce and Alibaba Cloud in two rows and a one-row legend (7.16 px
        // before, 5.2 px before the rows and the linear-segments placement, 4.3 px before the bridges).
        expect(smallestLabelAtFit(width, height)).toBeGreaterThanOrEqual(8);
    });

    it('wraps a platform entered from outside into rows instead of one long row', async () => {
        const { diagram, laid } = await overview();
        const boxes = elkDrawing(laid!).boxes;
        const business = diagram.nodes.find(n => n.label === '业务中台')!;
        const children = diagram.nodes.filter(n => n.parent === business.id);
        expect(children.length).toBe(8);
        const rows = new Map<number, number>();
        for (const c of children) {
            rows.set(Math.round(boxes.get(c.id)!.y), (rows.get(Math.round(boxes.get(c.id)!.y)) ?? 0) + 1);
        }
        // ⌈√8⌉ = 3 a row, as the row edges ask: without them ELK stood the five that commerce uses in one row.
        expect(Math.max(...rows.values())).toBeLessThanOrEqual(3);
        // The row edges are gone from the drawing: every drawn edge is one of the diagram's.
        const ids = new Set(diagram.edges.map(e => e.id));
        const drawn = (n: typeof laid): string[] => [
            ...(n!.edges ?? []).map(e => e.id),
            ...(n!.children ?? []).flatMap(c => drawn(c)),
        ];
        for (const id of drawn(laid)) expect(ids.has(id), id).toBe(true);
    });
});
