// A container's children wrapped into rows. Under `INCLUDE_CHILDREN` ELK puts every child
// that an edge from outside enters into the container's first layer, whatever its
// layering's bound (Coffman–Graham's included): 业务中台 stood the five of its eight
// capabilities that the commerce band uses in one row, and the Overview was too wide to
// read at fit. An edge from each child to the one `columns` places further on hands ELK's
// own layering rows of that many boxes; these edges are taken out again after the layout,
// so nothing draws or counts them. layout.ts adds them only where no child's edge leaves
// the container, whose rows would cross those edges; band-shape.ts says how many columns
// (⌈√n⌉ unless it says otherwise).
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';

const ROW = '~row';

/** The invisible edges that wrap these children (in order) into rows of `columns`, to be held by their container. */
export function rowEdges(
    children: readonly string[],
    columns = Math.ceil(Math.sqrt(children.length)),
): ElkExtendedEdge[] {
    return children.slice(columns).map((below, i) => ({
        id: `${children[i]}${ROW}${below}`,
        sources: [children[i]],
        targets: [below],
    }));
}

/** Takes the row edges out of a laid-out graph, at every depth. */
export function dropRowEdges(laid: ElkNode): ElkNode {
    if (laid.edges) laid.edges = laid.edges.filter(e => !e.id.includes(ROW));
    for (const child of laid.children ?? []) dropRowEdges(child);
    return laid;
}
