// Edges between two containers of the same band (one platform calling another) as bridges.
// ELK's layered algorithm puts the two ends of every edge in different layers, so each
// such call pushed the callee's platform a layer down: a staircase of platforms. Laid out
// instead as two edges from a point in the band above both ends, the edge constrains no
// layer, the platforms stand side by side, and ELK still routes both halves; after the
// layout they are joined into the one edge again (up from the caller, over, down).
import type { ElkEdgeSection, ElkExtendedEdge, ElkNode, ElkPoint } from 'elkjs/lib/elk-api.js';

const JUNCTION = '~bridge';
const UP = '~up';
const DOWN = '~down';

/** The junction point and the two halves of an edge, to be held by the root. */
export function bridge(edge: { id: string; source: string; target: string }, partition: string) {
    const junction = `${edge.id}${JUNCTION}`;
    const node: ElkNode = {
        id: junction,
        width: 0,
        height: 0,
        layoutOptions: { 'elk.partitioning.partition': partition },
    };
    const halves: ElkExtendedEdge[] = [
        { id: `${edge.id}${UP}`, sources: [junction], targets: [edge.source] },
        { id: `${edge.id}${DOWN}`, sources: [junction], targets: [edge.target] },
    ];
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
        // Both halves start at the junction: the caller's half is walked backwards.
        const route = straight([
            ...(up.sections ?? []).flatMap(points).reverse(),
            ...(down.sections ?? []).flatMap(points),
        ]);
        const section: ElkEdgeSection = {
            id: `${id}-s`,
            startPoint: route[0],
            bendPoints: route.slice(1, -1),
            endPoint: route[route.length - 1],
        };
        joined.push({ id, sources: up.targets, targets: down.targets, sections: [section] });
    }
    laid.edges = [...edges.filter(e => !halves.has(e.id)), ...joined];
    laid.children = (laid.children ?? []).filter(c => !c.id.endsWith(JUNCTION));
    return laid;
}
