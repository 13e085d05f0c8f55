// The page's what-if: a scenario, a scale for every load and per-node overrides, run
// through the same pure analysis as `bos analyze --scale --set`, then shown by
// recolouring the boxes already drawn (no layout in the page).
import {
    analyse,
    type Analysis,
    type NodeLoad,
    type Override,
    type ScenarioResult,
    type Tunable,
} from '../../analysis/scenario.js';
import { overlayText } from '../../diagram/graph.js';
import { deriveFacts, type ModelFacts } from '../../model/graph.js';
import type { BosModel, ModelNode } from '../../model/model.js';

export class WhatIf {
    scale = 1;
    scenario: string | undefined;
    readonly overrides = new Map<ModelNode, Override>();
    analysis: Analysis;
    private readonly facts: ModelFacts;

    constructor(private readonly model: BosModel, private readonly defaultHeadroom: number) {
        this.facts = deriveFacts(model);
        this.analysis = this.run();
        this.scenario = this.analysis.scenarios[0]?.scenario.id;
    }

    run(): Analysis {
        return this.analysis = analyse(this.model, this.facts, {
            scale: this.scale,
            overrides: this.overrides,
            defaultHeadroom: this.defaultHeadroom,
        });
    }

    set(node: ModelNode, property: Tunable, value: number | undefined): void {
        const o = { ...this.overrides.get(node) };
        if (value === undefined) delete o[property];
        else o[property] = value;
        if (Object.keys(o).length) this.overrides.set(node, o);
        else this.overrides.delete(node);
    }

    current(): ScenarioResult | undefined {
        return this.analysis.scenarios.find(s => s.scenario.id === this.scenario);
    }
}

const SVG = 'http://www.w3.org/2000/svg';
const STATUS = /\bbos-status-\S+/g;

/** Each box's status colour and load line for the scenario (none: the boxes plain). */
export function recolour(root: ParentNode, model: BosModel, scenario: ScenarioResult | undefined): void {
    const loads = new Map<ModelNode, NodeLoad>((scenario?.nodes ?? []).map(l => [l.node, l]));
    // A sequence's rows are no boxes: sequence.ts draws the whole picture again instead.
    for (const g of root.querySelectorAll<SVGGElement>('svg:not(.bos-sequence) g[data-node]')) {
        const node = model.nodes[Number(g.dataset.node!.slice(1))];
        const rect = g.querySelector('rect');
        const load = node && loads.get(node);
        if (!rect) continue;
        const cls = (rect.getAttribute('class') ?? '').replace(STATUS, '').trim();
        rect.setAttribute('class', load ? `${cls} bos-status-${load.status}` : cls);
        let line = g.querySelector<SVGTextElement>('text[class^="bos-load-"]');
        if (!load) {
            line?.remove();
            continue;
        }
        if (!line) {
            const sub = g.querySelector('text.bos-sub');
            line = document.createElementNS(SVG, 'text');
            line.setAttribute('x', sub?.getAttribute('x') ?? '14');
            line.setAttribute('y', String(Number(sub?.getAttribute('y') ?? '35') + 17));
            g.append(line);
        }
        line.setAttribute('class', `bos-load-${load.status}`);
        line.textContent = overlayText(load);
    }
}
