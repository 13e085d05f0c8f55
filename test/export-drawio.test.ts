// The draw.io export opened as XML (xmllint checks it is well-formed, xmldom reads it as
// draw.io does): every shape's geometry lies inside the page and inside its parent,
// every edge joins two shapes, and every label reads back as written.
import { DOMParser, type Element } from '@xmldom/xmldom';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findView } from '../src/diagram/view.js';
import { toDrawio } from '../src/export/drawio.js';
import { edgeLabel, type ExportGraph, exportGraph } from '../src/export/view-graph.js';
import { hostileCase, labelsOf } from './export-cases.js';
import { check } from './helpers.js';
import { tempDir } from './temp.js';

interface Cell {
    id: string;
    label: string;
    parent: string;
    vertex: boolean;
    edge: boolean;
    source?: string;
    target?: string;
    geometry?: { x: number; y: number; width: number; height: number };
}

/** The file through xmllint, then its cells as draw.io reads them (a UserObject lends its id and label to its cell). */
function open(text: string) {
    const file = join(tempDir('drawio'), 'view.drawio');
    writeFileSync(file, text);
    const lint = spawnSync('xmllint', ['--noout', file], { encoding: 'utf8' });
    expect(lint.status, lint.stderr).toBe(0);
    const doc = new DOMParser().parseFromString(text, 'text/xml');
    const model = doc.getElementsByTagName('mxGraphModel')[0];
    const page = { width: Number(model.getAttribute('pageWidth')), height: Number(model.getAttribute('pageHeight')) };
    const cells = [...doc.getElementsByTagName('mxCell')].map((c: Element): Cell => {
        const holder = c.parentNode as Element;
        const wrapped = holder.nodeName === 'UserObject';
        const g = c.getElementsByTagName('mxGeometry')[0];
        const num = (a: string) => Number(g.getAttribute(a) ?? 0);
        return {
            id: (wrapped ? holder : c).getAttribute('id')!,
            label: (wrapped ? holder.getAttribute('label') : c.getAttribute('value')) ?? '',
            parent: c.getAttribute('parent') ?? '',
            vertex: c.getAttribute('vertex') === '1',
            edge: c.getAttribute('edge') === '1',
            source: c.getAttribute('source') ?? undefined,
            target: c.getAttribute('target') ?? undefined,
            geometry: g && g.getAttribute('relative') !== '1'
                ? { x: num('x'), y: num('y'), width: num('width'), height: num('height') }
                : undefined,
        };
    });
    return { page, cells, byId: new Map(cells.map(c => [c.id, c])) };
}

function expectInside(graph: ExportGraph) {
    const { page, cells, byId } = open(toDrawio(graph));
    const absolute = (c: Cell): { x: number; y: number } => {
        const parent = byId.get(c.parent);
        const origin = parent?.vertex ? absolute(parent) : { x: 0, y: 0 };
        return { x: origin.x + c.geometry!.x, y: origin.y + c.geometry!.y };
    };
    const vertices = cells.filter(c => c.vertex);
    expect(vertices.length).toBe(graph.nodes.length + graph.bands.length);
    for (const c of vertices) {
        const { x, y } = absolute(c), { width, height } = c.geometry!;
        expect(width > 0 && height > 0, c.id).toBe(true);
        expect(x >= 0 && y >= 0 && x + width <= page.width && y + height <= page.height, `${c.id} on the page`).toBe(
            true,
        );
        const parent = byId.get(c.parent)!;
        if (parent.vertex) {
            const g = parent.geometry!;
            expect(c.geometry!.x + width <= g.width && c.geometry!.y + height <= g.height, `${c.id} in ${parent.id}`)
                .toBe(true);
        }
    }
    return { cells, byId };
}

describe('draw.io export', () => {
    it('is well-formed XML with every shape inside the page and its parent, and every label as written', async () => {
        const { graph } = await hostileCase();
        const { cells, byId } = expectInside(graph);
        expect(cells.filter(c => c.vertex).map(c => c.label).sort()).toEqual(labelsOf(graph).sort());
        const edges = cells.filter(c => c.edge);
        expect(edges.map(e => e.label).sort()).toEqual(graph.edges.map(edgeLabel).sort());
        for (const e of edges) expect(byId.get(e.source!)?.vertex && byId.get(e.target!)?.vertex).toBe(true);
    });

    it('nests capabilities in their platform and platforms in their layer band', async () => {
        const { graph } = await hostileCase();
        const { byId } = open(toDrawio(graph));
        const id = (name: string) => graph.nodes.find(n => n.node.name === name)!.id;
        expect(byId.get(id('PlaceOrder'))!.parent).toBe(id('Trade'));
        expect(byId.get(id('Trade'))!.parent).toBe('layer_platform');
        expect(byId.get('layer_platform')!.label).toBe('Middle platforms');
    });

    it('keeps a large view on the page: rows wrap, containers grow', async () => {
        const caps = Array.from({ length: 150 }, (_, i) => `  capability C${i} "能力 ${i} with a longer title" { }`);
        const elements = Array.from(
            { length: 300 },
            (_, i) => `element E${i} "要素 ${i}" : sales { uses P.C${i % 150} }`,
        );
        const { result } = await check([`platform P "中台" : business {`, ...caps, '}', ...elements].join('\n'));
        const graph = exportGraph(result.model, findView(result.model, undefined)!);
        expect(graph.nodes.length).toBe(451);
        expectInside(graph);
    });
});
