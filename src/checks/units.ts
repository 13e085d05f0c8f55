// bos/unit: each quantity has the unit its place needs (spec section 1).
import type { BosModel, Measure } from '../model/model.js';
import { UNIT_EXAMPLES } from '../model/units.js';
import { finding, type Finding } from './finding.js';

function check(what: string, m: Measure | undefined, out: Finding[]): void {
    if (!m || m.base !== undefined) return;
    const written = m.unit === undefined ? 'no unit' : `'${m.unit}'`;
    const hint = m.expected === 'money' && m.unit && /^[a-z]{3}$/.test(m.unit) ? ` (currency codes are capitals: ${m.unit.toUpperCase()})`
        : m.unit && /^[kMB](\/|$)/.test(m.unit) ? ` (write the scale against the number: ${m.source.$cstNode?.text.replace(/\s+/g, '')})` : '';
    out.push(finding('bos/unit', `${what} needs ${UNIT_EXAMPLES[m.expected]}, not ${written}${hint}`, { node: m.source }));
}

export function checkUnits(model: BosModel): Finding[] {
    const out: Finding[] = [];
    for (const node of model.nodes) {
        check('capacity', node.capacity, out);
        check('latency', node.latency, out);
        check('cost', node.cost?.amount, out);
        check('budget', node.budget?.amount, out);
        check('headroom', node.headroom, out);
        for (const { rate } of node.loads) check('load', rate, out);
    }
    return out;
}
