// bos/unit: each quantity has the unit its place needs (spec section 1).
// bos/number: a number too large to compute with (beyond about 1.8e308).
import type { BosModel, Measure, Price } from '../model/model.js';
import { UNIT_EXAMPLES } from '../model/units.js';
import { type Finding, finding } from './finding.js';

const TOO_LARGE = 'is too large to compute with (numbers go up to about 1.8e308)';

function check(what: string, m: Measure | undefined, out: Finding[]): void {
    if (m?.tooLarge) {
        out.push(finding('bos/number', `the ${what} ${TOO_LARGE}`, { node: m.source }));
        return;
    }
    if (!m || m.base !== undefined) return;
    const written = m.unit === undefined ? 'no unit' : `'${m.unit}'`;
    const hint = m.expected === 'money' && m.unit && /^[a-z]{3}$/.test(m.unit)
        ? ` (currency codes are capitals: ${m.unit.toUpperCase()})`
        : m.unit && /^[kMB](\/|$)/.test(m.unit)
        ? ` (write the scale against the number: ${m.source.$cstNode?.text.replace(/\s+/g, '')})`
        : '';
    out.push(
        finding('bos/unit', `${what} needs ${UNIT_EXAMPLES[m.expected]}, not ${written}${hint}`, { node: m.source }),
    );
}

function checkPer(p: Price | undefined, out: Finding[]): void {
    if (p && !Number.isFinite(p.per)) {
        out.push(finding('bos/number', `the 'per' count ${TOO_LARGE}`, { node: p.source, property: 'per', index: 0 }));
    }
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
        checkPer(node.cost, out);
        checkPer(node.budget, out);
        for (const d of node.deps) {
            if (!Number.isFinite(d.weight)) {
                out.push(
                    finding('bos/number', `the weight ${TOO_LARGE}`, { node: d.source, property: 'weight', index: 0 }),
                );
            }
        }
    }
    return out;
}
