// Resolved model + view (+ scenario) → the diagram graph: what to draw, before layout.
// Pure data; the layout and the SVG read only this.
import { duration, percent, rate } from '../analysis/format.js';
import type { NodeLoad, ScenarioResult, Status } from '../analysis/scenario.js';
import { structuralEdges } from '../model/graph.js';
import type { BosModel, ModelNode } from '../model/model.js';
import { facts, STRUCTURAL_RELATIONS, type StructuralRelation } from '../model/relations.js';
import type { Layer } from '../model/vocabulary.js';
import type { EdgeBundle } from './bundles.js';
import type { ChangeMark, Compared } from './change.js';
import { isInside, select, type ViewChoice } from './view.js';

/** Each structural relation is an edge kind with a style of its own. */
export type EdgeKind = StructuralRelation;
export const EDGE_KINDS: readonly EdgeKind[] = STRUCTURAL_RELATIONS;

export interface DiagramNode {
    /** Stable id within the diagram: `n<model index>`. */
    id: string;
    /** Qualified name of the declaration. */
    name: string;
    label: string;
    keyword: string;
    kind?: string;
    layer: Layer;
    parent?: string;
    /** Children folded into this container to keep a large view fast. */
    folded?: number;
    isContainer: boolean;
    /** Where the declaration is written, for reveal. */
    uri: string;
    offset: number;
    overlay?: { status: Status; text: string; widest: string };
    /** Against a base (`change.ts`): added, changed (renamed too) or removed, drawn from the base. */
    change?: ChangeMark;
    /** The base's name of a renamed declaration. */
    was?: string;
}

export interface DiagramEdge {
    id: string;
    source: string;
    target: string;
    kind: EdgeKind;
    /** Against a base; `changed` only on a bundle some of whose members are added or removed. */
    change?: 'added' | 'removed' | 'changed';
    /**
     * With an overlay, on an edge that carries load: the load it passes on and its weight, `583k/s ×2`;
     * on a bundle, its count and kind, and the load of its members (`12 runs on · 583k/s`).
     */
    label?: string;
    /** The load in the label, per second, for a bundle to sum. */
    load?: number;
    /** Many edges between two containers drawn as one (bundles.ts). */
    bundle?: EdgeBundle;
    /** A member of this expanded bundle, drawn on its own. */
    of?: string;
}

export interface Diagram {
    view: string;
    title: string;
    scenario?: string;
    nodes: DiagramNode[];
    edges: DiagramEdge[];
    /** Said to the reader when the view was simplified. */
    note?: string;
    /** What the picture is compared with, when it marks a change. */
    compared?: Compared;
    /** The bundles drawn expanded, as asked (bundles.ts). */
    expanded?: string[];
}

/**
 * `583k/s · 89.7% · R 153ms`: load, utilisation when there is a capacity, and R (or
 * `saturated`) when there is a time model; without one, the status colour says enough.
 */
export function overlayText(l: NodeLoad, before?: number | null): string {
    const parts = [rate(l.load)];
    // Against a base, the utilisation it had there: `71% → 94%`.
    const was = before === undefined ? '' : `${before === null ? '–' : percent(before)} → `;
    if (l.utilisation !== undefined) parts.push(`${was}${percent(l.utilisation)}`);
    else if (was) parts.push(`${was}–`);
    if (l.latency !== null) parts.push(l.responseTime === null ? 'saturated' : `R ${duration(l.responseTime)}`);
    return parts.join(' · ');
}

/**
 * The widest text overlayText could give this node at any scale: the box is laid out for
 * it, so that a what-if reuses the layout and its text still fits.
 */
function widestOverlay(l: NodeLoad): string {
    const parts = ['888.8k/s'];
    if (l.utilisation !== undefined) parts.push('888.8%');
    if (l.latency !== null) parts.push('saturated');
    return parts.join(' · ');
}

/** Views above this many nodes are drawn with containers folded. */
export const FOLD_ABOVE = 1500;

const idOf = (n: ModelNode) => `n${n.index}`;
/** One edge per pair of boxes and relation. */
export const edgeId = (from: string, to: string, relation: string) => `${from}-${to}-${relation.replace(' ', '')}`;

/** What a box shows of its declaration, and where it is written. */
export function boxOf(n: ModelNode, id: string): DiagramNode {
    return {
        id,
        name: n.id!,
        label: n.title ?? n.name,
        keyword: n.keyword,
        kind: n.kind,
        layer: n.layer!,
        isContainer: n.keyword === 'platform' || n.keyword === 'infrastructure',
        uri: n.uri,
        offset: n.source.$cstNode?.offset ?? 0,
    };
}

/** A drawable declaration as a box with its own id, without its place in a view (parent, folding, overlay). */
export const diagramNode = (n: ModelNode): DiagramNode => boxOf(n, idOf(n));

export function buildDiagram(
    model: BosModel,
    view: ViewChoice,
    scenario?: ScenarioResult,
    foldAbove = FOLD_ABOVE,
): Diagram {
    let shown = select(model, view);
    let note: string | undefined;
    const folded = new Map<ModelNode, number>();
    if (shown.length > foldAbove) {
        const kept = shown.filter(n => !n.parent);
        for (const n of shown) if (n.parent) folded.set(n.parent, (folded.get(n.parent) ?? 0) + 1);
        note = `${shown.length} nodes are too many to lay out quickly: ${
            shown.length - kept.length
        } capabilities and resources are folded into their containers. Narrow the view to see them.`;
        shown = kept;
    }
    const shownSet = new Set(shown);
    const loads = new Map(scenario?.nodes.map(l => [l.node, l]) ?? []);
    const nodes: DiagramNode[] = shown.map(n => {
        const l = loads.get(n);
        return {
            ...boxOf(n, idOf(n)),
            parent: n.parent && shownSet.has(n.parent) ? idOf(n.parent) : undefined,
            folded: folded.get(n),
            overlay: l && { status: l.status, text: overlayText(l), widest: widestOverlay(l) },
        };
    });
    // Folded children's dependencies are drawn from and to their container; a focus view
    // leaves out those of the siblings it does not show, which are not its dependencies.
    const lifted = (p: ModelNode | undefined) => !!p && shownSet.has(p) && (!view.focus || folded.has(p));
    const visible = (n: ModelNode | undefined): ModelNode | undefined =>
        n && (shownSet.has(n) ? n : lifted(n.parent) ? n.parent : undefined);
    const edges: DiagramEdge[] = [];
    const seen = new Set<string>();
    for (const n of model.nodes) {
        const from = visible(n);
        if (!from) continue;
        for (const d of structuralEdges(n)) {
            const to = visible(d.target);
            // Containment is drawn by nesting; an edge into one's own box would only clutter it.
            if (!to || to === from || isInside(from, to) || isInside(to, from)) continue;
            const id = edgeId(idOf(from), idOf(to), d.relation);
            if (seen.has(id)) continue;
            seen.add(id);
            // A folded end would pass on the load of several declarations: only true ends are labelled.
            const carried = from === n && to === d.target && facts(d.relation).carriesLoad ? loads.get(n) : undefined;
            const load = carried && carried.load * d.weight;
            const label = carried && `${rate(load!)}${d.weight === 1 ? '' : ` ×${d.weight}`}`;
            edges.push({ id, source: idOf(from), target: idOf(to), kind: d.relation as EdgeKind, label, load });
        }
    }
    return {
        view: view.id,
        title: view.title,
        scenario: scenario?.scenario.id,
        nodes,
        edges,
        note,
    };
}
