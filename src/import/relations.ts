// Which BOS relation an imported relation becomes, by what it connects: the first of
// `calls`, `runs on`, `depends on`, `uses` that the holder may hold and the target may
// receive (model/relations.ts), or the one a BOS export named. What would break the
// layering or close a cycle, and what has no holder, is noted instead: the result must
// validate.
import { type Relation, type RelationFacts, RELATIONS } from '../model/relations.js';
import { article, LAYER_RANK, layerOf } from '../model/vocabulary.js';
import type { Declaration } from './declarations.js';

const PREFERENCE: readonly Relation[] = ['calls', 'runs on', 'depends on', 'uses'];

function allowed(relation: Relation, holder: Declaration, target: Declaration): boolean {
    const facts: RelationFacts = RELATIONS[relation];
    return facts.structural && facts.holders.includes(holder.keyword) && facts.targets.includes(target.keyword);
}

function reaches(from: Declaration, to: Declaration): boolean {
    const seen = new Set<Declaration>();
    const stack = [from];
    while (stack.length) {
        const d = stack.pop()!;
        if (d === to) return true;
        if (seen.has(d)) continue;
        seen.add(d);
        for (const dep of d.dependencies) stack.push(dep.target);
    }
    return false;
}

/** Why the dependency cannot be written, or undefined when it was added (or already there). */
export function addDependency(
    holder: Declaration,
    target: Declaration,
    how: { hint?: string; weight?: string; comment?: string },
): string | undefined {
    if (holder === target) return 'it connects a declaration with itself';
    const rank = (d: Declaration) => LAYER_RANK[layerOf(d.keyword)!];
    if (rank(target) > rank(holder)) return `it points up the stack (${holder.keyword} → ${target.keyword})`;
    const hinted = PREFERENCE.find(r => r === how.hint && allowed(r, holder, target));
    const relation = hinted ?? PREFERENCE.find(r => allowed(r, holder, target));
    if (!relation) {
        return `${article(holder.keyword)} ${holder.keyword} holds no dependency on ${
            article(target.keyword)
        } ${target.keyword}`;
    }
    if (holder.dependencies.some(d => d.target === target && d.relation === relation)) return undefined;
    if (reaches(target, holder)) return 'it would close a dependency cycle';
    const weight = how.weight !== undefined && Number(how.weight) !== 1 ? how.weight : undefined;
    holder.dependencies.push({ relation, target, weight, comment: how.comment });
    return undefined;
}
