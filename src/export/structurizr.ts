// A view as a Structurizr workspace (JSON, as Structurizr Lite, the cloud service and
// the client libraries read it): the model (structurizr-model.ts), one system landscape
// of the view's top-level boxes, a container view per container that shows children,
// both laid out automatically, and styles per keyword, kind and relation.
import { EDGE_KINDS } from '../diagram/graph.js';
import { layerOf } from '../model/vocabulary.js';
import { asciiKey } from './identifiers.js';
import { type Relationship, structurizrModel, typeOf } from './structurizr-model.js';
import { EDGE_LOOKS, LAYER_COLOURS } from './style.js';
import type { ExportGraph, ExportNode } from './view-graph.js';

export type { Element, Relationship } from './structurizr-model.js';

const AUTOMATIC_LAYOUT = {
    implementation: 'Graphviz',
    rankDirection: 'TopBottom',
    rankSeparation: 300,
    nodeSeparation: 300,
    edgeSeparation: 0,
    vertices: false,
};

export function toStructurizr(graph: ExportGraph): string {
    const { ids, top, elements, relationships } = structurizrModel(graph);
    const keys = new Set<string>();
    const viewKey = asciiKey(graph.view.split('.').pop()!, keys);
    /** A view of `members` and the relationships among them, found from each member's own. */
    const viewOf = (members: Iterable<ExportNode>) => {
        const inView = new Set(members);
        const inIds = new Set([...inView].map(n => ids.get(n)!));
        return {
            elements: [...inView].map(n => ({ id: ids.get(n)! })),
            relationships: [...inView].flatMap(n =>
                (elements.get(n)!.relationships ?? []).filter(r => inIds.has(r.destinationId)).map(r => ({ id: r.id }))
            ),
        };
    };
    const neighbours = neighboursOf(graph, ids, relationships);
    const containerViews = top.filter(n => n.children.length > 0).map((n, i) => ({
        key: asciiKey(`${viewKey}-${n.node.name}`, keys),
        order: i + 2,
        softwareSystemId: ids.get(n)!,
        title: `${graph.title} · ${n.label}`,
        automaticLayout: AUTOMATIC_LAYOUT,
        externalSoftwareSystemBoundariesVisible: true,
        ...viewOf([...n.children, ...(neighbours.get(n) ?? [])]),
    }));

    const workspace = {
        id: 0,
        name: graph.title,
        description: `BOS view ${graph.view}, written by bos export`,
        properties: { 'bos.view': graph.view },
        model: {
            people: top.filter(n => typeOf(n) === 'Person').map(n => elements.get(n)!),
            softwareSystems: top.filter(n => typeOf(n) === 'Software System').map(n => elements.get(n)!),
        },
        views: {
            systemLandscapeViews: [{
                key: viewKey,
                order: 1,
                title: graph.title,
                automaticLayout: AUTOMATIC_LAYOUT,
                enterpriseBoundaryVisible: true,
                ...viewOf(top),
            }],
            containerViews,
            configuration: { styles: styles() },
        },
    };
    return JSON.stringify(workspace, null, 2) + '\n';
}

/** For each container, the people and systems its boxes depend on or that depend on them. */
function neighboursOf(graph: ExportGraph, ids: Map<ExportNode, string>, relationships: readonly Relationship[]) {
    const byId = new Map(graph.nodes.map(n => [ids.get(n)!, n]));
    const neighbours = new Map<ExportNode, Set<ExportNode>>();
    for (const r of relationships) {
        const from = byId.get(r.sourceId)!, to = byId.get(r.destinationId)!;
        for (const [inner, outer] of [[from, to], [to, from]]) {
            if (!inner.parent || outer.parent || outer === inner.parent) continue;
            let set = neighbours.get(inner.parent);
            if (!set) neighbours.set(inner.parent, set = new Set());
            set.add(outer);
        }
    }
    return neighbours;
}

const LINE_STYLES = { solid: 'Solid', bold: 'Solid', dashed: 'Dashed', dotted: 'Dotted' } as const;

const SHAPES: Readonly<Record<string, string>> = {
    actor: 'Person',
    database: 'Cylinder',
    storage: 'Folder',
    messaging: 'Pipe',
    platform: 'RoundedBox',
    infrastructure: 'RoundedBox',
};

const DRAWN = ['actor', 'element', 'platform', 'capability', 'infrastructure', 'resource'] as const;

function styles() {
    return {
        elements: [
            ...DRAWN.map(tag => ({
                tag,
                background: LAYER_COLOURS[layerOf(tag)!].fill,
                stroke: LAYER_COLOURS[layerOf(tag)!].stroke,
                color: '#1f2328',
                ...(SHAPES[tag] ? { shape: SHAPES[tag] } : {}),
            })),
            ...['database', 'storage', 'messaging'].map(tag => ({ tag, shape: SHAPES[tag] })),
        ],
        relationships: EDGE_KINDS.map(kind => {
            const { colour, line, width } = EDGE_LOOKS[kind];
            return {
                tag: kind,
                color: colour,
                thickness: Math.round(width * 2),
                dashed: line === 'dashed' || line === 'dotted',
                style: LINE_STYLES[line],
            };
        }),
    };
}
