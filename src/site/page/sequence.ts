// A flow's sequence page, drawn by the page each time it is shown or the analysis runs
// again: the same pure renderer as `bos render --flow` (a grid, no layout), so the
// waterfall and R(F) follow the slider and the what-if inputs. Under the picked scenario when it loads the flow,
// else the first that does, as at build time; the picture's title names it.
import type { Analysis } from '../../analysis/scenario.js';
import { sequenceSvg } from '../../diagram/sequence-svg.js';
import { scenarioOfFlow, sequenceOf } from '../../diagram/sequence.js';
import type { ModelNode } from '../../model/model.js';

export function redrawSequence(section: HTMLElement, flow: ModelNode, analysis: Analysis, picked?: string): void {
    const chosen = picked === undefined ? undefined : analysis.scenarios.find(s => s.scenario.id === picked);
    const scenario = chosen
        && (chosen.flows.some(f => f.flow === flow) ? chosen : scenarioOfFlow(analysis.scenarios, flow));
    const svg = sequenceSvg(sequenceOf(flow, scenario), { theme: 'light', bare: true });
    // The markup is the renderer's, every label escaped in it: parsed as SVG, never as HTML.
    const parsed = new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement;
    const drawn = document.importNode(parsed, true);
    // One sequence in the document: its arrowhead marker's id is the same in each.
    for (const other of document.querySelectorAll('svg.bos-sequence')) if (!section.contains(other)) other.remove();
    const old = section.querySelector('svg.bos-sequence');
    if (old) old.replaceWith(drawn);
    else section.append(drawn);
}
