// bos/layering and bos/layer-skip (spec section 4): dependencies point down the stack,
// and the commerce layer reaches infrastructure only through the middle platforms.
import { structuralEdges } from '../model/graph.js';
import type { ModelNode } from '../model/model.js';
import { type Finding, finding, label } from './finding.js';

export function checkLayering(nodes: readonly ModelNode[]): Finding[] {
    const out: Finding[] = [];
    for (const node of nodes) {
        if (node.rank === undefined) continue;
        // Only references to the right sort of target: a wrong one is bos/target-kind's to
        // report, one finding per reference.
        for (const d of structuralEdges(node)) {
            const t = d.target!;
            if (t.rank === undefined) continue;
            const place = { node: d.source, property: d.property };
            if (t.rank > node.rank) {
                out.push(
                    finding(
                        'bos/layering',
                        `${label(node)} (${node.layer}) ${d.relation} ${
                            label(t)
                        } (${t.layer}): dependencies must point down the stack`,
                        place,
                    ),
                );
            } else if (t.layer === 'infrastructure' && (node.layer === 'commerce' || node.layer === 'actors')) {
                out.push(
                    finding(
                        'bos/layer-skip',
                        `${label(node)} (${node.layer}) uses ${label(t)} directly, bypassing the middle platforms`,
                        place,
                    ),
                );
            }
        }
    }
    return out;
}
