// `bos/diagram`: the preview's picture, from the same pipeline as `bos render`, laid
// out in a worker thread with a time limit so that the server never blocks; with each
// scenario's s* for the overlay picker, worked out here so that the webview only draws.
// A what-if (the preview's slider and box menu) is analysed here too; its boxes keep
// their sizes, so the layout is reused and only the overlay is drawn anew.
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import { AstUtils, type LangiumDocuments } from 'langium';
import { duration } from '../analysis/format.js';
import type { ScenarioResult } from '../analysis/scenario.js';
import { FOCUS_PREFIX } from '../diagram/focus.js';
import type { Diagram } from '../diagram/graph.js';
import { LAYOUT_TIMEOUT_MS } from '../diagram/layout.js';
import { render } from '../diagram/render.js';
import { boxTitle } from '../diagram/svg.js';
import { stylesheet } from '../diagram/theme.js';
import { chooseView, findView, FLOW_PREFIX, flowViews, viewsOf } from '../diagram/view.js';
import type { ModelNode } from '../model/model.js';
import type { BosServices } from '../services/bos-module.js';
import { type Comparer, type Folders, WITHOUT_GIT } from './comparer.js';
import type {
    DiagramFlow,
    DiagramNodeSource,
    DiagramOverlay,
    DiagramParams,
    DiagramResult,
    DiagramScenario,
} from './protocol.js';
import { saturationDetail, saturationText } from './scenario-choice.js';
import { previewAnalysis, saturatesAll } from './what-if-request.js';

export async function diagramFor(
    params: DiagramParams,
    bos: BosServices,
    documents: LangiumDocuments,
    folders?: Folders,
    comparer: Comparer = WITHOUT_GIT,
): Promise<DiagramResult> {
    const result = bos.bos.WorkspaceModel.get();
    const { model } = result;
    const { analysis, answer } = previewAnalysis(params.whatIf, result, bos.bos.Settings.defaultHeadroom);
    const theme = params.theme === 'dark' ? 'dark' : 'light';
    const syntaxErrors = documents.all.toArray().reduce(
        (n, d) => n + (d.diagnostics ?? []).filter(x => x.code === 'bos/syntax').length,
        0,
    );
    const base = {
        // Explicit views, then each flow's sequence view; focus views are reached by clicking.
        views: [...viewsOf(model), ...flowViews(model)].map(v => ({ id: v.id, title: v.title })),
        scenarios: analysis.scenarios.map((s): DiagramScenario => ({
            id: s.scenario.id!,
            title: s.scenario.title ?? s.scenario.name,
            saturation: saturationText(s),
            saturationDetail: saturationDetail(s),
        })),
        syntaxErrors,
        nodes: [],
        ...(answer ? { whatIf: answer } : {}),
    };
    // A focus or flow that no longer exists says so (the preview keeps its last picture);
    // an unknown explicit view falls back to the first, as before.
    const chosen = chooseView(model, params.view);
    const view = typeof chosen === 'string' ? findView(model, undefined)! : chosen;
    if (typeof chosen === 'string' && [FOCUS_PREFIX, FLOW_PREFIX].some(p => params.view?.startsWith(p))) {
        return { ...base, view: params.view!, error: chosen };
    }
    const against = params.base === undefined ? undefined : await comparer.comparison(params.base, folders, result);
    const compare = against && { base: params.base!, ...against.compare };
    try {
        const { svg, diagram, laid } = await render({
            model,
            analysis,
            view,
            theme,
            bare: true,
            scenario: params.scenario || undefined,
            noOverlay: params.scenario === '',
            layout: { timeoutMs: LAYOUT_TIMEOUT_MS, reuse: true },
            edgeLabels: true,
            changes: against?.marks,
            expand: params.expand,
        });
        // Removed boxes (`r…`) are drawn from the base: nothing in the workspace to reveal.
        const nodes = diagram.nodes.filter(n => n.id.startsWith('n'))
            .map(n => sourceOf(model.nodes[Number(n.id.slice(1))]));
        const shown = analysis.scenarios.find(s => s.scenario.id === diagram.scenario);
        return {
            ...base,
            svg,
            css: stylesheet(theme),
            view: view.id,
            title: view.title,
            scenario: diagram.scenario,
            nodes,
            note: diagram.note,
            compare: compare && { ...compare, ...diagram.compared },
            edgeCount: diagram.edges.length,
            ...(diagram.expanded ? { expanded: diagram.expanded } : {}),
            // A sequence view is drawn without ELK: no layout to keep.
            ...(laid ? { layout: layoutName(laid) } : {}),
            ...(diagram.scenario ? { overlay: overlayOf(diagram) } : {}),
            ...(shown ? { flows: shown.flows.map(flowOf) } : {}),
            ...(answer ? { whatIf: { ...answer, saturatesAll: saturatesAll(shown) } } : {}),
        };
    } catch (err) {
        return { ...base, view: view.id, error: err instanceof Error ? err.message : String(err), compare };
    }
}

/** A name per layout object: a reused layout (the same object) keeps its name. */
const layoutNames = new WeakMap<ElkNode, string>();
let layouts = 0;
function layoutName(laid: ElkNode): string {
    let name = layoutNames.get(laid);
    if (!name) layoutNames.set(laid, name = `layout-${++layouts}`);
    return name;
}

function overlayOf(diagram: Diagram): DiagramOverlay {
    return {
        nodes: diagram.nodes.flatMap(n =>
            n.overlay ? [{ id: n.id, status: n.overlay.status, text: n.overlay.text, title: boxTitle(n) }] : []
        ),
        edges: diagram.edges.flatMap(e => (e.label ? [{ id: e.id, text: e.label }] : [])),
    };
}

/** Where a declaration is written, with its names, under the diagram's id for it (`n<model index>`). */
export function sourceOf(node: ModelNode): DiagramNodeSource {
    const range = node.source.$cstNode?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return {
        id: `n${node.index}`,
        uri: AstUtils.getDocument(node.source).uri.toString(),
        start: range.start,
        end: range.end,
        name: node.id!,
        label: node.title ?? node.name,
        keyword: node.keyword,
        focus: `${FOCUS_PREFIX}${node.id}`,
    };
}

function flowOf(f: ScenarioResult['flows'][number]): DiagramFlow {
    const latency = f.saturated ? 'saturated' : f.latency === null ? '—' : duration(f.latency);
    return {
        name: f.flow.title ?? f.flow.name,
        latency,
        ...(f.slo === null ? {} : { slo: duration(f.slo) }),
        status: f.status,
    };
}
