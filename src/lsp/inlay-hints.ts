// Inlay hints: the load each `step` and each reference that passes load on (`runs on`,
// `calls`, `depends on`) carries in the chosen scenario (setting
// `bos.inlayHints.scenario`), e.g. `PolarDB x 2 ⟶ 1.17M/s`; and after a flow's `slo`
// its computed latency, `slo 500ms ⟶ 401ms in Double11Peak`.
import type { AstNode } from 'langium';
import { AbstractInlayHintProvider, type InlayHintAcceptor } from 'langium/lsp';
import { InlayHintKind } from 'vscode-languageserver';
import { duration, rate } from '../analysis/format.js';
import type { FlowResult } from '../analysis/scenario.js';
import * as ast from '../language/generated/ast.js';
import type { ModelNode } from '../model/model.js';
import { relationOfProperty, RELATIONS } from '../model/relations.js';
import type { BosServices } from '../services/bos-module.js';
import { chosenFlow, chosenScenario } from './scenario-choice.js';

export class BosInlayHintProvider extends AbstractInlayHintProvider {
    constructor(private readonly services: BosServices) {
        super();
    }

    computeInlayHint(node: AstNode, acceptor: InlayHintAcceptor): void {
        if (!this.services.bos.Settings.inlayHints) return;
        if (ast.isQuantity(node)) this.latencyHint(node, acceptor);
        if (!ast.isWeightedRef(node)) return;
        const relation = relationOfProperty(node.$containerProperty);
        if (relation !== 'step' && !(relation && RELATIONS[relation].carriesLoad)) return;
        const result = this.services.bos.WorkspaceModel.get();
        const scenario = chosenScenario(result, this.services.bos.Settings.scenario);
        const holder = result.model.byAst.get(node.$container);
        if (!scenario || !holder) return;
        const weight = typeof node.weight === 'number' ? node.weight : 1;
        const load = relation === 'step'
            ? flowRate(holder, scenario.scenario)
            : scenario.nodes.find(n => n.node === holder)?.load;
        if (load === undefined) return;
        const end = node.$cstNode?.range.end;
        if (!end) return;
        acceptor({
            position: end,
            label: `⟶ ${rate(load * weight)}`,
            kind: InlayHintKind.Parameter,
            paddingLeft: true,
            tooltip: `load through this reference in ${scenario.scenario.name}`,
        });
    }

    /** After the first `slo` of a flow (the one that counts): its latency in the chosen scenario. */
    private latencyHint(node: ast.Quantity, acceptor: InlayHintAcceptor): void {
        if (node.$containerProperty !== 'slo' || node.$containerIndex !== 0 || !ast.isFlow(node.$container)) return;
        const result = this.services.bos.WorkspaceModel.get();
        const flow = result.model.byAst.get(node.$container);
        const chosen = flow && chosenFlow(result, this.services.bos.Settings.scenario, flow);
        const end = node.$cstNode?.range.end;
        if (!chosen || !end) return;
        const { scenario, flow: f } = chosen;
        const latency = f.saturated
            ? 'saturated'
            : f.latency === null
            ? undefined
            : `${f.complete ? '' : '≥ '}${duration(f.latency)}`;
        if (!latency) return;
        acceptor({
            position: end,
            label: `⟶ ${latency} in ${scenario.scenario.name}`,
            kind: InlayHintKind.Parameter,
            paddingLeft: true,
            tooltip: latencyTooltip(f, scenario.scenario.name),
        });
    }
}

/** What the hint leaves out: against the SLO, the node that adds most, why `≥`. */
function latencyTooltip(f: FlowResult, scenario: string): string {
    const parts = [`mean end-to-end latency of ${f.flow.name} in ${scenario}`];
    if (f.slo !== null) parts.push(`${f.status === 'ok' ? 'within' : 'over'} its SLO of ${duration(f.slo)}`);
    if (f.slowest) {
        parts.push(
            `${f.slowest.name} ${f.slowestAdds === null ? 'is saturated' : `adds most (${duration(f.slowestAdds)})`}`,
        );
    }
    if (!f.complete) parts.push('some visited nodes declare no latency, so it is at least this');
    return parts.join('; ');
}

/** How many transactions per second a scenario sends through a flow. */
function flowRate(flow: ModelNode, scenario: ModelNode): number | undefined {
    const loads = scenario.loads.filter(l => l.dep.target === flow && l.rate.base !== undefined);
    return loads.length ? loads.reduce((sum, l) => sum + l.rate.base!, 0) : undefined;
}
