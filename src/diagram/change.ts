// The picture of a change (`bos render --base`, the preview compared with a revision):
// the head's diagram with each box and edge marked against the base — added, changed
// (renamed too), or removed and drawn in place from the base, faded — and the overlay's
// utilisation before → after. The classification is handed in: it is the semantic diff's
// (diff/diff.ts's `ModelDiff` has this shape), so both sides agree on what changed.
import type { ScenarioResult } from '../analysis/scenario.js';
import { structuralEdges } from '../model/graph.js';
import type { BosModel, ModelNode } from '../model/model.js';
import {
    boxOf,
    type Diagram,
    type DiagramEdge,
    type DiagramNode,
    edgeId,
    type EdgeKind,
    overlayText,
} from './graph.js';
import { DEFAULT_VIEW, findView, isInside, select, type ViewChoice } from './view.js';

export type ChangeMark = 'added' | 'changed' | 'removed';

interface Utilisation {
    before: number | null;
    after: number | null;
}

/** The parts of a semantic diff the picture reads, and the base model the removed boxes come from. */
export interface ChangeMarks {
    base: BosModel;
    /** What the base is, as the reader named it: `main`, `HEAD~1 (3f2a9c1)`, a folder. */
    label: string;
    declarations: {
        added: readonly string[];
        removed: readonly string[];
        changed: readonly { name: string }[];
        renamed: readonly { before: string; after: string }[];
    };
    /** Base → head qualified names (renamed, and moved with a renamed package). */
    renames: ReadonlyMap<string, string>;
    /** Per scenario (head name), the nodes whose utilisation or status changed. */
    scenarios: readonly { name: string; nodes: readonly { name: string; utilisation: Utilisation }[] }[];
}

/** What a compared picture says it is compared with, and how much of the view changed. */
export interface Compared {
    label: string;
    added: number;
    changed: number;
    removed: number;
}

const removedId = (n: ModelNode) => `r${n.index}`;

/** The view as the base has it: by its base name, or the implicit one; a view that is new shows nothing removed. */
function baseView(marks: ChangeMarks, view: ViewChoice): ViewChoice | undefined {
    if (!view.view) return DEFAULT_VIEW;
    const was = [...marks.renames].find(([, now]) => now === view.id)?.[0] ?? view.id;
    return findView(marks.base, was);
}

export function markChanges(
    diagram: Diagram,
    view: ViewChoice,
    marks: ChangeMarks,
    scenario?: ScenarioResult,
): Diagram {
    const { added, removed, changed, renamed } = marks.declarations;
    const gone = new Set(removed);
    const was = new Map([...marks.renames].map(([b, a]) => [a, b]));
    const marked = new Map<string, ChangeMark>([
        ...added.map(id => [id, 'added'] as const),
        ...changed.map(c => [c.name, 'changed'] as const),
        ...renamed.map(r => [r.after, 'changed'] as const),
    ]);
    const before = new Map(
        marks.scenarios.find(s => s.name === scenario?.scenario.id)?.nodes
            .filter(n => n.utilisation.before !== n.utilisation.after)
            .map(n => [n.name, n.utilisation.before]) ?? [],
    );
    const loads = new Map(scenario?.nodes.map(l => [l.node.id!, l]) ?? []);
    const byName = new Map(diagram.nodes.map(n => [n.name, n]));
    const nodes = diagram.nodes.map((n): DiagramNode => {
        const load = loads.get(n.name);
        const overlay = load && n.overlay && before.has(n.name)
            ? { ...n.overlay, text: overlayText(load, before.get(n.name)) }
            : n.overlay;
        return { ...n, overlay, change: marked.get(n.name), was: was.get(n.name) };
    });

    // Removed declarations the base's view showed, each placed after the box that came
    // before it at the base, so that the layout keeps it where it stood.
    const headName = (b: ModelNode) => marks.renames.get(b.id!) ?? b.id!;
    const shownAtBase = baseView(marks, view);
    const drawn = new Map<ModelNode, string>();
    for (const b of marks.base.nodes) {
        const head = b.id === undefined ? undefined : byName.get(headName(b));
        if (head) drawn.set(b, head.id);
    }
    const folded = new Set(diagram.nodes.filter(n => n.folded).map(n => n.id));
    const followers = new Map<string | undefined, DiagramNode[]>();
    let anchor: string | undefined;
    for (const b of shownAtBase ? select(marks.base, shownAtBase) : []) {
        const at = drawn.get(b);
        if (at !== undefined) anchor = at;
        if (!gone.has(b.id!) || at !== undefined) continue;
        const parent = b.parent && drawn.get(b.parent);
        // Inside a container the head folded, or one not drawn: it would have no place.
        if (b.parent && (parent === undefined || folded.has(parent))) continue;
        const node: DiagramNode = { ...boxOf(b, removedId(b)), parent, change: 'removed' };
        drawn.set(b, node.id);
        const after = followers.get(anchor);
        if (after) after.push(node);
        else followers.set(anchor, [node]);
        anchor = node.id;
    }
    const ordered: DiagramNode[] = [];
    const emit = (n: DiagramNode) => {
        ordered.push(n);
        for (const f of followers.get(n.id) ?? []) emit(f);
    };
    for (const n of [...(followers.get(undefined) ?? []), ...nodes]) emit(n);

    const baseEdges = edgesAt(drawn);
    const edges: DiagramEdge[] = diagram.edges.map(e => ({ ...e, change: baseEdges.has(e.id) ? undefined : 'added' }));
    const headEdges = new Set(diagram.edges.map(e => e.id));
    for (const [id, e] of baseEdges) if (!headEdges.has(id)) edges.push({ ...e, change: 'removed' });

    const count = (mark: ChangeMark) => ordered.filter(n => n.change === mark).length;
    const compared = {
        label: marks.label,
        added: count('added'),
        changed: count('changed'),
        removed: count('removed'),
    };
    return { ...diagram, nodes: ordered, edges, compared };
}

/** The base's edges between drawn boxes, by the id the head's edge between the same boxes has. */
function edgesAt(drawn: ReadonlyMap<ModelNode, string>): Map<string, DiagramEdge> {
    const out = new Map<string, DiagramEdge>();
    for (const [from, source] of drawn) {
        for (const d of structuralEdges(from)) {
            const target = d.target && drawn.get(d.target);
            if (target === undefined || target === source || isInside(from, d.target!) || isInside(d.target!, from)) {
                continue;
            }
            const id = edgeId(source, target, d.relation);
            out.set(id, { id, source, target, kind: d.relation as EdgeKind });
        }
    }
    return out;
}
