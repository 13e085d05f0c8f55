// How each edge kind and layer looks in the formats that take styles: the dash pattern
// and width are the relation table's (model/relations.ts), the colours those of the
// diagram's light theme (diagram/theme.ts), so an export reads like `bos render`.
import { EDGE_KINDS, type EdgeKind } from '../diagram/graph.js';
export { edgeClass } from '../diagram/theme.js';
import { facts } from '../model/relations.js';
import type { Layer } from '../model/vocabulary.js';

export interface EdgeLook {
    colour: string;
    /** SVG dash pattern, '' for a solid line. */
    dash: string;
    width: number;
    /** The nearest line of formats that only name a few: solid, dashed, dotted or bold. */
    line: 'solid' | 'dashed' | 'dotted' | 'bold';
}

const EDGE_COLOURS: Readonly<Record<EdgeKind, string>> = {
    'uses': '#6e7781',
    'runs on': '#bc4c00',
    'calls': '#0969da',
    'depends on': '#8250df',
};

/** A long first dash reads as dashed, a short one as dotted; a solid line above 1.5 px as bold. */
function lineOf(dash: string, width: number): EdgeLook['line'] {
    if (dash === '') return width > 1.5 ? 'bold' : 'solid';
    return Number(dash.split(' ')[0]) >= 4 ? 'dashed' : 'dotted';
}

export const EDGE_LOOKS = Object.fromEntries(EDGE_KINDS.map(kind => {
    const { dash, width } = facts(kind).edge!;
    return [kind, { colour: EDGE_COLOURS[kind], dash, width, line: lineOf(dash, width) }];
})) as Readonly<Record<EdgeKind, EdgeLook>>;

export const LAYER_COLOURS: Readonly<Record<Layer, { fill: string; stroke: string }>> = {
    actors: { fill: '#f3e8ff', stroke: '#8250df' },
    commerce: { fill: '#ddf4ff', stroke: '#0969da' },
    platform: { fill: '#dafbe1', stroke: '#1a7f37' },
    infrastructure: { fill: '#fff1e5', stroke: '#bc4c00' },
};
