// Inlay hints: the load each `step` and each reference that passes load on (`runs on`,
// `calls`, `depends on`) carries in the chosen scenario (setting
// `bos.inlayHints.scenario`), e.g. `PolarDB x 2 ⟶ 1.17M/s`.
import type { AstNode } from 'langium';
import { AbstractInlayHintProvider, type InlayHintAcceptor } from 'langium/lsp';
import { InlayHintKind } from 'vscode-languageserver';
import { rate } from '../analysis/format.js';
import * as ast from '../language/generated/ast.js';
import type { ModelNode } from '../model/model.js';
import { relationOfProperty, RELATIONS } from '../model/relations.js';
import type { BosServices } from '../services/bos-module.js';
import { chosenScenario } from './scenario-choice.js';

export class BosInlayHintProvider extends AbstractInlayHintProvider {
    constructor(private readonly services: BosServices) {
        super();
    }

    computeInlayHint(node: AstNode, acceptor: InlayHintAcceptor): void {
        if (!this.services.bos.Settings.inlayHints || !ast.isWeightedRef(node)) return;
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
}

/** How many transactions per second a scenario sends through a flow. */
function flowRate(flow: ModelNode, scenario: ModelNode): number | undefined {
    const loads = scenario.loads.filter(l => l.dep.target === flow && l.rate.base !== undefined);
    return loads.length ? loads.reduce((sum, l) => sum + l.rate.base!, 0) : undefined;
}
