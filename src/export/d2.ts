// A view as a D2 diagram: a container per layer band and per BOS container, a
// connection per dependency labelled with its relation and styled by a class per
// relation; actors are people, databases cylinders, message queues queues.
import { EDGE_KINDS } from '../diagram/graph.js';
import { LAYERS } from '../model/vocabulary.js';
import { blockLines } from './blocks.js';
import { EDGE_LOOKS, edgeClass, LAYER_COLOURS } from './style.js';
import { printable } from './text.js';
import { edgeLabel, type ExportGraph, type ExportNode } from './view-graph.js';

const D2_ESCAPES: Readonly<Record<string, string>> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '$': '\\$' };

/** A label as a double-quoted D2 string (`$` would start a substitution). */
export function d2String(text: string): string {
    return `"${printable(text).replace(/[\\"\n$]/g, c => D2_ESCAPES[c])}"`;
}

const SHAPES: Readonly<Record<string, string>> = {
    actor: 'person',
    database: 'cylinder',
    storage: 'stored_data',
    messaging: 'queue',
};

/** The key path of a box: its band, its container, itself (`layer_platform.n5.n6`). */
function path(n: ExportNode): string {
    return n.parent ? `${path(n.parent)}.${n.id}` : `layer_${n.layer}.${n.id}`;
}

function box(n: ExportNode): string {
    const shape = SHAPES[n.kind ?? ''] ?? SHAPES[n.keyword];
    const attrs = [`class: ${n.layer}`, ...(shape ? [`shape: ${shape}`] : [])];
    return `${n.id}: ${d2String(n.label)} { ${attrs.join('; ')} }`;
}

export function toD2(graph: ExportGraph): string {
    const classes = [
        ...LAYERS.map(l =>
            `  ${l}: { style: { fill: "${LAYER_COLOURS[l].fill}"; stroke: "${LAYER_COLOURS[l].stroke}" } }`
        ),
        ...EDGE_KINDS.map(k => {
            const { colour, dash, width } = EDGE_LOOKS[k];
            const dashed = dash ? `; stroke-dash: ${dash.split(' ')[0]}` : '';
            return `  ${edgeClass(k)}: { style: { stroke: "${colour}"; stroke-width: ${
                Math.round(width * 1.5)
            }${dashed} } }`;
        }),
    ];
    const lines = [
        `# BOS view ${graph.view}, written by bos export`,
        'direction: down',
        `title: ${d2String(graph.title)} { shape: text; near: top-center; style.font-size: 24 }`,
        'classes: {',
        ...classes,
        '}',
        ...blockLines(graph, {
            band: b => [`${b.id}: ${d2String(b.title)} {`, '}'],
            container: n => [`${n.id}: ${d2String(n.label)} {`, '}'],
            box,
        }),
        ...graph.edges.map(e =>
            `${path(e.source)} -> ${path(e.target)}: ${d2String(edgeLabel(e))} { class: ${edgeClass(e.relation)} }`
        ),
    ];
    return lines.join('\n') + '\n';
}
