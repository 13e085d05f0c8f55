// From a tool's elements to BOS declarations (the table in docs/import.md): people become
// actors; a top-level system a platform (its kind read from its words), or a resource
// when it stores data; a system's containers its capabilities, or resources when they
// store data; deployment environments infrastructure groups whose nodes, at any depth,
// are their resources. A BOS export's own properties win over every heuristic, so a
// workspace `bos export` wrote reads back as the model it came from. What has no place
// (a component, anything nested deeper) is taken over by the nearest declaration that
// holds it, and noted.
import { propertiesOf } from '../model/properties.js';
import { article, type DeclarationKeyword } from '../model/vocabulary.js';
import { type Declaration, declaration, type MappedModel } from './declarations.js';
import { checkedHint } from './hints.js';
import { identifier, Namespace } from './identifiers.js';
import { isPerson, isStore, platformKind, resourceKind } from './kinds.js';
import { addDependency } from './relations.js';
import type { ImportSource, SourceElement, SourceRelation } from './source.js';

const PRODUCTION = /prod|live/i;
/** The namespace of every name the rules make. */
const RULES = 'rules';

export function mapSource(source: ImportSource): MappedModel {
    return new Mapping(source).run();
}

class Mapping {
    private readonly byId = new Map<string, SourceElement>();
    private readonly children = new Map<string | undefined, SourceElement[]>();
    /** The declaration each element became, or the one that took it over. */
    private readonly declarationOf = new Map<string, Declaration>();
    /** Where relations to and from an element land: a platform's stand-in capability. */
    private readonly endpointOf = new Map<string, Declaration>();
    private readonly nodeOfInstance = new Map<string, string>();
    private readonly packages = new Map<string, Declaration[]>();
    private readonly namespaces = new Map<string | Declaration, Namespace>();
    private readonly notes: string[];

    constructor(private readonly source: ImportSource) {
        this.notes = [...source.notes];
    }

    run(): MappedModel {
        for (const e of this.source.elements) this.byId.set(e.id, e);
        for (const e of this.source.elements) {
            // An element whose parent is missing from the file stands at the top.
            const parent = e.parent !== undefined && this.byId.has(e.parent) ? e.parent : undefined;
            const siblings = this.children.get(parent) ?? [];
            siblings.push(e);
            this.children.set(parent, siblings);
        }
        for (const i of this.source.instances) this.nodeOfInstance.set(i.id, i.node);
        // No name the rules make is a segment of a BOS export's names (see add()).
        const rules = this.namespace(RULES);
        for (const segment of this.source.elements.flatMap(e => e.bos?.name.split('.') ?? [])) {
            if (!rules.has(segment)) rules.claim(segment);
        }
        for (const root of this.children.get(undefined) ?? []) this.place(root, undefined);
        const fromPlatforms: SourceRelation[] = [];
        for (const r of this.source.relations) {
            if (this.endpoint(r.source)?.keyword === 'platform') fromPlatforms.push(r);
            else this.relate(r);
        }
        this.deploy();
        for (const r of fromPlatforms) if (!this.covered(r)) this.relate(r);
        for (const v of this.source.views) this.view(v.key, v.title, v.elements);
        return { packages: this.packages, notes: this.notes };
    }

    private namespace(key: string | Declaration): Namespace {
        let ns = this.namespaces.get(key);
        if (!ns) this.namespaces.set(key, ns = new Namespace());
        return ns;
    }

    /**
     * Files the declaration under a name of its own. Names the rules make are unique in the
     * whole import, at every depth and in every package: BOS reads a reference's first
     * segment as a sibling of its holder first, then as a name of the holder's package, so
     * `uses B` inside a container that holds a `B`, or in a package that has one, would not
     * name the `B` meant. A BOS export's names are kept (its model was valid), none of their
     * segments is a name the rules make (run()), and a stand-in shares its platform's name.
     */
    private add(d: Declaration, keep?: 'export' | 'stand-in'): Declaration {
        const own = keep === 'stand-in' || keep === 'export';
        d.name = (own ? this.namespace(d.parent ?? `package ${d.package}`) : this.namespace(RULES)).claim(d.name);
        if (d.parent) d.parent.children.push(d);
        else {
            const list = this.packages.get(d.package) ?? [];
            list.push(d);
            this.packages.set(d.package, list);
        }
        return d;
    }

