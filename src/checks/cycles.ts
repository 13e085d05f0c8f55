// bos/cycle: one finding per cycle, at the reference that leaves its first member.
import type { BosModel } from '../model/model.js';
import { findCycles } from '../model/graph.js';
import { atName, finding, label, type Finding } from './finding.js';

export function checkCycles(model: BosModel): Finding[] {
    return findCycles(model).map(({ members, edge }) => {
        const path = [...members, members[0]].map(label).join(' → ');
        return finding('bos/cycle', `dependency cycle: ${path}`, { node: edge.source, property: edge.property },
            members.map(m => ({ ...atName(m), message: `${label(m)} is part of the cycle` })));
    });
}
