// Several ELK graphs laid out in one ELK call: each a child of a root that lays out its
// children apart (`SEPARATE_CHILDREN`) and leaves them where they are (`fixed`), so each
// comes back with the very coordinates it gets alone (docs/toolchain.md, "elkjs batches"),
// for ~20–30% less CPU than a call each on the small graphs of a site. ELK resolves an
// edge's ends over its whole input, so every id is prefixed with its graph's index on the
// way in and the prefix is taken off on the way out.
import type { ElkNode } from 'elkjs/lib/elk-api.js';

const BATCH_OPTIONS: Readonly<Record<string, string>> = {
    'elk.algorithm': 'fixed',
    'elk.hierarchyHandling': 'SEPARATE_CHILDREN',
};

/** The fields of ELK's JSON, in and out, that hold an id or a list of ids. */
const ID_FIELDS = new Set(['id', 'container', 'incomingShape', 'outgoingShape', 'sources', 'targets']);

/** A copy of an ELK graph (or a part of one) with every id renamed. */
function renamed<T>(value: T, rename: (id: string) => string): T {
    if (Array.isArray(value)) return value.map(v => renamed(v, rename)) as T;
    if (typeof value !== 'object' || value === null) return value;
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
        if (!ID_FIELDS.has(key)) out[key] = key === 'layoutOptions' ? v : renamed(v, rename);
        else if (Array.isArray(v)) out[key] = v.map(id => rename(String(id)));
        else out[key] = typeof v === 'string' ? rename(v) : v;
    }
    return out as T;
}

const prefix = (k: number) => `${k}/`;

/** One ELK graph holding `graphs`, in order. */
export function batchGraph(graphs: readonly ElkNode[]): ElkNode {
    const children = graphs.map((g, k) => renamed(g, id => prefix(k) + id));
    return { id: 'batch', layoutOptions: { ...BATCH_OPTIONS }, children, edges: [] };
}

/** The laid-out graphs of a laid-out batch, each as ELK answers it alone. */
export function unbatchGraph(laid: ElkNode): ElkNode[] {
    return (laid.children ?? []).map((g, k) => renamed(g, id => id.slice(prefix(k).length)));
}
