// bos/undigitised, bos/unhosted, bos/unused, bos/empty-flow, bos/repeated: parts of
// the model that are there but not yet wired into the business OS.
import type { ModelFacts } from '../model/graph.js';
import type { BosModel, ModelNode } from '../model/model.js';
import { atName, type Finding, finding, label } from './finding.js';

/** Reads each declaration's own dependencies only: run per file (`LocalCheck`). */
export function checkWiring(nodes: readonly ModelNode[]): Finding[] {
    const out: Finding[] = [];
    for (const n of nodes) {
        if (n.id === undefined) continue; // a nameless declaration already has a syntax error
        const has = (relation: string) => n.deps.some(d => d.relation === relation);
        if (n.keyword === 'element' && !has('uses')) {
            out.push(finding('bos/undigitised', `element ${label(n)} uses nothing: it is not online yet`, atName(n)));
        } else if (n.keyword === 'capability' && !has('runs on')) {
            out.push(finding('bos/unhosted', `capability ${label(n)} runs on no resource`, atName(n)));
        } else if (n.keyword === 'flow' && !has('step')) {
            out.push(finding('bos/empty-flow', `flow ${label(n)} has no step`, atName(n)));
        }
    }
    return out;
}

/** Reads how many depend on each declaration: run per file (`LinkedCheck`). */
export function checkUnused(nodes: readonly ModelNode[], facts: ModelFacts): Finding[] {
    const out: Finding[] = [];
    for (const n of nodes) {
        if (n.id === undefined || (n.keyword !== 'capability' && n.keyword !== 'resource')) continue;
        if (facts.dependents[n.index] === 0) {
            out.push(
                finding('bos/unused', `${n.keyword} ${label(n)}: nothing depends on it or steps through it`, atName(n)),
            );
        }
    }
    return out;
}

export function checkRepeats(model: BosModel): Finding[] {
    return model.repeats.map(r =>
        finding(
            'bos/repeated',
            `'${r.property}' is written more than once in ${label(r.node)}; the first one counts`,
            { node: r.node.source, property: r.property, index: r.index },
        )
    );
}
