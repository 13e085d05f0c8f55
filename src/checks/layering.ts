// bos/layering and bos/layer-skip (spec section 4): dependencies point down the stack,
// and the commerce layer reaches infrastructure only through the middle platforms.
import type { BosModel } from '../model/model.js';
import { fits, STRUCTURAL } from '../model/vocabulary.js';
import { finding, label, type Finding } from './finding.js';

export function checkLayering(model: BosModel): Finding[] {
    const out: Finding[] = [];
    for (const node of model.nodes) {
        if (node.rank === undefined) continue;
        for (const d of node.deps) {
            const t = d.target;
            // A wrong sort of target is bos/target-kind's to report; one finding per reference.
            if (!t || t.rank === undefined || !STRUCTURAL.has(d.relation) || !fits(d.relation, t.keyword)) continue;
            const place = { node: d.source, property: d.property };
            if (t.rank > node.rank) {
                out.push(finding('bos/layering',
                    `${label(node)} (${node.layer}) ${d.relation} ${label(t)} (${t.layer}): dependencies must point down the stack`, place));
            } else if (t.layer === 'infrastructure' && (node.layer === 'commerce' || node.layer === 'actors')) {
                out.push(finding('bos/layer-skip',
                    `${label(node)} (${node.layer}) uses ${label(t)} directly, bypassing the middle platforms`, place));
            }
        }
    }
    return out;
}
