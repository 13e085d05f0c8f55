// Declarations added, removed, renamed and changed, by qualified name. A change lists
// each property, and each dependency with its weight, before → after; references to a
// renamed declaration count as unchanged.
import type { BosModel, ModelNode } from '../model/model.js';
import { findRenames, type Renames } from './renames.js';
import { type DeclarationFacts, type DependencyFact, factsOf, writtenDependency } from './values.js';

export interface Change {
    /** A property (`capacity`), `keyword`, `kind`, `title`, or a relation (`runs on`). */
    property: string;
    before: string | null;
    after: string | null;
}

export interface ChangedDeclaration {
    name: string;
    changes: Change[];
}

export interface Rename {
    before: string;
    after: string;
}

export interface DeclarationDiff {
    added: string[];
    removed: string[];
    renamed: Rename[];
    changed: ChangedDeclaration[];
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function diffDeclarations(
    before: BosModel,
    after: BosModel,
): { declarations: DeclarationDiff; renames: Renames } {
    const removed = [...before.byId.keys()].filter(id => !after.byId.has(id));
    const added = [...after.byId.keys()].filter(id => !before.byId.has(id));
    const { renamed, moved } = findRenames(before, after, removed, added);
    const renames: Renames = new Map([...renamed, ...moved]);
    const movedFrom = new Map([...moved].map(([b, a]) => [a, b]));
    const baseName = (n: ModelNode) => renames.get(n.id!) ?? n.id ?? '?';
    const changed: ChangedDeclaration[] = [];
    for (const [id, now] of after.byId) {
        const was = movedFrom.get(id);
        const old = before.byId.get(was ?? id);
        if (!old || unchanged(old, now, renames)) continue;
        const list = changes(factsOf(old, baseName), factsOf(now, n => n.id ?? '?'));
        // A declaration moved with its package: the name is one of its changes.
        if (was !== undefined) list.unshift({ property: 'name', before: was, after: id });
        if (list.length) changed.push({ name: id, changes: list });
    }
    const matched = new Set(renames.values());
    return {
        declarations: {
            added: added.filter(id => !matched.has(id)).sort(byName),
            removed: removed.filter(id => !renames.has(id)).sort(byName),
            renamed: [...renamed].map(([b, a]) => ({ before: b, after: a })).sort((x, y) => byName(x.after, y.after)),
            changed: changed.sort((x, y) => byName(x.name, y.name)),
        },
        renames,
    };
}

/**
 * Most declarations of a change are untouched: the same text, its references landing on
 * the same names, say the same. Checked first, it spares building their facts.
 */
function unchanged(old: ModelNode, now: ModelNode, renames: Renames): boolean {
    if (old.source.$cstNode?.text !== now.source.$cstNode?.text || old.deps.length !== now.deps.length) return false;
    const name = (n: ModelNode | undefined) => n && (renames.get(n.id!) ?? n.id);
    if (!old.deps.every((d, i) => name(d.target) === now.deps[i].target?.id)) return false;
    const patterns = (n: ModelNode) =>
        [...n.includes, ...n.excludes].map(p => (p.type === 'ref' ? p.target : undefined));
    const [was, is] = [patterns(old), patterns(now)];
    return was.every((t, i) => name(t) === is[i]?.id);
}

/** The common case, checked without building anything: the same facts in the same order. */
function same(before: DeclarationFacts, after: DeclarationFacts): boolean {
    if (before.properties.size !== after.properties.size) return false;
    for (const [p, v] of after.properties) if (before.properties.get(p)?.key !== v.key) return false;
    const [b, a] = [before.dependencies, after.dependencies];
    return b.length === a.length
        && a.every((d, i) =>
            d.relation === b[i].relation && d.target === b[i].target && d.amount.key === b[i].amount.key
        );
}

function changes(before: DeclarationFacts, after: DeclarationFacts): Change[] {
    if (same(before, after)) return [];
    const out: Change[] = [];
    const properties = [
        ...after.properties.keys(),
        ...[...before.properties.keys()].filter(p => !after.properties.has(p)),
    ];
    for (const property of properties) {
        const b = before.properties.get(property), a = after.properties.get(property);
        if (a?.key !== b?.key) out.push({ property, before: b?.text ?? null, after: a?.text ?? null });
    }
    const old = grouped(before.dependencies), now = grouped(after.dependencies);
    for (const key of new Set([...now.keys(), ...old.keys()])) {
        const b = old.get(key) ?? [], a = now.get(key) ?? [];
        // The same dependency written twice: equal amounts match first, the rest pair in order.
        const left = [...b], right: DependencyFact[] = [];
        for (const d of a) {
            const i = left.findIndex(x => x.amount.key === d.amount.key);
            if (i >= 0) left.splice(i, 1);
            else right.push(d);
        }
        for (let i = 0; i < Math.max(left.length, right.length); i++) {
            const property = (left[i] ?? right[i]).relation;
            const was = left[i] ? writtenDependency(left[i]) : null, is = right[i] ? writtenDependency(right[i]) : null;
            out.push({ property, before: was, after: is });
        }
    }
    return out;
}

/** Dependencies by relation and target, in text order. */
function grouped(deps: readonly DependencyFact[]): Map<string, DependencyFact[]> {
    const out = new Map<string, DependencyFact[]>();
    for (const d of deps) {
        const key = `${d.relation}\u0000${d.target}`;
        const list = out.get(key);
        if (list) list.push(d);
        else out.set(key, [d]);
    }
    return out;
}
