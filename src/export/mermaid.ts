// A view as a Mermaid flowchart: a subgraph per layer band and per container, an arrow
// per dependency labelled with its relation, one line style per relation (linkStyle).
import { EDGE_KINDS, type EdgeKind } from '../diagram/graph.js';
import { LAYERS } from '../model/vocabulary.js';
import { blockLines } from './blocks.js';
import { EDGE_LOOKS, LAYER_COLOURS } from './style.js';
import { printable } from './text.js';
import { edgeLabel, type ExportGraph } from './view-graph.js';

/** Mermaid's arrow for each line: the label says the relation, the arrow only hints at it. */
const ARROWS: Readonly<Record<EdgeKind, string>> = {
    'uses': '-->',
    'runs on': '-.->',
    'calls': '==>',
    'depends on': '-.->',
};

// Mermaid decodes `#name;` and `#123;` in labels; `<br>` is its line break. Quotes, `#`
// and markup characters are written as such codes, so no title can end the string or
// start HTML.
const SPECIAL = /["#&<>|`\\]/g;

/** A label as a quoted Mermaid string. */
export function mermaidString(text: string): string {
    const coded = printable(text).replace(SPECIAL, c => `#${c.codePointAt(0)};`).replace(/\n/g, '<br>');
    return `"${coded}"`;
}

/**
 * The diagram's title, for the front matter (YAML reads a JSON string as a double-quoted
 * scalar). Mermaid 11 passes it through its HTML sanitiser and then shows the result as
 * text, so `&` would read `&amp;` and `<tag>` vanish: those three are written as their
 * full-width forms, which read the same.
 */
export function mermaidTitle(text: string): string {
    const fullWidth = (c: string) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0);
    return JSON.stringify(printable(text).replace(/\n/g, ' ').replace(/[&<>]/g, fullWidth));
}

export function toMermaid(graph: ExportGraph): string {
    const lines = [
        '---',
        `title: ${mermaidTitle(graph.title)}`,
        '---',
        `%% BOS view ${graph.view}, written by bos export`,
        'flowchart TB',
        ...blockLines(graph, {
            band: b => [`subgraph ${b.id}[${mermaidString(b.title)}]`, 'end'],
            container: n => [`subgraph ${n.id}[${mermaidString(n.label)}]`, 'end'],
            box: n => `${n.id}[${mermaidString(n.label)}]`,
        }, '  ').map(l => `  ${l}`),
    ];
    const byKind = new Map<EdgeKind, number[]>(EDGE_KINDS.map(k => [k, []]));
    graph.edges.forEach((e, i) => {
        lines.push(`  ${e.source.id} ${ARROWS[e.relation]}|${mermaidString(edgeLabel(e))}| ${e.target.id}`);
        byKind.get(e.relation)!.push(i);
    });
    for (const layer of LAYERS) {
        const { fill, stroke } = LAYER_COLOURS[layer];
        lines.push(`  classDef ${layer} fill:${fill},stroke:${stroke}`);
    }
    for (const layer of LAYERS) {
        const ids = graph.nodes.filter(n => n.layer === layer && n.children.length === 0).map(n => n.id);
        if (ids.length) lines.push(`  class ${ids.join(',')} ${layer}`);
    }
    for (const [kind, indices] of byKind) {
        if (!indices.length) continue;
        const { colour, dash, width } = EDGE_LOOKS[kind];
        const dashed = dash ? `,stroke-dasharray:${dash}` : '';
        lines.push(`  linkStyle ${indices.join(',')} stroke:${colour},stroke-width:${width}px${dashed}`);
    }
    return lines.join('\n') + '\n';
}
