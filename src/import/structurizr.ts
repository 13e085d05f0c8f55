// A Structurizr workspace (JSON, as the DSL, Lite, the cloud service and the client
// libraries write it, older and current) read into the neutral shape. Relationships
// with a `linkedRelationshipId` are implied copies of another one and are skipped, as
// are those a BOS export marked lifted; `bos.*` properties become hints.
import * as z from 'zod/v4';
import { DECLARATION_KEYWORDS, type DeclarationKeyword } from '../model/vocabulary.js';
import { parsed } from './schema.js';
import type { BosHint, ImportSource, SourceElement, SourceInstance, SourceRelation, SourceView } from './source.js';

const Id = z.union([z.string(), z.number()]).transform(String);
const Properties = z.record(z.string(), z.string()).nullish();
const Relationship = z.object({
    id: Id.optional(),
    sourceId: Id,
    destinationId: Id,
    description: z.string().nullish(),
    technology: z.string().nullish(),
    properties: Properties,
    linkedRelationshipId: Id.nullish(),
});
const Base = {
    id: Id,
    name: z.string().nullish(),
    description: z.string().nullish(),
    technology: z.string().nullish(),
    tags: z.string().nullish(),
    properties: Properties,
    relationships: z.array(Relationship).nullish(),
};
const Element = z.object(Base);
const Container = z.object({ ...Base, components: z.array(Element).nullish() });
const System = z.object({ ...Base, containers: z.array(Container).nullish() });
const Instance = z.object({
    id: Id,
    containerId: Id.optional(),
    softwareSystemId: Id.optional(),
    relationships: z.array(Relationship).nullish(),
});
interface Node extends z.infer<typeof Element> {
    environment?: string | null;
    children?: Node[] | null;
    infrastructureNodes?: (z.infer<typeof Element> & { environment?: string | null })[] | null;
    containerInstances?: z.infer<typeof Instance>[] | null;
    softwareSystemInstances?: z.infer<typeof Instance>[] | null;
}
const DeploymentNode: z.ZodType<Node> = z.lazy(() =>
    z.object({
        ...Base,
        environment: z.string().nullish(),
        children: z.array(DeploymentNode).nullish(),
        infrastructureNodes: z.array(z.object({ ...Base, environment: z.string().nullish() })).nullish(),
        containerInstances: z.array(Instance).nullish(),
        softwareSystemInstances: z.array(Instance).nullish(),
    })
);
const View = z.object({
    key: z.string().nullish(),
    title: z.string().nullish(),
    description: z.string().nullish(),
    elements: z.array(z.object({ id: Id })).nullish(),
});
const VIEW_LISTS = [
    'systemLandscapeViews',
    'systemContextViews',
    'containerViews',
    'componentViews',
    'dynamicViews',
    'deploymentViews',
    'customViews',
] as const;
const Workspace = z.object({
    name: z.string().nullish(),
    model: z.object({
        people: z.array(Element).nullish(),
        softwareSystems: z.array(System).nullish(),
        deploymentNodes: z.array(DeploymentNode).nullish(),
        customElements: z.array(Element).nullish(),
    }),
    views: z.object({
        ...Object.fromEntries(VIEW_LISTS.map(k => [k, z.array(View).nullish()])),
        filteredViews: z.array(z.object({ key: z.string().nullish() })).nullish(),
        configuration: z.object({
            styles: z.object({
                elements: z.array(z.object({ tag: z.string(), shape: z.string().nullish() })).nullish(),
            }).nullish(),
        }).nullish(),
    }).nullish(),
});

/** Tags every Structurizr element of a type carries: they say nothing the type does not. */
const BUILT_IN = new Set([
    'Element',
    'Person',
    'Software System',
    'Container',
    'Component',
    'Deployment Node',
    'Infrastructure Node',
    'Container Instance',
    'Software System Instance',
]);

function hint(properties: Record<string, string>): BosHint | undefined {
    const keyword = properties['bos.keyword'] as DeclarationKeyword;
    if (!DECLARATION_KEYWORDS.includes(keyword) || !properties['bos.name']) return undefined;
    return {
        keyword,
        name: properties['bos.name'],
        kind: properties['bos.kind'],
        title: properties['bos.title'],
        properties,
    };
}

