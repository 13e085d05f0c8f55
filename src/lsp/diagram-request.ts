// `bos/diagram`: the preview's picture, from the same pipeline as `bos render`, laid
// out in a worker thread with a time limit so that the server never blocks; with each
// scenario's s* for the overlay picker, worked out here so that the webview only draws.
import { AstUtils, type LangiumDocuments } from 'langium';
import { FOCUS_PREFIX } from '../diagram/focus.js';
import { LAYOUT_TIMEOUT_MS } from '../diagram/layout.js';
import { render } from '../diagram/render.js';
import { stylesheet } from '../diagram/theme.js';
import { chooseView, findView, FLOW_PREFIX, flowViews, viewsOf } from '../diagram/view.js';
import type { BosServices } from '../services/bos-module.js';
import { type Comparer, type Folders, WITHOUT_GIT } from './comparer.js';
import type { DiagramParams, DiagramResult, DiagramScenario } from './protocol.js';
import { saturationDetail, saturationText } from './scenario-choice.js';

export async function diagramFor(
    params: DiagramParams,
    bos: BosServices,
    documents: LangiumDocuments,
    folders?: Folders,
    comparer: Comparer = WITHOUT_GIT,
): Promise<DiagramResult> {
    const result = bos.bos.WorkspaceModel.get();
    const { model, analysis } = result;
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
        const { svg, diagram } = await render({
            model,
            analysis,
            view,
            theme,
            bare: true,
            scenario: params.scenario || undefined,
            noOverlay: params.scenario === '',
            layout: { timeoutMs: LAYOUT_TIMEOUT_MS },
            changes: against?.marks,
        });
        // Removed boxes (`r…`) are drawn from the base: nothing in the workspace to reveal.
        const nodes = diagram.nodes.filter(n => n.id.startsWith('n')).map(n => {
            const source = model.nodes[Number(n.id.slice(1))].source;
            const range = source.$cstNode?.range
                ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
            const uri = AstUtils.getDocument(source).uri.toString();
            return { id: n.id, uri, start: range.start, end: range.end, focus: `${FOCUS_PREFIX}${n.name}` };
        });
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
        };
    } catch (err) {
        return { ...base, view: view.id, error: err instanceof Error ? err.message : String(err), compare };
    }
}
