// The same diagram graph laid out by Graphviz `dot` (the engine LikeC4 uses), for the
// layout-quality benchmark: boxes of our sizes, containers as clusters, the four bands
// kept in order by an invisible chain of band anchors, and the splines read back as
// polylines so that layout-metrics.ts measures both layouts with the same code.
import { spawnSync } from 'node:child_process';
import type { Diagram, DiagramNode } from '../src/diagram/graph.js';
import type { Drawing, Point } from '../src/diagram/layout-metrics.js';
import { boxSize } from '../src/diagram/measure.js';
import { LAYERS } from '../src/model/vocabulary.js';

// Our spacing in dot's inches (72 px each), so that sizes and lengths compare.
const INCH = 72;

const quote = (s: string) => `"${s.replace(/["\\]/g, '\\$&')}"`;

export function toDot(diagram: Diagram): string {
    const children = new Map<string, DiagramNode[]>();
    for (const n of diagram.nodes) if (n.parent) children.set(n.parent, [...children.get(n.parent) ?? [], n]);
    const isCluster = (n: DiagramNode) => (children.get(n.id)?.length ?? 0) > 0;
    // An edge to a drawn container ends at its first leaf, clipped at the cluster (lhead/ltail).
    const leafOf = (n: DiagramNode): DiagramNode => (isCluster(n) ? leafOf(children.get(n.id)![0]) : n);
    const byId = new Map(diagram.nodes.map(n => [n.id, n]));
    const out = [
        'digraph G {',
        'graph [rankdir=TB, compound=true, newrank=true, nodesep=0.33, ranksep=0.56];',
        'node [shape=box, fixedsize=true, label=""];',
    ];
    const write = (n: DiagramNode, indent: string) => {
        if (isCluster(n)) {
            out.push(`${indent}subgraph ${quote(`cluster_${n.id}`)} { margin=14;`);
            for (const c of children.get(n.id)!) write(c, `${indent}  `);
            out.push(`${indent}}`);
            return;
        }
        const { width, height } = boxSize(n);
        out.push(`${indent}${quote(n.id)} [width=${(width / INCH).toFixed(3)}, height=${(height / INCH).toFixed(3)}];`);
    };
    const tops = diagram.nodes.filter(n => !n.parent);
    for (const n of tops) write(n, '  ');
    // Band anchors, one rank each: a band's loose boxes stand on its anchor's rank, the
    // boxes in its clusters between its anchor and the next band's (weight 0: no pull).
    const bands = LAYERS.map((layer, i) => ({ anchor: `band${i}`, nodes: tops.filter(n => n.layer === layer) }));
    for (const b of bands) out.push(`  ${b.anchor} [style=invis, width=0, height=0];`);
    for (let i = 1; i < bands.length; i++) out.push(`  ${bands[i - 1].anchor} -> ${bands[i].anchor} [style=invis];`);
    const inside = (n: DiagramNode): DiagramNode[] => (isCluster(n) ? children.get(n.id)!.flatMap(inside) : [n]);
    bands.forEach((b, i) => {
        const loose = b.nodes.filter(n => !isCluster(n));
        if (loose.length) out.push(`  { rank=same; ${[b.anchor, ...loose.map(n => quote(n.id))].join('; ')} }`);
        for (const leaf of b.nodes.filter(isCluster).flatMap(inside)) {
            out.push(`  ${b.anchor} -> ${quote(leaf.id)} [style=invis, weight=0];`);
            if (bands[i + 1]) out.push(`  ${quote(leaf.id)} -> ${bands[i + 1].anchor} [style=invis, weight=0];`);
        }
    });
    for (const e of diagram.edges) {
        const s = byId.get(e.source)!, t = byId.get(e.target)!;
        const attrs = [
            `id=${quote(e.id)}`,
            ...(isCluster(s) ? [`ltail=${quote(`cluster_${s.id}`)}`] : []),
            ...(isCluster(t) ? [`lhead=${quote(`cluster_${t.id}`)}`] : []),
        ];
        out.push(`  ${quote(leafOf(s).id)} -> ${quote(leafOf(t).id)} [${attrs.join(', ')}];`);
    }
    out.push('}');
    return out.join('\n');
}

/** A cubic Bézier's points, sampled: enough for crossings and length to within a pixel or two. */
function sampleBezier(p: readonly Point[]): Point[] {
    const out: Point[] = [p[0]];
    for (let i = 0; i + 3 < p.length; i += 3) {
        for (let k = 1; k <= 8; k++) {
            const t = k / 8, u = 1 - t;
            const w = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
            out.push({
                x: w[0] * p[i].x + w[1] * p[i + 1].x + w[2] * p[i + 2].x + w[3] * p[i + 3].x,
                y: w[0] * p[i].y + w[1] * p[i + 1].y + w[2] * p[i + 2].y + w[3] * p[i + 3].y,
            });
        }
    }
    return out;
}

interface DotJson {
    bb: string;
    objects?: { name: string; pos?: string; width?: string; height?: string; bb?: string }[];
    edges?: { id?: string; pos?: string; style?: string }[];
}

const point = (s: string): Point => {
    const [x, y] = s.split(',').map(Number);
    return { x, y };
};

/** dot's `pos` of an edge (`e,x,y` arrow tip, then the spline's control points) as one polyline. */
function edgeRoute(pos: string): Point[] {
    let end: Point | undefined;
    const controls: Point[] = [];
    for (const part of pos.trim().split(/\s+/)) {
        if (part.startsWith('e,')) end = point(part.slice(2));
        else if (!part.startsWith('s,')) controls.push(point(part));
    }
    const route = sampleBezier(controls);
    return end ? [...route, end] : route;
}

export interface DotLayout {
    drawing: Drawing;
    /** Each box's rectangle (y down), by diagram id: clusters from their bounding boxes. */
    boxes: Map<string, { x: number; y: number; width: number; height: number }>;
    ms: number;
}

/** Runs `dot -Tjson`; undefined when Graphviz is not installed. */
export function dotLayout(diagram: Diagram): DotLayout | undefined {
    const t0 = performance.now();
    const run = spawnSync('dot', ['-Tjson'], { input: toDot(diagram), encoding: 'utf8', maxBuffer: 1 << 28 });
    const ms = performance.now() - t0;
    if (run.error || run.status !== 0) {
        if ((run.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') return undefined;
        throw new Error(`dot failed on view ${diagram.view}: ${run.stderr?.slice(0, 300)}`);
    }
    const json = JSON.parse(run.stdout) as DotJson;
    const [, , width, height] = json.bb.split(',').map(Number);
    // dot's y grows upwards: flip it, so that "above" means the same as in ELK.
    const flip = (p: Point): Point => ({ x: p.x, y: height - p.y });
    const boxes = new Map<string, { x: number; y: number; width: number; height: number }>();
    for (const o of json.objects ?? []) {
        if (o.bb) {
            const [x0, y0, x1, y1] = o.bb.split(',').map(Number);
            boxes.set(o.name.replace(/^cluster_/, ''), { x: x0, y: height - y1, width: x1 - x0, height: y1 - y0 });
        } else if (o.pos && o.width && o.height) {
            const c = flip(point(o.pos)), w = Number(o.width) * INCH, h = Number(o.height) * INCH;
            boxes.set(o.name, { x: c.x - w / 2, y: c.y - h / 2, width: w, height: h });
        }
    }
    const edges = (json.edges ?? []).filter(e => e.style !== 'invis' && e.pos).map(e => edgeRoute(e.pos!).map(flip));
    return { drawing: { width, height, edges }, boxes, ms };
}
