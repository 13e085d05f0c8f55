// Implicit relations (LikeC4's name for them): when a view has many edges between the
// same two containers, they are drawn as one bundle edge between the containers, with
// the count, the kind (or "relations" when mixed) and, under an overlay, the load the
// members carry. A bundle keeps its members, so the preview can expand it and the site
// can list them. Runs after the change marks (change.ts), so that a marked member marks
// its bundle; the ids are made of the containers' qualified names, so an expansion asked
// for survives a what-if step and a file edit.
import { rate } from '../analysis/format.js';
import type { Diagram, DiagramEdge, EdgeKind } from './graph.js';
import { EDGE_KINDS } from './graph.js';

/** At least this many edges between the same two ends are bundled: two still read apart. */
export const BUNDLE_FROM = 3;
export const BUNDLE_PREFIX = 'bundle:';

export interface EdgeBundle {
    /** The relation kinds of the members, in legend order: one means the bundle is drawn in its style. */
    kinds: EdgeKind[];
    members: DiagramEdge[];
    /** Under an overlay, the load all members pass on together. */
    load?: number;
}

/**
 * Where an edge's end is drawn when bundled: its outermost box that does not hold the
 * other end (the box just below both ends' lowest common container, or a top-level box).
 */
function lifted(id: string, other: string, parentOf: ReadonlyMap<string, string | undefined>): string {
    const holders = new Set<string>();
    for (let p = parentOf.get(other); p; p = parentOf.get(p)) holders.add(p);
    let end = id;
    for (let p = parentOf.get(id); p && !holders.has(p); p = parentOf.get(p)) end = p;
    return end;
}

/** `12 runs on`, `5 relations · 583k/s`: also the site's page, which sums the loads of its own what-if. */
export function bundleLabel(count: number, kinds: readonly EdgeKind[], load?: number): string {
    const what = kinds.length === 1 ? kinds[0] : 'relations';
    return `${count} ${what}${load === undefined ? '' : ` · ${rate(load)}`}`;
}

/** A bundle is added or removed when all its members are, and changed when only some are. */
function bundleChange(members: readonly DiagramEdge[]): DiagramEdge['change'] {
    const marks = new Set(members.map(m => m.change));
    if (marks.size === 1) return members[0].change;
    return 'changed';
}

/** The edges of `diagram` with each group of BUNDLE_FROM or more bundled, except the bundles in `expanded`. */
export function bundleEdges(diagram: Diagram, expanded: ReadonlySet<string> = new Set()): Diagram {
    const parentOf = new Map(diagram.nodes.map(n => [n.id, n.parent]));
    const nameOf = new Map(diagram.nodes.map(n => [n.id, n.name]));
    const groups = new Map<string, { source: string; target: string; members: DiagramEdge[] }>();
    const groupOf = new Map<DiagramEdge, string>();
    for (const e of diagram.edges) {
        const source = lifted(e.source, e.target, parentOf);
        const target = lifted(e.target, e.source, parentOf);
        // An edge between two boxes that are drawn where they are has nothing to be bundled into.
        if (source === e.source && target === e.target) continue;
        const id = `${BUNDLE_PREFIX}${nameOf.get(source)}->${nameOf.get(target)}`;
        const group = groups.get(id) ?? { source, target, members: [] };
        group.members.push(e);
        groups.set(id, group);
        groupOf.set(e, id);
    }
    const edges: DiagramEdge[] = [];
    const opened: string[] = [];
    for (const e of diagram.edges) {
        const id = groupOf.get(e);
        const group = id === undefined ? undefined : groups.get(id);
        if (!id || !group || group.members.length < BUNDLE_FROM) edges.push(e);
        else if (expanded.has(id)) {
            // Drawn one by one, each saying which bundle it was, so a click on it folds the bundle again.
            edges.push({ ...e, of: id });
            if (!opened.includes(id)) opened.push(id);
        } else if (group.members[0] === e) edges.push(bundleEdge(id, group.members, group.source, group.target));
    }
    return { ...diagram, edges, ...(opened.length ? { expanded: opened } : {}) };
}

/** A shared end stays where it is drawn: one box's many edges into a container start at that box. */
const sharedEnd = (ends: readonly string[], lifted: string) => (new Set(ends).size === 1 ? ends[0] : lifted);

function bundleEdge(id: string, members: DiagramEdge[], liftedSource: string, liftedTarget: string): DiagramEdge {
    const source = sharedEnd(members.map(m => m.source), liftedSource);
    const target = sharedEnd(members.map(m => m.target), liftedTarget);
    const kinds = EDGE_KINDS.filter(k => members.some(m => m.kind === k));
    const loads = members.filter(m => m.load !== undefined);
    const bundle: EdgeBundle = {
        kinds,
        members,
        ...(loads.length ? { load: loads.reduce((sum, m) => sum + m.load!, 0) } : {}),
    };
    const change = bundleChange(members);
    return {
        id,
        source,
        target,
        kind: kinds[0],
        label: bundleLabel(members.length, kinds, bundle.load),
        bundle,
        ...(change ? { change } : {}),
    };
}
