// A lens over each capability and resource: `used by 3 · 97.2% in Double11Peak`.
import { GrammarUtils, type LangiumDocument } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens } from 'vscode-languageserver';
import { percent, rate } from '../analysis/format.js';
import type { BosServices } from '../services/bos-module.js';
import { hardest } from './scenario-choice.js';

export class BosCodeLensProvider implements CodeLensProvider {
    constructor(private readonly services: BosServices) {}

    provideCodeLens(document: LangiumDocument): CodeLens[] {
        const result = this.services.bos.WorkspaceModel.get();
        const uri = document.uri.toString();
        const lenses: CodeLens[] = [];
        for (const n of result.model.nodes) {
            if (n.uri !== uri || (n.keyword !== 'capability' && n.keyword !== 'resource')) continue;
            const nameNode = GrammarUtils.findNodeForProperty(n.source.$cstNode, 'name');
            if (!nameNode) continue;
            const parts = [`used by ${result.dependents[n.index]}`];
            const top = hardest(result.loads.get(n) ?? []);
            if (top) {
                const scenario = top.scenario.scenario.name;
                parts.push(
                    top.load.utilisation === undefined
                        ? `${rate(top.load.load)} in ${scenario}`
                        : `${percent(top.load.utilisation)} in ${scenario}`,
                );
            }
            lenses.push({ range: nameNode.range, command: { title: parts.join(' · '), command: '' } });
        }
        return lenses;
    }
}
