// The model part of the Structurizr export: actors are people; elements, platforms,
// infrastructure groups and lone resources software systems, grouped by layer;
// capabilities and the resources of a group their containers. Tags carry the
// Structurizr type, keyword and kind, relationship tags the relation, properties
// (`bos.*` and the property words) everything else, so that an importer can map the
// workspace back. A dependency between boxes of different systems is also given as
// implied relationships between their systems (`linkedRelationshipId`), as Structurizr's
// DSL does, so that a landscape shows it.
import { distinctNames } from './identifiers.js';
import { propertyTexts } from './quantities.js';
import { decimal } from './text.js';
import { edgeLabel, type ExportGraph, type ExportNode, LAYER_TITLES } from './view-graph.js';

export interface Relationship {
    id: string;
    tags?: string;
    sourceId: string;
    destinationId: string;
    description: string;
    properties?: Record<string, string>;
    linkedRelationshipId?: string;
}

export interface Element {
    id: string;
    tags: string;
    name: string;
    description?: string;
    technology?: string;
    group?: string;
    location?: string;
    properties: Record<string, string>;
    relationships?: Relationship[];
    containers?: Element[];
}

/** The Structurizr type of a box: people and software systems at the top level, containers inside. */
export function typeOf(n: ExportNode): 'Container' | 'Person' | 'Software System' {
    if (n.parent) return 'Container';
    return n.keyword === 'actor' ? 'Person' : 'Software System';
}

function element(n: ExportNode, id: string, name: string): Element {
    const tags = [
        'Element',
        typeOf(n),
        n.keyword,
        ...(n.kind ? [n.kind] : []),
        ...n.node.tags.filter(t => !t.includes(',')),
    ];
    const properties: Record<string, string> = {
        'bos.name': n.node.id ?? '',
        'bos.keyword': n.keyword,
        'bos.layer': n.layer,
        ...(n.kind ? { 'bos.kind': n.kind } : {}),
        ...(n.node.title !== undefined ? { 'bos.title': n.node.title } : {}),
        ...propertyTexts(n.node),
    };
    return {
        id,
        tags: [...new Set(tags)].join(','),
        name,
        ...(n.node.description !== undefined ? { description: n.node.description } : {}),
        ...(n.parent ? { technology: n.kind ?? n.keyword } : { group: LAYER_TITLES[n.layer], location: 'Unspecified' }),
        properties,
    };
}

/** The workspace's model: its elements, by box, and every relationship, written or implied. */
export interface StructurizrModel {
    ids: Map<ExportNode, string>;
    /** People and software systems, in model order. */
    top: ExportNode[];
    elements: Map<ExportNode, Element>;
    relationships: Relationship[];
}

export function structurizrModel(graph: ExportGraph): StructurizrModel {
    const ids = new Map<ExportNode, string>(graph.nodes.map((n, i) => [n, String(i + 1)]));
    const top = graph.nodes.filter(n => !n.parent);
    const names = distinctNames(top, n => n.label, n => n.node.id ?? n.id);
    for (const n of top) {
        for (const [child, name] of distinctNames(n.children, c => c.label, c => c.node.id ?? c.id)) {
            names.set(child, name);
        }
    }
    const elements = new Map<ExportNode, Element>(graph.nodes.map(n => [n, element(n, ids.get(n)!, names.get(n)!)]));
    for (const n of graph.nodes) {
        if (n.parent) (elements.get(n.parent)!.containers ??= []).push(elements.get(n)!);
    }

    let next = graph.nodes.length + 1;
    const relationships: Relationship[] = [];
    const between = new Set<string>();
    const add = (from: ExportNode, to: ExportNode, r: Omit<Relationship, 'id' | 'sourceId' | 'destinationId'>) => {
        const rel = { id: String(next++), sourceId: ids.get(from)!, destinationId: ids.get(to)!, ...r };
        between.add(`${rel.sourceId}>${rel.destinationId}`);
        relationships.push(rel);
        (elements.get(from)!.relationships ??= []).push(rel);
        return rel;
    };
    const written = graph.edges.map(e => ({
        edge: e,
        rel: add(e.source, e.target, {
            tags: `Relationship,${e.relation}`,
            description: edgeLabel(e),
            properties: {
                'bos.relation': e.relation,
                ...(e.weight === undefined ? { 'bos.lifted': 'true' } : { 'bos.weight': decimal(e.weight) }),
            },
        }),
    }));
    // Implied relationships, unless the two already have one (Structurizr's default strategy).
    for (const { edge, rel } of written) {
        const froms = [edge.source, edge.source.parent], tos = [edge.target, edge.target.parent];
        for (const from of froms) {
            for (const to of tos) {
                if (!from || !to || from === to || to.parent === from || from.parent === to) continue;
                if (between.has(`${ids.get(from)}>${ids.get(to)}`)) continue;
                add(from, to, { description: rel.description, linkedRelationshipId: rel.id });
            }
        }
    }
    return { ids, top, elements, relationships };
}
