// The one diagram pipeline, shared by `bos render` and the preview: model + view
// (+ scenario) → diagram graph → ELK layout → SVG; a flow's sequence view is a grid
// drawn without ELK.
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import type { Analysis } from '../analysis/scenario.js';
import type { BosModel } from '../model/model.js';
import { bundleEdges } from './bundles.js';
import { type ChangeMarks, markChanges } from './change.js';
import { buildDiagram, type Diagram } from './graph.js';
import { layout, type LayoutOptions } from './layout.js';
import { sequenceSvg } from './sequence-svg.js';
import { scenarioOfFlow, sequenceDiagram, sequenceOf } from './sequence.js';
import { toSvg } from './svg.js';
import type { ThemeName } from './theme.js';
import type { ViewChoice } from './view.js';

export interface RenderRequest {
    model: BosModel;
    analysis: Analysis;
    view: ViewChoice;
    /** Qualified or short name; defaults to the view's `overlay`. */
    scenario?: string;
    theme: ThemeName;
    layout: LayoutOptions;
    /** SVG without its stylesheet (see SvgOptions.bare). */
    bare?: boolean;
    /** No overlay, even when the view names one. */
    noOverlay?: boolean;
    /** Marks what changed against a base (`bos render --base`, the compare preview). */
    changes?: ChangeMarks;
    /** Label load-carrying edges with their load and weight (see SvgOptions.edgeLabels). */
    edgeLabels?: boolean;
    /** Every edge drawn on its own: no bundles (`bos render --no-bundle`). */
    noBundle?: boolean;
    /** Bundles drawn expanded, by id (bundles.ts): the preview's clicks. */
    expand?: readonly string[];
    /** Views above this many declarations are drawn with containers folded (default FOLD_ABOVE, graph.ts). */
    foldAbove?: number;
}

export interface Rendered {
    svg: string;
    diagram: Diagram;
    /**
     * The geometry: the very same object when a reused layout answered (LayoutOptions.reuse);
     * none for a sequence view, which is drawn without ELK.
     */
    laid?: ElkNode;
}

export class UnknownScenario extends Error {}

export async function render(request: RenderRequest): Promise<Rendered> {
    const { analysis, view } = request;
    // A view's own overlay; a flow's, the first scenario that loads it.
    const own = view.flow
        ? scenarioOfFlow(analysis.scenarios, view.flow)?.scenario.id
        : view.view?.deps.find(d => d.relation === 'overlay')?.target?.id;
    const wanted = request.noOverlay ? undefined : request.scenario ?? own;
    const scenario = wanted === undefined
        ? undefined
        : analysis.scenarios.find(s => s.scenario.id === wanted || s.scenario.name === wanted);
    if (wanted !== undefined && !scenario && request.scenario !== undefined && !analysis.skipped) {
        throw new UnknownScenario(
            `no scenario named '${wanted}' (scenarios: ${
                analysis.scenarios.map(s => s.scenario.id).join(', ') || 'none'
            })`,
        );
    }
    if (view.flow) {
        const sequence = sequenceOf(view.flow, scenario);
        return { svg: sequenceSvg(sequence, request), diagram: sequenceDiagram(sequence, view) };
    }
    const built = buildDiagram(request.model, view, scenario, request.foldAbove);
    const marked = request.changes ? markChanges(built, view, request.changes, scenario) : built;
    // A focus view shows one declaration's neighbours: bundled, the edges it was opened for would hide.
    const diagram = request.noBundle || view.focus ? marked : bundleEdges(marked, new Set(request.expand));
    const laid = await layout(diagram, request.layout);
    return {
        svg: toSvg(diagram, laid, { theme: request.theme, bare: request.bare, edgeLabels: request.edgeLabels }),
        diagram,
        laid,
    };
}
