// bos/duplicate: two declarations share a qualified name, in one file or across files.
import type { BosModel, ModelNode } from '../model/model.js';
import { atName, type Finding, finding } from './finding.js';

export function checkDuplicates(model: BosModel): Finding[] {
    // `byId` holds the first declaration of each name, `duplicates` the others: only those
    // are grouped, so a model without duplicates looks at no declaration here.
    const groups = new Map<string, ModelNode[]>();
    for (const n of model.duplicates) {
        const id = n.id!;
        const group = groups.get(id);
        if (group) group.push(n);
        else groups.set(id, [model.byId.get(id)!, n]);
    }
    const out: Finding[] = [];
    for (const [id, group] of groups) {
        if (group.length < 2) continue;
        for (const n of group) {
            const others = group.filter(o => o !== n);
            out.push(
                finding(
                    'bos/duplicate',
                    `'${id}' is declared ${group.length} times`,
                    atName(n),
                    others.map(o => ({ ...atName(o), message: `'${id}' is also declared here` })),
                ),
            );
        }
    }
    return out;
}
