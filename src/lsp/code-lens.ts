// Over each capability and resource: `used by 3 · 89.7% in Double11Peak · R 153ms`, the
// scenario that loads it hardest, with its response time there (or `saturated`) when it
// has a time model; and "Show impact", which the extension answers with the call
// hierarchy of what depends on it (where load comes from, what breaks with it). Over
// every declaration a diagram draws, `Show in diagram` (its focus view), and over each
// flow `Show sequence`: commands of the extension.
import { GrammarUtils, type LangiumDocument } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens, Range } from 'vscode-languageserver';
import { duration, percent, rate } from '../analysis/format.js';
import { focusId } from '../diagram/focus.js';
import { flowChoice, isDrawable } from '../diagram/view.js';
import type { ModelNode } from '../model/model.js';
import type { BosServices } from '../services/bos-module.js';
import { SHOW_IMPACT_COMMAND, SHOW_IN_DIAGRAM_COMMAND, type ShowImpactArguments } from './protocol.js';
import { hardest } from './scenario-choice.js';

export class BosCodeLensProvider implements CodeLensProvider {
    constructor(private readonly services: BosServices) {}

    provideCodeLens(document: LangiumDocument): CodeLens[] {
        const result = this.services.bos.WorkspaceModel.get();
        const uri = document.uri.toString();
        const lenses: CodeLens[] = [];
        for (const n of result.model.nodes) {
            if (n.uri !== uri || n.id === undefined) continue;
            const nameNode = GrammarUtils.findNodeForProperty(n.source.$cstNode, 'name');
            if (!nameNode) continue;
            const show = showLens(n, nameNode.range);
            if (n.keyword !== 'capability' && n.keyword !== 'resource') {
                if (show) lenses.push(show);
                continue;
            }
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
            if (show) lenses.push(show);
        }
        return lenses;
    }
}

function showLens(n: ModelNode, range: Range): CodeLens | undefined {
    if (n.keyword === 'flow') {
        return {
            range,
            command: { title: 'Show sequence', command: SHOW_IN_DIAGRAM_COMMAND, arguments: [flowChoice(n).id] },
        };
    }
    if (!isDrawable(n)) return undefined;
    const command = {
        title: 'Show in diagram',
        command: SHOW_IN_DIAGRAM_COMMAND,
        arguments: [focusId(n), `n${n.index}`],
    };
    return { range, command };
}
