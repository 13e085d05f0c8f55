// Two lenses over each capability and resource: `used by 3 · 89.7% in Double11Peak · R 153ms`,
// the scenario that loads it hardest, with its response time there (or `saturated`)
// when it has a time model; and "Show impact", which the extension answers with the
// call hierarchy of what depends on it (where load comes from, what breaks with it).
import { GrammarUtils, type LangiumDocument } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens } from 'vscode-languageserver';
import { duration, percent, rate } from '../analysis/format.js';
import type { BosServices } from '../services/bos-module.js';
import { SHOW_IMPACT_COMMAND, type ShowImpactArguments } from './protocol.js';
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
                const { latency, responseTime } = top.load;
                if (latency !== null) parts.push(responseTime === null ? 'saturated' : `R ${duration(responseTime)}`);
            }
            lenses.push({ range: nameNode.range, command: { title: parts.join(' · '), command: '' } });
            const impact: ShowImpactArguments = [uri, nameNode.range.start];
            lenses.push({
                range: nameNode.range,
                command: { title: 'Show impact', command: SHOW_IMPACT_COMMAND, arguments: impact },
            });
        }
        return lenses;
    }
}
