// Edges between two containers of the same band (one platform calling another) as bridges.
// ELK's layered algorithm puts the two ends of every edge in different layers, so each
// such call pushed the callee's platform a layer down: a staircase of platforms. Laid out
// instead as two edges from a point in the gap above both ends (or into one in the gap
// below, whichever fewer edges between bands cross: there the bridge crosses fewer), the
// edge constrains no layer, the platforms stand side by side, and ELK still routes both
// halves; after the layout they are joined into the one edge again (caller, over, callee).
import type { ElkEdgeSection, ElkExtendedEdge, ElkNode, ElkPoint } from 'elkjs/lib/elk-api.js';

const JUNCTION = '~bridge';
const UP = '~up';
const DOWN = '~down';

/** The junction point and the two halves of an edge, to be held by the root. */
export function bridge(
    edge: { id: string; source: string; target: string },
    partition: string | undefined,
    side: 'above' | 'below' = 'above',
) {
    const junction = `${edge.id}${JUNCTION}`;
    const node: ElkNode = {
        id: junction,
        width: 0,
        height: 0,
        // Without a partition (a large view, bands.ts) the halves hold the junction next to the band.
        ...(partition === undefined ? {} : { layoutOptions: { 'elk.partitioning.partition': partition } }),
    };
    // Layered edges point down: from a junction above, into a junction below.
    const half = (id: string, end: string): ElkExtendedEdge =>
        side === 'above' ? { id, sources: [junction], targets: [end] } : { id, sources: [end], targets: [junction] };
    const halves = [half(`${edge.id}${UP}`, edge.source), half(`${edge.id}${DOWN}`, edge.target)];
    return { node, halves };
}

const points = (s: ElkEdgeSection) => [s.startPoint, ...(s.bendPoints ?? []), s.endPoint];

/**
 * The route without points on a straight line between their neighbours: the junction,
 * which both halves leave downwards, would otherwise stand as a spike above the bridge.
 */
function straight(route: ElkPoint[]): ElkPoint[] {
    const out: ElkPoint[] = [];
    for (const p of route) {
        const [a, b] = [out.at(-2), out.at(-1)];
        if (b && b.x === p.x && b.y === p.y) continue;
        if (a && b && (b.x - a.x) * (p.y - a.y) === (b.y - a.y) * (p.x - a.x)) out.pop();
        out.push(p);
    }
    return out;
}

/** Joins each bridge's halves into its edge and takes the junctions out of the laid-out root. */
export function joinBridges(laid: ElkNode): ElkNode {
    const edges = laid.edges ?? [];
    const halves = new Map(edges.filter(e => e.id.endsWith(UP) || e.id.endsWith(DOWN)).map(e => [e.id, e]));
    if (!halves.size) return laid;
    const joined: ElkExtendedEdge[] = [];
    for (const up of halves.values()) {
        if (!up.id.endsWith(UP)) continue;
        const id = up.id.slice(0, -UP.length);
        const down = halves.get(`${id}${DOWN}`)!;
        // Both halves leave a junction above (the caller's is walked backwards) or enter one below
        // (the callee's is).
        const above = up.sources[0].endsWith(JUNCTION);
        const [first, second] = [(up.sections ?? []).flatMap(points), (down.sections ?? []).flatMap(points)];
        const route = straight(above ? [...first.reverse(), ...second] : [...first, ...second.reverse()]);
        const section: ElkEdgeSection = {
            id: `${id}-s`,
            startPoint: route[0],
            bendPoints: route.slice(1, -1),
            endPoint: route[route.length - 1],
        };
        const ends = above ? [up.targets, down.targets] : [up.sources, down.sources];
        joined.push({ id, sources: ends[0], targets: ends[1], sections: [section] });
    }
    laid.edges = [...edges.filter(e => !halves.has(e.id)), ...joined];
    laid.children = (laid.children ?? []).filter(c => !c.id.endsWith(JUNCTION));
    return laid;
}
