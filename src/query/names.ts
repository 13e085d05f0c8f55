// A declaration named on the command line or by an MCP client: fully qualified
// (`tmall.cloud.AlibabaCloud.PolarDB`) or as a reference from its package's root
// (`AlibabaCloud.PolarDB`). A name that finds nothing is answered with the nearest ones.
import { distance } from 'fastest-levenshtein';
import type { BosModel, ModelNode } from '../model/model.js';

export type Lookup = { node: ModelNode } | { problem: string };

/** How many near names a miss suggests. */
const NEAREST = 3;

/** The name relative to its package's root: `AlibabaCloud.PolarDB`. */
export function relativeId(node: ModelNode): string {
    const id = node.id ?? node.name;
    return node.pkg && id.startsWith(`${node.pkg}.`) ? id.slice(node.pkg.length + 1) : id;
}

export function lookUp(model: BosModel, written: string): Lookup {
    // `^flow` escapes a reserved word in a file; here it names the same thing.
    const name = written.trim().split('.').map(s => s.replace(/^\^/, '')).join('.');
    if (name === '') return { problem: 'a declaration name is empty' };
    const exact = model.byId.get(name);
    if (exact) return { node: exact };
    const found: ModelNode[] = [];
    for (const pkg of model.packages) {
        const node = pkg === '' ? undefined : model.byId.get(`${pkg}.${name}`);
        if (node) found.push(node);
    }
    if (found.length === 1) return { node: found[0] };
    if (found.length > 1) {
        const ids = found.map(n => n.id).sort();
        return { problem: `'${name}' names ${ids.join(' and ')}; write one fully qualified` };
    }
    return { problem: `no declaration named '${name}'${nearest(model, name)}` };
}

/**
 * ` (nearest: a, b, c)`: names ending in the one written first (`PolarDB` for
 * `AlibabaCloud.PolarDB`), then names with a part that starts with it (`Polar`), then
 * the closest by edit distance.
 */
function nearest(model: BosModel, name: string): string {
    const scored: { id: string; d: number }[] = [];
    const tail = `.${name}`;
    const start = name.toLowerCase();
    for (const n of model.nodes) {
        if (n.id === undefined) continue;
        const d = n.id.endsWith(tail)
            ? -2
            : n.id.toLowerCase().split('.').some(part => part.startsWith(start))
            ? -1
            : Math.min(distance(name, n.id), distance(name, relativeId(n)));
        scored.push({ id: n.id, d });
    }
    scored.sort((a, b) => a.d - b.d || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    // Names that contain the one written say more than any edit distance: only they are offered then.
    const strong = scored.length > 0 && scored[0].d < 0;
    const best = [...new Set(scored.filter(s => !strong || s.d < 0).map(s => s.id))].slice(0, NEAREST);
    return best.length ? ` (nearest: ${best.join(', ')})` : ' (the model declares nothing)';
}
