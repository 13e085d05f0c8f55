// A view as a PlantUML C4 container diagram (the C4 standard library): a boundary per
// layer band, a system boundary per BOS container; actors are persons, elements systems,
// capabilities and resources containers (databases as ContainerDb). Dependencies are
// plain PlantUML arrows, which both old and new C4 libraries draw, coloured and dashed
// per relation and labelled with it.
import { blockLines } from './blocks.js';
import { EDGE_LOOKS } from './style.js';
import { printable } from './text.js';
import { edgeLabel, type ExportGraph, type ExportNode } from './view-graph.js';

// Creole markup (`<b>`, `[[link]]`, `~`, `**bold**`, `--strike--`…), the preprocessor
// (`$var`, `%function`) and the string's own quote are written as PlantUML's Unicode
// escape `<U+0022>`; a line end is its `\n`, so a backslash is escaped too. (Numeric
// references such as `&#36;` read as well, but PlantUML 1.2020 crashes on `$` and `\`.)
const MARKUP = /["&<>[\]|\\~$%]|([*/_\-=^'])(?=\1)/g;

const unicodeEscape = (c: string) => `<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`;

/** A label as PlantUML text, for a quoted macro argument or after an arrow's `:`. */
export function plantumlText(text: string): string {
    return printable(text).replace(MARKUP, unicodeEscape).replace(/\n/g, '\\n');
}

const quoted = (text: string) => `"${plantumlText(text)}"`;

function box(n: ExportNode): string {
    const label = quoted(n.label), kind = quoted(n.kind ?? n.keyword);
    switch (n.keyword) {
        case 'actor':
            return `Person(${n.id}, ${label}, ${kind})`;
        case 'capability':
            return `Container(${n.id}, ${label}, ${kind})`;
        case 'resource':
            return n.kind === 'database' || n.kind === 'storage'
                ? `ContainerDb(${n.id}, ${label}, ${kind})`
                : `Container(${n.id}, ${label}, ${kind})`;
        default:
            return `System(${n.id}, ${label}, ${kind})`;
    }
}

export function toPlantUml(graph: ExportGraph): string {
    const lines = [
        '@startuml',
        `' BOS view ${graph.view}, written by bos export`,
        '!include <C4/C4_Container>',
        `title ${plantumlText(graph.title)}`,
        ...blockLines(graph, {
            band: b => [`Boundary(${b.id}, ${quoted(b.title)}) {`, '}'],
            container: n => [`System_Boundary(${n.id}, ${quoted(n.label)}) {`, '}'],
            box,
        }),
        ...graph.edges.map(e => {
            const { colour, line } = EDGE_LOOKS[e.relation];
            const style = line === 'solid' ? colour : `${colour},${line}`;
            return `${e.source.id} -[${style}]-> ${e.target.id} : ${plantumlText(edgeLabel(e))}`;
        }),
        '@enduml',
    ];
    return lines.join('\n') + '\n';
}