    /** The keyword an element becomes under `parent`, or undefined when BOS has no place for it. */
    private keywordOf(e: SourceElement, parent: Declaration | undefined): DeclarationKeyword | undefined {
        if (e.bos) return e.bos.keyword;
        if (e.role === 'node') return parent ? 'resource' : 'infrastructure';
        if (isPerson(e)) return 'actor';
        if (!parent) return isStore(e) ? 'resource' : 'platform';
        if (parent.keyword === 'platform') return isStore(e) ? 'resource' : 'capability';
        return parent.keyword === 'infrastructure' ? 'resource' : undefined;
    }

    private place(given: SourceElement, parent: Declaration | undefined): void {
        const e = this.trusted(given, parent);
        const keyword = this.keywordOf(e, parent);
        if (!keyword) {
            this.takeOver(e, parent!);
            return;
        }
        // Resources of a platform stand at top level; deployment nodes at any depth sit in their environment's group.
        let container = keyword === 'actor' ? undefined : parent;
        if (keyword === 'resource' && container?.keyword === 'platform') container = undefined;
        if (keyword === 'resource' && container?.keyword === 'resource') container = container.parent;
        const hint = e.bos;
        const name = hint?.name.split('.').pop() ?? identifier(e.name, keyword[0].toUpperCase() + keyword.slice(1));
        const tags = hint ? parseTags(hint.properties.tags ?? '[]') : [...e.tags];
        if (!hint && e.technology && !tags.includes(e.technology)) tags.push(e.technology);
        const pkg = container ? container.package : hint ? packageOf(hint.name) : '';
        const d = this.add(
            declaration(keyword, name, pkg, {
                parent: container,
                title: hint?.title,
                kind: hint ? hint.kind : defaultKind(keyword, e),
                description: e.description,
                tags,
                properties: hint ? writtenProperties(keyword, hint.properties) : [],
            }),
            hint ? 'export' : undefined,
        );
        // The tool's label is the title whenever the name is not it, made unique or valid.
        if (!hint && e.label !== d.name) d.title = e.label;
        this.declarationOf.set(e.id, d);
        for (const child of this.children.get(e.id) ?? []) this.place(child, d);
        if (keyword === 'platform' && !hint && !d.children.some(c => c.keyword === 'capability')) {
            // A system without containers still depends on things: one capability stands for all of it.
            const standIn = this.add(declaration('capability', d.name, '', { parent: d, title: d.title }), 'stand-in');
            this.endpointOf.set(e.id, standIn);
        }
    }

    /** The element with the part of its BOS hint that makes valid BOS where it stands. */
    private trusted(e: SourceElement, parent: Declaration | undefined): SourceElement {
        if (!e.bos) return e;
        const { hint, notes } = checkedHint(e.bos, parent?.keyword, e.label);
        this.notes.push(...notes);
        return { ...e, bos: hint };
    }

    private takeOver(e: SourceElement, holder: Declaration): void {
        this.notes.push(
            `${e.label} (inside ${holder.title ?? holder.name}): BOS has nothing inside ${
                article(holder.keyword)
            } ${holder.keyword}; its relations are ${holder.name}'s`,
        );
        this.declarationOf.set(e.id, holder);
        for (const child of this.children.get(e.id) ?? []) this.takeOver(child, holder);
    }

    private endpoint(id: string): Declaration | undefined {
        const own = this.nodeOfInstance.get(id) ?? id;
        return this.endpointOf.get(own) ?? this.declarationOf.get(own);
    }

