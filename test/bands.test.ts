// A large view keeps its layers in their bands without ELK's partition edges, whose count
// grows with the product of neighbouring bands (diagram/bands.ts); a small view keeps them.
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import { describe, expect, it } from 'vitest';
import { buildDiagram, type Diagram } from '../src/diagram/graph.js';
import { bandsInOrder, elkDrawing } from '../src/diagram/layout-metrics.js';
import { layout, toElk } from '../src/diagram/layout.js';
import { DEFAULT_VIEW } from '../src/diagram/view.js';
import { exampleFiles } from './example-files.js';
import { check } from './helpers.js';

/**
 * Over 300 boxes once folded, with what could slip out of a band: an actor and an element
 * with no edge, an actor using a platform directly, elements using elements, platforms
 * calling platforms (bridges); infrastructure groups depending on each other when `linked`.
 */
function wideModel(linked: boolean): string {
    const out = ['package b'];
    for (let g = 0; g < 50; g++) {
        const next = linked && g % 5 === 0 ? ` { depends on I${g + 1}.S }` : '';
        out.push(`infrastructure I${g} {\n  resource R : compute${next}\n  resource S : database\n}`);
    }
    for (let p = 0; p < 50; p++) {
        const call = p % 4 === 0 ? `  calls P${p + 1}.A` : '';
        out.push(
            `platform P${p} : business {\n  capability A { runs on I${p}.R }\n  capability B { runs on I${p}.S${call} }\n}`,
        );
    }
    for (let e = 0; e < 100; e++) out.push(`element E${e} : sales { uses P${e % 50}.A${e % 10 ? `, E${e - 1}` : ''} }`);
    out.push('element Idle : sales');
    for (let a = 0; a < 120; a++) out.push(`actor U${a} { uses E${a % 100} }`);
    out.push('actor Lonely', 'actor Direct { uses P7.B }');
    return out.join('\n');
}

/** The wide model's Overview, its containers folded (as the site draws it) or not (as `render` does). */
async function overview(linked: boolean, fold = true): Promise<Diagram> {
    const { result } = await check(wideModel(linked));
    return buildDiagram(result.model, DEFAULT_VIEW, undefined, fold ? 1 : undefined);
}

/** The edges ELK's partitioning would add: every box of a partition to every box of the next. */
function partitionEdges(graph: ElkNode): number {
    const sizes = new Map<number, number>();
    for (const c of graph.children ?? []) {
        const p = c.layoutOptions?.['elk.partitioning.partition'];
        if (p !== undefined) sizes.set(Number(p), (sizes.get(Number(p)) ?? 0) + 1);
    }
    const counts = [...sizes].sort(([a], [b]) => a - b).map(([, n]) => n);
    return counts.slice(1).reduce((sum, n, i) => sum + n * counts[i], 0);
}

async function laidBands(d: Diagram) {
    const laid = await layout(d, { timeoutMs: 60_000 });
    const { boxes } = elkDrawing(laid);
    const tops = d.nodes.filter(n => !n.parent).map(n => ({ layer: n.layer, rect: boxes.get(n.id)! }));
    return { laid, boxes, tops };
}

describe('bands of a large view', () => {
    it('are kept by O(n) constraints: first and last band separate, a junction between the others', async () => {
        const d = await overview(false);
        const boxes = d.nodes.filter(n => !n.parent).length;
        expect(boxes).toBeGreaterThan(300);
        const graph = toElk(d);
        // 100·101 + … before: about 20,000 here.
        expect(partitionEdges(graph)).toBeLessThanOrEqual(2 * boxes);
        const constraint = (layer: string) =>
            new Set(
                d.nodes.filter(n => !n.parent && n.layer === layer).map(n =>
                    graph.children!.find(c => c.id === n.id)!.layoutOptions!['elk.layered.layering.layerConstraint']
                ),
            );
        expect(constraint('actors')).toEqual(new Set(['FIRST_SEPARATE']));
        expect(constraint('infrastructure')).toEqual(new Set(['LAST_SEPARATE']));
        // Elements use elements: that band takes several layers, so it stays a partition.
        expect(constraint('commerce')).toEqual(new Set([undefined]));
    });

    it.each([false, true])('stand in order, the junctions taken out (infrastructure linked: %s)', async linked => {
        const d = await overview(linked);
        const { laid, boxes, tops } = await laidBands(d);
        expect(bandsInOrder(tops)).toBe(true);
        expect(laid.children!.filter(c => c.id.startsWith('~'))).toEqual([]);
        expect(boxes.size).toBe(d.nodes.length);
        // Bridged calls leave the folded platforms side by side, and are drawn as the one edge each.
        const platforms = tops.filter(t => t.layer === 'platform');
        expect(new Set(platforms.map(t => t.rect.y)).size).toBe(1);
        const drawn = new Set(laid.edges!.map(e => e.id));
        for (const e of d.edges) expect(drawn.has(e.id), e.id).toBe(true);
    }, 120_000);

    it('stand in order with their containers unfolded: infrastructure groups as the separate last layer', async () => {
        const d = await overview(false, false);
        const last = toElk(d).children!.filter(c =>
            c.children?.length && c.layoutOptions?.['elk.layered.layering.layerConstraint'] === 'LAST_SEPARATE'
        );
        expect(last).toHaveLength(50);
        const { tops } = await laidBands(d);
        expect(tops.filter(t => t.layer === 'infrastructure')).toHaveLength(50);
        expect(bandsInOrder(tops)).toBe(true);
    }, 120_000);

    it('keeps the last band a partition when its boxes are linked to each other', async () => {
        const graph = toElk(await overview(true));
        const infra = graph.children!.filter(c => c.id !== 'root' && c.layoutOptions?.['elk.partitioning.partition']);
        expect(graph.children!.some(c => c.layoutOptions?.['elk.layered.layering.layerConstraint'] === 'LAST_SEPARATE'))
            .toBe(false);
        expect(infra.length).toBeGreaterThan(0);
    });
});

describe('bands of a small view', () => {
    it('are ELK partitions, two apart, bridges between them, no junction', async () => {
        const { result } = await check(exampleFiles());
        const graph = toElk(buildDiagram(result.model, DEFAULT_VIEW));
        const partitions = new Set(graph.children!.map(c => c.layoutOptions?.['elk.partitioning.partition']));
        expect([...partitions].sort()).toEqual(['0', '2', '3', '4', '6']);
        expect(graph.children!.some(c => c.id.startsWith('~band'))).toBe(false);
        expect(JSON.stringify(graph)).not.toContain('layerConstraint');
    });
});
