// A fresh layout worker runs ELK slowly until the JIT has compiled it: in the 1k site the
// first 25 focus layouts of a worker took 4× what later ones took, and the first large one
// 1.7×. A caller that knows hundreds of layouts are coming (a site build) warms its lanes
// while it still loads the model on its own thread: each lane's worker starts, loads ELK and
// lays out a small diagram of every band a few times, as one batch (layout-batch.ts).
import type { Diagram, DiagramEdge, DiagramNode } from './graph.js';
import { layout } from './layout.js';

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

/** Warms `lanes` lanes with `times` layouts each; never fails (a lane whose warm-up failed starts afresh). */
export function warmLanes(lanes: number, times: number, timeoutMs: number): Promise<void> {
    const runs = Array.from(
        { length: lanes },
        (_, lane) => Array.from({ length: times }, () => layout(WARM, { timeoutMs, lane }).catch(() => undefined)),
    );
    return Promise.all(runs.flat()).then(() => undefined);
}
