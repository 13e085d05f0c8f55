// The D2 export compiled by D2 itself (its WASM build, @terrastruct/d2): it must
// compile, and every box, band and edge must come out with its label as written.
import { D2 } from '@terrastruct/d2';
import { describe, expect, it } from 'vitest';
import { toD2 } from '../src/export/d2.js';
import { edgeLabel } from '../src/export/view-graph.js';
import { hostileCase } from './export-cases.js';

describe('d2 export', () => {
    it('compiles in D2 with every label, nesting and edge kept', async () => {
        const { graph } = await hostileCase();
        const text = toD2(graph);
        const { diagram } = await new D2().compile(text);
        const labels = new Map(diagram.shapes.map(s => [s.id, (s as { label?: string }).label]));
        for (const band of graph.bands) expect(labels.get(band.id)).toBe(band.title);
        for (const n of graph.nodes) {
            let path = n.id;
            for (let p = n.parent; p; p = p.parent) path = `${p.id}.${path}`;
            expect(labels.get(`layer_${n.layer}.${path}`), n.node.id).toBe(n.label);
        }
        expect(labels.get('title')).toBe(graph.title);
        const edges = diagram.connections.map(c => `${c.src.split('.').pop()} ${c.label} ${c.dst.split('.').pop()}`);
        expect(edges.sort()).toEqual(graph.edges.map(e => `${e.source.id} ${edgeLabel(e)} ${e.target.id}`).sort());
        const dashes = new Map(diagram.connections.map(c => [c.label.split(' ×')[0], c.strokeDash]));
        expect(dashes.get('runs on')).toBeGreaterThan(0);
        expect(dashes.get('calls')).toBe(0);
        const shapes = new Map(graph.nodes.map(n => [n.node.name, n]));
        const shapeOf = (name: string) => {
            const n = shapes.get(name)!;
            return diagram.shapes.find(s => s.id.endsWith(`.${n.id}`))!.type;
        };
        expect([shapeOf('Consumer'), shapeOf('DB'), shapeOf('MQ')]).toEqual(['person', 'cylinder', 'queue']);
    }, 60_000);
});
