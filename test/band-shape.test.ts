// Band shapes (src/diagram/band-shape.ts): a view taller than the panel is packed flat, a
// wide one is not, and what that does to the example's Overview and Platforms views.
import { describe, expect, it } from 'vitest';
import { bandShape } from '../src/diagram/band-shape.js';
import { bundleEdges } from '../src/diagram/bundles.js';
import { buildDiagram, type Diagram } from '../src/diagram/graph.js';
import { findView } from '../src/diagram/view.js';
import { exampleFiles } from './example-files.js';
import { check } from './helpers.js';

async function drawn(view: string): Promise<Diagram> {
    const { result } = await check(exampleFiles());
    return bundleEdges(buildDiagram(result.model, findView(result.model, view)!), new Set());
}

const byLabel = (d: Diagram, label: string) => d.nodes.find(n => n.label === label)!.id;
const containers = (d: Diagram) => d.nodes.filter(n => n.isContainer && !n.folded).map(n => n.id);

describe('band shapes', () => {
    it('pack the Overview flat: commerce in two rows, Alibaba Cloud five wide, a platform pair stacked', async () => {
        const d = await drawn('Overview');
        // The bundled Overview: edges from commerce enter the platforms' capabilities, none enters a resource.
        const entered = new Set(['业务中台', '数据中台', '智能中台', '协同中台'].map(l => byLabel(d, l)));
        const shape = bandShape(d, containers(d), entered);
        expect(shape.rootBound).toBe(6); // 11 elements: 6 + 5
        expect(shape.columns.get(byLabel(d, '阿里云'))).toBe(5); // ⌈√20⌉: 10 resources in two rows
        expect(shape.columns.get(byLabel(d, '业务中台'))).toBe(3); // entered: ⌈√8⌉
        expect(shape.columns.get(byLabel(d, '协同中台'))).toBe(1); // a pair, its band three rows tall
        expect(shape.columns.get(byLabel(d, '自建机房 (2016)'))).toBe(1);
    });

    it('keep the √n rows when the flat drawing would fit the panel smaller', async () => {
        // The Platforms view is already wider than the panel: flat would make it wider still.
        const d = await drawn('Platforms');
        const shape = bandShape(d, containers(d), new Set());
        expect(shape.columns.get(byLabel(d, '阿里云'))).toBe(4);
        expect(shape.columns.get(byLabel(d, '业务中台'))).toBe(3);
    });

    it('stand a lone band of loose boxes in rows of about √n, never fewer than the containers side by side', () => {
        const node = (i: number, isContainer = false) => ({
            id: `n${i}`,
            name: `m.N${i}`,
            label: `N${i}`,
            keyword: isContainer ? 'platform' : 'element',
            layer: isContainer ? 'platform' as const : 'commerce' as const,
            isContainer,
            uri: 'memory:///m.bos',
            offset: i,
        });
        const loose: Diagram = {
            view: 'v',
            title: 'v',
            nodes: Array.from({ length: 9 }, (_, i) => node(i)),
            edges: [],
        };
        expect(bandShape(loose, [], new Set()).rootBound).toBe(3);
        const side: Diagram = { ...loose, nodes: Array.from({ length: 7 }, (_, i) => node(i, true)) };
        // Empty containers (a platform with nothing in it yet) get a column, not a division by zero.
        const shape = bandShape(side, containers(side), new Set());
        expect(shape.rootBound).toBe(7);
        expect([...shape.columns.values()]).toEqual(Array(7).fill(1));
    });
});
