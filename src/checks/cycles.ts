// bos/cycle: one finding per cycle, at the reference that leaves its first member.
import type { ModelFacts } from '../model/graph.js';
import type { BosModel } from '../model/model.js';
import { atName, type Finding, finding, label } from './finding.js';

export function checkCycles(_model: BosModel, facts: ModelFacts): Finding[] {
    return facts.cycles.map(({ members, edge }) => {
        const path = [...members, members[0]].map(label).join(' → ');
        return finding(
            'bos/cycle',
            `dependency cycle: ${path}`,
            { node: edge.source, property: edge.property },
            members.map(m => ({ ...atName(m), message: `${label(m)} is part of the cycle` })),
        );
    });
}