export function readStructurizr(json: unknown): ImportSource {
    const data = parsed(Workspace, json, 'Structurizr workspace');
    const { model } = data;
    const shapes = new Map((data.views?.configuration?.styles?.elements ?? []).map(s => [s.tag, s.shape]));
    const elements: SourceElement[] = [];
    const relations: SourceRelation[] = [];
    const instances: SourceInstance[] = [];
    const notes: string[] = [];

    const take = (rels: z.infer<typeof Relationship>[] | null | undefined) => {
        for (const r of rels ?? []) {
            const properties = r.properties ?? {};
            if (r.linkedRelationshipId != null || properties['bos.lifted'] === 'true') continue;
            // Only a plain decimal is a BOS weight; anything else counts as none (1).
            const weight = /^[0-9]+(\.[0-9]+)?$/.test(properties['bos.weight'] ?? '')
                ? properties['bos.weight']
                : undefined;
            relations.push({
                source: r.sourceId,
                target: r.destinationId,
                description: r.description ?? undefined,
                technology: r.technology ?? undefined,
                bos: properties['bos.relation'] ? { relation: properties['bos.relation'], weight } : undefined,
            });
        }
    };
    const add = (e: z.infer<typeof Element>, role: SourceElement['role'], parent?: string, environment?: string) => {
        const allTags = (e.tags ?? '').split(',').map(t => t.trim()).filter(t => t);
        const properties = e.properties ?? {};
        const name = e.name ?? e.id;
        elements.push({
            id: e.id,
            name,
            label: name,
            description: e.description ?? undefined,
            technology: e.technology ?? undefined,
            tags: allTags.filter(t => !BUILT_IN.has(t)),
            parent,
            role,
            hints: allTags.flatMap(t => (shapes.get(t) ? [`shape:${shapes.get(t)!.toLowerCase()}`] : [])),
            environment,
            bos: hint(properties),
        });
        take(e.relationships);
    };

    for (const p of model.people ?? []) add(p, 'person');
    for (const s of model.softwareSystems ?? []) {
        add(s, 'structure');
        for (const c of s.containers ?? []) {
            add(c, 'structure', s.id);
            for (const k of c.components ?? []) add(k, 'structure', c.id);
        }
    }
    const environments = new Set<string>();
    const deploy = (n: Node, parent: string | undefined) => {
        const environment = n.environment ?? 'Default';
        if (!environments.has(environment)) {
            environments.add(environment);
            elements.push({
                id: `environment:${environment}`,
                name: environment,
                label: environment,
                tags: [],
                role: 'node',
                hints: [],
            });
        }
        add(n, 'node', parent ?? `environment:${environment}`, environment);
        for (const i of n.infrastructureNodes ?? []) add(i, 'node', n.id, environment);
        for (const i of [...(n.containerInstances ?? []), ...(n.softwareSystemInstances ?? [])]) {
            const element = i.containerId ?? i.softwareSystemId;
            if (element !== undefined) instances.push({ id: i.id, element, node: n.id });
            take(i.relationships);
        }
        for (const child of n.children ?? []) deploy(child, n.id);
    };
    for (const n of model.deploymentNodes ?? []) deploy(n, undefined);
    for (const c of model.customElements ?? []) {
        notes.push(`custom element ${c.name ?? c.id}: BOS has no such declaration`);
    }

    const views: SourceView[] = [];
    for (const list of VIEW_LISTS) {
        const listed = (data.views as Record<string, z.infer<typeof View>[] | null | undefined> | null | undefined)
            ?.[list];
        for (const v of listed ?? []) {
            const key = v.key ?? `View${views.length + 1}`;
            views.push({
                key,
                title: v.title ?? v.description ?? undefined,
                elements: (v.elements ?? []).map(e => e.id),
            });
        }
    }
    for (const f of data.views?.filteredViews ?? []) {
        notes.push(`filtered view ${f.key ?? ''}: BOS views have no tag filters`);
    }
    return { tool: 'Structurizr', name: data.name ?? undefined, elements, relations, instances, views, notes };
}
