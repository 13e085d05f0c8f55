// Layout quality benchmark (issue 13): edge crossings, bends, total edge length and size
// of our ELK layout against Graphviz `dot` on the same diagram graphs, as drawn (with
// bundles; the Overview also without) — every view of the
// example and generated views of 200 and 1,000 nodes — and whether each keeps the layers
// in their bands. Prints one JSON line; `dot` missing is said, not a failure.
import '../src/language/polyfill.js';
import '../src/host/node-host.js';
import { bundleEdges } from '../src/diagram/bundles.js';
import { buildDiagram, type Diagram } from '../src/diagram/graph.js';
import {
    bandsInOrder,
    type Drawing,
    elkDrawing,
    measure,
    type Rect,
    smallestLabelAtFit,
} from '../src/diagram/layout-metrics.js';
import { layout } from '../src/diagram/layout.js';
import { findView, type ViewChoice, viewsOf } from '../src/diagram/view.js';
import type { BosModel } from '../src/model/model.js';
import { exampleFiles } from '../test/example-files.js';
import { check } from '../test/helpers.js';
import { dotLayout } from './graphviz.js';
import { generated } from './stack.js';

function quality(diagram: Diagram, drawing: Drawing, boxes: Map<string, Rect>, ms: number) {
    const tops = diagram.nodes.filter(n => !n.parent && boxes.has(n.id)).map(n => ({
        layer: n.layer,
        rect: boxes.get(n.id)!,
    }));
    const m = measure(drawing);
    return { ...m, bands: bandsInOrder(tops), ms: Math.round(ms), labelAtFit: smallestLabelAtFit(m.width, m.height) };
}

/** The graph as drawn (render.ts: bundled but in focus views), or with every edge on its own. */
async function compare(model: BosModel, name: string, view: ViewChoice, noBundle = false) {
    const built = buildDiagram(model, view);
    const diagram = noBundle || view.focus ? built : bundleEdges(built, new Set());
    const t0 = performance.now();
    const laid = await layout(diagram, { timeoutMs: 60_000 });
    const ms = performance.now() - t0;
    const ours = elkDrawing(laid);
    const dot = dotLayout(diagram);
    return {
        view: `${name} (${diagram.nodes.length} nodes, ${diagram.edges.length} edges)`,
        elk: quality(diagram, ours, ours.boxes, ms),
        dot: dot && quality(diagram, dot.drawing, dot.boxes, dot.ms),
    };
}

async function main(): Promise<void> {
    const rows = [];
    const example = (await check(exampleFiles())).result.model;
    await layout(buildDiagram(example, viewsOf(example)[0]), { timeoutMs: 60_000 }); // warm up the worker
    for (const view of viewsOf(example)) rows.push(await compare(example, `example ${view.id}`, view));
    const overview = findView(example, 'Overview')!;
    rows.push(await compare(example, `example ${overview.id}, --no-bundle`, overview, true));
    // `BOS_LAYOUT_SIZES=200` (or empty: the example alone) shortens it while tuning.
    const sizes = (process.env.BOS_LAYOUT_SIZES ?? '200,1000').split(',').filter(Boolean).map(Number);
    for (const n of sizes) {
        const model = (await check({ 'g.bos': generated(n) })).result.model;
        rows.push(await compare(model, `generated ${n}`, findView(model, undefined)!));
    }
    process.stdout.write(JSON.stringify(rows) + '\n');
}

void main();
