// Renames: a removed and an added declaration identical but for the name, or for the
// prefix of its qualified name (a package or container renamed, every declaration in it
// with it). Candidates are paired on what they say with the names of other renamed
// declarations left open; each pair is then checked with the names mapped, until no pair
// falls out. The prefixes those renames move (`tmall.scenarios` → `tmall.flows`) also
// move a declaration that changed besides: it is the same declaration, changed, not one
// removed and one added, and references to it follow it.
import type { BosModel, ModelNode } from '../model/model.js';
import { factsOf, type NameOf, signature } from './values.js';

/** Before → after qualified names. */
export type Renames = ReadonlyMap<string, string>;

export interface Matching {
    /** Identical but for the name. */
    renamed: Map<string, string>;
    /** Moved with a renamed package or container, and changed. */
    moved: Map<string, string>;
}

const tail = (id: string) => id.slice(id.lastIndexOf('.') + 1);
const prefix = (id: string) => id.slice(0, Math.max(0, id.lastIndexOf('.')));

/** Enough rounds for moves to let views and flows that refer to them verify; each round only adds. */
const ROUNDS = 4;

export function findRenames(
    before: BosModel,
    after: BosModel,
    removed: readonly string[],
    added: readonly string[],
): Matching {
    const none = { renamed: new Map<string, string>(), moved: new Map<string, string>() };
    if (removed.length === 0 || added.length === 0) return none;
    const candidates = new Map<string, string>();
    const gone = new Set(removed), fresh = new Set(added);
    // A target that may itself be renamed is only known by its keyword for now.
    const open = (side: ReadonlySet<string>): NameOf => n => (side.has(n.id!) ? `?${n.keyword}` : n.id ?? '?');
    const buckets = new Map<string, { before: string[]; after: string[] }>();
    const bucket = (key: string) => buckets.get(key) ?? buckets.set(key, { before: [], after: [] }).get(key)!;
    for (const id of removed) bucket(signature(factsOf(before.byId.get(id)!, open(gone)))).before.push(id);
    for (const id of added) buckets.get(signature(factsOf(after.byId.get(id)!, open(fresh))))?.after.push(id);
    for (const { before: olds, after: news } of buckets.values()) pair(olds, news, candidates);

    let matching = none;
    for (let round = 0; round < ROUNDS; round++) {
        const renamed = verified(before, after, candidates, matching.moved);
        const moved = moves(before, after, renamed, removed, fresh);
        const settled = moved.size === matching.moved.size && renamed.size === matching.renamed.size;
        matching = { renamed, moved };
        if (settled) break;
    }
    return matching;
}

/** The candidate pairs that are identical once every name is mapped; dropping one may break others. */
function verified(
    before: BosModel,
    after: BosModel,
    candidates: ReadonlyMap<string, string>,
    moved: ReadonlyMap<string, string>,
): Map<string, string> {
    const renamed = new Map(candidates);
    const strict: NameOf = n => renamed.get(n.id!) ?? moved.get(n.id!) ?? n.id ?? '?';
    const same = (old: ModelNode, now: ModelNode) =>
        signature(factsOf(old, strict)) === signature(factsOf(now, n => n.id ?? '?'));
    for (let dropped = true; dropped;) {
        dropped = false;
        for (const [old, now] of renamed) {
            if (!same(before.byId.get(old)!, after.byId.get(now)!)) {
                renamed.delete(old);
                dropped = true;
            }
        }
    }
    return renamed;
}

/** Removed declarations whose name, under a prefix the renames move, is added with the same keyword. */
function moves(
    before: BosModel,
    after: BosModel,
    renamed: ReadonlyMap<string, string>,
    removed: readonly string[],
    fresh: ReadonlySet<string>,
): Map<string, string> {
    const prefixes = new Map<string, string | null>();
    for (const [old, now] of renamed) {
        if (tail(old) !== tail(now) || prefix(old) === '') continue;
        const seen = prefixes.get(prefix(old));
        // A prefix renamed two ways says nothing.
        prefixes.set(prefix(old), seen === undefined || seen === prefix(now) ? prefix(now) : null);
    }
    const taken = new Set(renamed.values());
    const moved = new Map<string, string>();
    for (const id of removed) {
        if (renamed.has(id)) continue;
        for (let p = id; p !== ''; p = prefix(p)) {
            const to = prefixes.get(p);
            if (to === undefined) continue;
            const now = to === null ? undefined : `${to}${id.slice(p.length)}`;
            if (
                now && fresh.has(now) && !taken.has(now)
                && after.byId.get(now)!.keyword === before.byId.get(id)!.keyword
            ) {
                moved.set(id, now);
                taken.add(now);
            }
            break;
        }
    }
    return moved;
}

/** One to one; among several alike, the one with the same last name, else the same prefix. */
function pair(olds: readonly string[], news: readonly string[], renames: Map<string, string>): void {
    if (news.length === 0) return;
    if (olds.length === 1 && news.length === 1) {
        renames.set(olds[0], news[0]);
        return;
    }
    const taken = new Set<string>();
    for (const old of olds) {
        const free = news.filter(n => !taken.has(n));
        const byTail = free.filter(n => tail(n) === tail(old));
        const byPrefix = free.filter(n => prefix(n) === prefix(old));
        const match = byTail.length === 1 ? byTail[0] : byPrefix.length === 1 ? byPrefix[0] : undefined;
        if (match !== undefined) {
            renames.set(old, match);
            taken.add(match);
        }
    }
}
