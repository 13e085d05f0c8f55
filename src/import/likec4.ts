// A LikeC4 JSON export (`likec4 export json`, the computed model of LikeC4 1.x) read
// into the neutral shape. Element ids are dotted paths, so the parent of `shop.api` is
// `shop`; deployment nodes and instances live in their own namespace (`deployment:`).
import * as z from 'zod/v4';
import { parsed } from './schema.js';
import type { ImportSource, SourceElement, SourceRelation, SourceView } from './source.js';

const Text = z.union([z.string(), z.object({ txt: z.string() }), z.object({ md: z.string() })]).nullish();
const Fields = {
    title: z.string().nullish(),
    description: Text,
    technology: z.string().nullish(),
    tags: z.array(z.string()).nullish(),
    style: z.object({ shape: z.string().optional() }).nullish(),
};
const Element = z.object({ id: z.string(), kind: z.string(), ...Fields });
const Instance = z.object({ id: z.string(), element: z.string() });
const Endpoint = z.union([z.string(), z.object({ model: z.string() }), z.object({ deployment: z.string() })]);
const Relation = z.object({
    source: Endpoint,
    target: Endpoint,
    title: z.string().nullish(),
    description: Text,
    technology: z.string().nullish(),
});
const View = z.object({
    id: z.string(),
    _type: z.string().optional(),
    title: z.string().nullish(),
    nodes: z.array(z.object({ id: z.string(), deploymentRef: z.string().nullish() })).default([]),
});
const Export = z.object({
    project: z.object({ title: z.string().nullish() }).nullish(),
    projectId: z.string().nullish(),
    elements: z.record(z.string(), Element),
    relations: z.record(z.string(), Relation),
    views: z.record(z.string(), View).default({}),
    deployments: z.object({
        elements: z.record(z.string(), z.union([Instance, Element])).default({}),
        relations: z.record(z.string(), Relation).default({}),
    }).default({ elements: {}, relations: {} }),
});

type Fielded = z.infer<typeof Element>;

const DEPLOYMENT = 'deployment:';
const parentOf = (id: string) => (id.includes('.') ? id.slice(0, id.lastIndexOf('.')) : undefined);
const text = (
    t: z.infer<typeof Text>,
) => (t == null ? undefined : typeof t === 'string' ? t : 'txt' in t ? t.txt : t.md);

function element(e: Fielded, role: SourceElement['role'], prefix = ''): SourceElement {
    const name = e.id.split('.').pop()!;
    const parent = parentOf(e.id);
    return {
        id: prefix + e.id,
        name,
        label: e.title ?? name,
        description: text(e.description),
        technology: e.technology ?? undefined,
        tags: e.tags ?? [],
        parent: parent === undefined ? undefined : prefix + parent,
        role,
        hints: [e.kind, ...(e.style?.shape ? [`shape:${e.style.shape}`] : [])],
    };
}

function endpoint(e: z.infer<typeof Endpoint>): string {
    if (typeof e === 'string') return e;
    return 'model' in e ? e.model : DEPLOYMENT + e.deployment;
}

function relation(r: z.infer<typeof Relation>): SourceRelation {
    const description = [r.title, text(r.description)].filter(Boolean).join(': ');
    return {
        source: endpoint(r.source),
        target: endpoint(r.target),
        description: description || undefined,
        technology: r.technology ?? undefined,
    };
}

export function readLikeC4(json: unknown): ImportSource {
    const data = parsed(Export, json, 'LikeC4 export');
    const notes: string[] = [];
    const elements = Object.values(data.elements).map(e => element(e, 'structure'));
    const instances = [];
    for (const d of Object.values(data.deployments.elements)) {
        if ('element' in d) {
            instances.push({ id: DEPLOYMENT + d.id, element: d.element, node: DEPLOYMENT + parentOf(d.id) });
        } else elements.push(element(d, 'node', DEPLOYMENT));
    }
    const views: SourceView[] = Object.values(data.views).map(v => {
        if (v._type === 'dynamic') {
            notes.push(`dynamic view ${v.id}: the order of its steps (a view keeps what it shows)`);
        }
        const prefix = v._type === 'deployment' ? DEPLOYMENT : '';
        return {
            key: v.id,
            title: v.title ?? undefined,
            elements: v.nodes.map(n => prefix + (n.deploymentRef ?? n.id)),
        };
    });
    return {
        tool: 'LikeC4',
        // `default` is what LikeC4 calls a project nobody named.
        name: [data.project?.title, data.projectId].find(n => n && n !== 'default') ?? undefined,
        elements,
        relations: [...Object.values(data.relations), ...Object.values(data.deployments.relations)].map(relation),
        instances,
        views,
        notes,
    };
}
