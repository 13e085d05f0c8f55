// Mermaid, PlantUML and D2 all write groups as nested blocks: a band per layer, a block
// per container that shows children, a line per box. One walk writes all three.
import type { ExportGraph, ExportNode, LayerBand } from './view-graph.js';

export interface BlockSyntax {
    /** The lines that open and close a layer's band. */
    band(band: LayerBand): [open: string, close: string];
    /** The lines that open and close a container that shows children. */
    container(node: ExportNode): [open: string, close: string];
    /** The line of a box without children shown. */
    box(node: ExportNode): string;
}

export function blockLines(graph: ExportGraph, syntax: BlockSyntax, indent = '  '): string[] {
    const out: string[] = [];
    const write = (n: ExportNode, depth: number) => {
        const pad = indent.repeat(depth);
        if (n.children.length === 0) {
            out.push(pad + syntax.box(n));
            return;
        }
        const [open, close] = syntax.container(n);
        out.push(pad + open);
        for (const c of n.children) write(c, depth + 1);
        out.push(pad + close);
    };
    for (const band of graph.bands) {
        const [open, close] = syntax.band(band);
        out.push(open);
        for (const n of band.roots) write(n, 1);
        out.push(close);
    }
    return out;
}
