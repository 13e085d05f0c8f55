// What the picture of a change shows: the declarations added, changed (renamed ones
// too) and removed, and their direct neighbours — what each refers to and what refers to
// it, in the model it lives in — with the references between them marked added, removed
// or kept. A removed declaration is taken from the base, the rest from the head, under
// their head names. Big changes are cut to a size a review comment can draw.
import type { BosModel, ModelNode } from '../model/model.js';
import type { Relation } from '../model/relations.js';
import type { ModelDiff } from './diff.js';

type NameOf = (n: ModelNode) => string;

export type Mark = 'added' | 'changed' | 'removed' | 'context';

export interface PictureNode {
    /** The qualified name (a removed declaration's name at the base). */
    id: string;
    /** The name within its package, as boxes show it. */
    name: string;
    keyword: string;
    title?: string;
    mark: Mark;
    /** The name at the base of a renamed declaration. */
    was?: string;
}

export interface PictureEdge {
    from: string;
    to: string;
    relation: Relation;
    weight: number;
    mark: 'added' | 'removed' | 'kept';
}

export interface Picture {
    nodes: PictureNode[];
    edges: PictureEdge[];
    /** Changed declarations left out to keep the picture drawable. */
    left: number;
}

export const MAX_CHANGED = 40;
export const MAX_NODES = 80;
/** Mermaid's default limit is 500 edges. */
export const MAX_EDGES = 200;

/** Every node's references and what refers to it, by qualified name. */
function neighbours(model: BosModel, id: string, dependents: Map<ModelNode, ModelNode[]>): ModelNode[] {
    const node = model.byId.get(id);
    if (!node) return [];
    return [...node.deps.flatMap(d => (d.target ? [d.target] : [])), ...(dependents.get(node) ?? [])];
}

function dependentsOf(model: BosModel): Map<ModelNode, ModelNode[]> {
    const out = new Map<ModelNode, ModelNode[]>();
    for (const n of model.nodes) {
        for (const d of n.deps) {
            if (!d.target) continue;
            const list = out.get(d.target);
            if (list) list.push(n);
            else out.set(d.target, [n]);
        }
    }
    return out;
}

export function changePicture(diff: ModelDiff, before: BosModel, after: BosModel): Picture {
    const { added, removed, renamed, changed } = diff.declarations;
    // Renamed, or moved with a renamed package and changed: the name at the base.
    const was = new Map([...diff.renames].map(([b, a]) => [a, b]));
    const marked: { id: string; mark: Mark }[] = [
        ...added.map(id => ({ id, mark: 'added' as const })),
        ...changed.map(c => ({ id: c.name, mark: 'changed' as const })),
        ...renamed.map(r => ({ id: r.after, mark: 'changed' as const })),
        ...removed.map(id => ({ id, mark: 'removed' as const })),
    ];
    const drawn = marked.slice(0, MAX_CHANGED);
    const nodes = new Map<string, PictureNode>();
    const put = (n: ModelNode | undefined, id: string, mark: Mark) => {
        if (!n || nodes.has(id)) return;
        const name = n.pkg && id.startsWith(`${n.pkg}.`) ? id.slice(n.pkg.length + 1) : id;
        nodes.set(id, { id, name, keyword: n.keyword, title: n.title, mark, was: was.get(id) });
    };
    for (const { id, mark } of drawn) put((mark === 'removed' ? before : after).byId.get(id), id, mark);
    // The base's names, as the head knows them; a removed declaration keeps its own.
    const headName = (n: ModelNode) => diff.renames.get(n.id!) ?? n.id!;
    const [afterDependents, beforeDependents] = [dependentsOf(after), dependentsOf(before)];
    for (const { id, mark } of drawn) {
        const inBase = mark === 'removed';
        const model = inBase ? before : after;
        for (const n of neighbours(model, id, inBase ? beforeDependents : afterDependents)) {
            if (nodes.size >= MAX_NODES) break;
            if (n.id === undefined) continue;
            const name = inBase ? headName(n) : n.id;
            put(after.byId.get(name) ?? n, name, 'context');
        }
    }
    return {
        nodes: [...nodes.values()],
        edges: edges(nodes, before, after, headName),
        left: marked.length - drawn.length,
    };
}

/** The references between drawn nodes, in either model. */
function edges(
    nodes: ReadonlyMap<string, PictureNode>,
    before: BosModel,
    after: BosModel,
    headName: (n: ModelNode) => string,
): PictureEdge[] {
    const out = new Map<string, PictureEdge>();
    const visit = (holderOf: (n: PictureNode) => ModelNode | undefined, name: NameOf, mark: 'added' | 'removed') => {
        for (const node of nodes.values()) {
            for (const d of holderOf(node)?.deps ?? []) {
                const to = d.target?.id === undefined ? undefined : name(d.target);
                if (to === undefined || !nodes.has(to)) continue;
                const key = `${node.id}\u0000${to}\u0000${d.relation}`;
                const seen = out.get(key);
                if (seen) seen.mark = 'kept';
                else out.set(key, { from: node.id, to, relation: d.relation, weight: d.weight, mark });
            }
        }
    };
    visit(n => (n.mark === 'removed' ? undefined : after.byId.get(n.id)), n => n.id!, 'added');
    visit(n => before.byId.get(n.mark === 'removed' ? n.id : n.was ?? n.id), headName, 'removed');
    // What changed first, when there are more than a picture can hold.
    const kept = (e: PictureEdge) => Number(e.mark === 'kept');
    return [...out.values()].sort((a, b) => kept(a) - kept(b)).slice(0, MAX_EDGES);
}
