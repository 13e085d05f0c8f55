// The view as every export format reads it: the diagram graph of the view
// (diagram/graph.ts) with nothing folded, each box with its declaration, its children and
// its layer band, and each edge with the weight written on it. Formats only print this.
import { buildDiagram, type EdgeKind } from '../diagram/graph.js';
import type { ViewChoice } from '../diagram/view.js';
import type { BosModel, ModelNode } from '../model/model.js';
import { type Layer, LAYERS } from '../model/vocabulary.js';
import { decimal } from './text.js';

export interface ExportNode {
    /** `n<model index>`: ASCII, unique, and the same id in every format. */
    id: string;
    node: ModelNode;
    /** The title, or the name when there is none. */
    label: string;
    keyword: string;
    kind?: string;
    layer: Layer;
    parent?: ExportNode;
    children: ExportNode[];
}

export interface ExportEdge {
    source: ExportNode;
    target: ExportNode;
    relation: EdgeKind;
    /**
     * The sum of the weights the source writes on its references to the target (`x 2`);
     * undefined for an edge drawn from a container on behalf of children the view hides.
     */
    weight?: number;
}

export interface LayerBand {
    layer: Layer;
    /** `layer_<layer>`: the id of the band's group in every format. */
    id: string;
    title: string;
    /** Top-level boxes of the band, in model order. */
    roots: ExportNode[];
}

export interface ExportGraph {
    /** Qualified name of the view (`Overview` for the implicit one) and its title. */
    view: string;
    title: string;
    /** The bands that hold something, top (actors) to bottom (infrastructure). */
    bands: LayerBand[];
    /** Every box in model order: containers before their children. */
    nodes: ExportNode[];
    edges: ExportEdge[];
}

export const LAYER_TITLES: Readonly<Record<Layer, string>> = {
    actors: 'Actors',
    commerce: 'Commerce elements',
    platform: 'Middle platforms',
    infrastructure: 'Infrastructure',
};

export function exportGraph(model: BosModel, view: ViewChoice): ExportGraph {
    // Exports are text, not a layout: they keep every box however large the view.
    const diagram = buildDiagram(model, view, undefined, Infinity);
    const byId = new Map<string, ExportNode>();
    const nodes = diagram.nodes.map(d => {
        const node: ExportNode = {
            id: d.id,
            node: model.nodes[Number(d.id.slice(1))],
            label: d.label,
            keyword: d.keyword,
            kind: d.kind,
            layer: d.layer,
            children: [],
        };
        byId.set(d.id, node);
        return node;
    });
    for (const d of diagram.nodes) {
        if (d.parent === undefined) continue;
        const child = byId.get(d.id)!;
        child.parent = byId.get(d.parent)!;
        child.parent.children.push(child);
    }
    const weights = writtenWeights(nodes);
    const edges = diagram.edges.map(e => {
        const source = byId.get(e.source)!, target = byId.get(e.target)!;
        return { source, target, relation: e.kind, weight: weights.get(edgeKey(source.node, target.node, e.kind)) };
    });
    const bands = LAYERS.map(layer => ({
        layer,
        id: `layer_${layer}`,
        title: LAYER_TITLES[layer],
        roots: nodes.filter(n => !n.parent && n.layer === layer),
    })).filter(b => b.roots.length > 0);
    return { view: diagram.view, title: diagram.title, bands, nodes, edges };
}

const edgeKey = (from: ModelNode, to: ModelNode, relation: string) => `${from.index}>${to.index}>${relation}`;

/** A reference written twice to the same target (`runs on R, R x 2`) carries both weights. */
function writtenWeights(nodes: readonly ExportNode[]): Map<string, number> {
    const weights = new Map<string, number>();
    for (const { node } of nodes) {
        for (const d of node.structural) {
            if (!d.target) continue;
            const key = edgeKey(node, d.target, d.relation);
            weights.set(key, (weights.get(key) ?? 0) + d.weight);
        }
    }
    return weights;
}

/** What an edge says: its relation, and its weight when that is not 1 (`runs on ×2`). */
export function edgeLabel(edge: ExportEdge): string {
    return edge.weight === undefined || edge.weight === 1 ? edge.relation : `${edge.relation} ×${decimal(edge.weight)}`;
}

/** The box's second line: its keyword, and its kind when it has one (`resource · database`). */
export function kindLabel(n: ExportNode): string {
    return n.kind ? `${n.keyword} · ${n.kind}` : n.keyword;
}
