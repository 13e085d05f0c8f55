// A fresh layout worker runs ELK slowly until the JIT has compiled it: in the 1k site the
// first 25 focus layouts of a worker took 4× what later ones took, and the first large one
// 1.7×. A caller that knows hundreds of layouts are coming (a site build) warms its lanes
// while it still loads the model on its own thread: each lane's worker starts, loads ELK and
// lays out a small diagram of every band again and again, until the first layout is asked
// of it (layout-job.ts), so a small model's build waits for no warm-up.
import type { Diagram, DiagramEdge, DiagramNode } from './graph.js';
import { layoutHost } from './layout-host.js';
import { toElk } from './layout.js';

const box = (id: string, keyword: string, layer: DiagramNode['layer'], parent?: string): DiagramNode => ({
    id,
    name: `warm.${id}`,
    label: id,
    keyword,
    layer,
    parent,
    isContainer: keyword === 'platform' || keyword === 'infrastructure',
    uri: '',
    offset: 0,
});

const edge = (source: string, target: string, kind: DiagramEdge['kind']): DiagramEdge => ({
    id: `${source}-${target}`,
    source,
    target,
    kind,
});

/** An actor, an element, two platforms one calling the other (a bridge), an infrastructure group. */
const WARM: Diagram = {
    view: 'warm',
    title: 'warm',
    nodes: [
        box('U', 'actor', 'actors'),
        box('E', 'element', 'commerce'),
        box('P', 'platform', 'platform'),
        box('A', 'capability', 'platform', 'P'),
        box('B', 'capability', 'platform', 'P'),
        box('Q', 'platform', 'platform'),
        box('C', 'capability', 'platform', 'Q'),
        box('I', 'infrastructure', 'infrastructure'),
        box('R', 'resource', 'infrastructure', 'I'),
        box('S', 'resource', 'infrastructure', 'I'),
    ],
    edges: [
        edge('U', 'E', 'uses'),
        edge('E', 'A', 'uses'),
        edge('A', 'B', 'calls'),
        edge('B', 'C', 'calls'),
        edge('A', 'R', 'runs on'),
        edge('B', 'S', 'runs on'),
        edge('C', 'S', 'runs on'),
    ],
};

/** Warms lanes 0 to `lanes` − 1, each with at most `times` layouts (a host without workers has nothing to warm). */
export function warmLanes(lanes: number, times: number, host = layoutHost()): void {
    const graph = toElk(WARM);
    for (let lane = 0; lane < lanes; lane++) host.warm?.(graph, times, lane);
}