    private label(id: string): string {
        const e = this.byId.get(this.nodeOfInstance.get(id) ?? id);
        return e ? e.label : id;
    }

    /**
     * Whether a relation of a whole system is already said by one of its capabilities,
     * towards the same target or something inside it: Structurizr workspaces made before
     * `linkedRelationshipId` carry such implied relationships unmarked.
     */
    private covered(r: SourceRelation): boolean {
        const holder = this.endpoint(r.source)!, target = this.endpoint(r.target);
        return holder.children.some(c => c.dependencies.some(d => d.target === target || d.target.parent === target));
    }

    private relate(r: SourceRelation): void {
        const holder = this.endpoint(r.source), target = this.endpoint(r.target);
        // A BOS export's description is the relation's own word: nothing to keep.
        const said = r.bos ? [] : [r.description, r.technology && `[${r.technology}]`];
        const comment = said.filter(Boolean).join(' ') || undefined;
        const why = holder && target
            ? addDependency(holder, target, { hint: r.bos?.relation, weight: r.bos?.weight, comment })
            : 'one of its ends is not in the model';
        if (why) {
            const text = comment ? ` "${comment}"` : '';
            this.notes.push(`relation ${this.label(r.source)} → ${this.label(r.target)}${text}: ${why}`);
        }
    }

    /** Deployments become `runs on` (or `depends on`), from one environment: production's when it has one. */
    private deploy(): void {
        const environmentOf = (id: string): string => {
            let e = this.byId.get(id);
            while (e?.parent) e = this.byId.get(e.parent);
            return e?.id ?? id;
        };
        const used = [...new Set(this.source.instances.map(i => environmentOf(i.node)))];
        const chosen = used.find(id => PRODUCTION.test(`${id} ${this.label(id)}`)) ?? used[0];
        for (const i of this.source.instances) {
            const holder = this.endpoint(i.element), node = this.declarationOf.get(i.node);
            const where = `${this.label(i.element)} deployed on ${this.label(i.node)}`;
            if (environmentOf(i.node) !== chosen) {
                this.notes.push(
                    `${where} in ${this.label(environmentOf(i.node))}: runs on is taken from ${this.label(chosen)}`,
                );
                continue;
            }
            const why = holder && node ? addDependency(holder, node, {}) : 'one of its ends is not in the model';
            if (why) this.notes.push(`${where}: ${why}`);
        }
    }

    private view(key: string, title: string | undefined, ids: readonly string[]): void {
        const shown = [...new Set(ids.map(id => this.declarationOf.get(this.nodeOfInstance.get(id) ?? id)))]
            .filter(d => d !== undefined);
        if (!shown.length) {
            this.notes.push(`view ${key}: nothing it shows became a declaration`);
            return;
        }
        const name = identifier(key, 'View');
        this.add(declaration('view', name, '', { title: title ?? (key === name ? undefined : key), includes: shown }));
    }
}

function defaultKind(keyword: DeclarationKeyword, e: SourceElement): string | undefined {
    if (keyword === 'resource') return resourceKind(e);
    if (keyword === 'platform') return platformKind(e);
    return undefined;
}

/** The package of a top-level declaration's qualified name, written by a BOS export. */
function packageOf(qualifiedName: string): string {
    return qualifiedName.split('.').slice(0, -1).join('.');
}

function parseTags(json: string): string[] {
    try {
        const tags: unknown = JSON.parse(json);
        return Array.isArray(tags) ? tags.filter(t => typeof t === 'string') : [];
    } catch {
        return [];
    }
}

/** The quantities, prices and texts a BOS export carried, for the words this keyword takes. */
function writtenProperties(keyword: DeclarationKeyword, properties: Record<string, string>): [string, string][] {
    const skip = new Set(['description', 'tags']);
    return propertiesOf(keyword).filter(p => !skip.has(p) && properties[p] !== undefined).map(p => [p, properties[p]]);
}
