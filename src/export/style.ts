// How each edge kind and layer looks in the formats that take styles: the dash pattern
// and width are the relation table's (model/relations.ts), the colours those of the
// diagram's light theme (diagram/theme.ts), so an export reads like `bos render`.
import { EDGE_KINDS, type EdgeKind } from '../diagram/graph.js';
export { edgeClass } from '../diagram/theme.js';
import { PALETTES } from '../diagram/theme.js';
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

/** A long first dash reads as dashed, a short one as dotted; a solid line above 1.5 px as bold. */
function lineOf(dash: string, width: number): EdgeLook['line'] {
    if (dash === '') return width > 1.5 ? 'bold' : 'solid';
    return Number(dash.split(' ')[0]) >= 4 ? 'dashed' : 'dotted';
}

export const EDGE_LOOKS = Object.fromEntries(EDGE_KINDS.map(kind => {
    const { dash, width } = facts(kind).edge!;
    return [kind, { colour: PALETTES.light.edge[kind], dash, width, line: lineOf(dash, width) }];
})) as Readonly<Record<EdgeKind, EdgeLook>>;

export const LAYER_COLOURS: Readonly<Record<Layer, { fill: string; stroke: string }>> = PALETTES.light.layer;
