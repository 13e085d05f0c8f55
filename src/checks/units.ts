// bos/unit: each quantity has the unit its place needs (spec sections 1 and 7; the
// places and their dimensions are the property table's).
// bos/number: a number too large to compute with (beyond about 1.8e308).
import type { Measure, ModelNode, Price } from '../model/model.js';
import { PRICE_PROPERTIES, QUANTITY_PROPERTIES } from '../model/properties.js';
import { UNIT_EXAMPLES } from '../model/units.js';
import { type Finding, finding } from './finding.js';

const TOO_LARGE = 'is too large to compute with (numbers go up to about 1.8e308)';

/** What was written instead, for the message: a unit, no unit, or a count that is no whole number. */
function written(m: Measure): string {
    if (m.expected === 'count') return m.unit === undefined ? String(m.value) : `'${m.source.$cstNode?.text}'`;
    return m.unit === undefined ? 'no unit' : `'${m.unit}'`;
}

function hint(m: Measure): string {
    if (m.expected === 'money' && m.unit && /^[a-z]{3}$/.test(m.unit)) {
        return ` (currency codes are capitals: ${m.unit.toUpperCase()})`;
    }
    if (m.unit && /^[kMB](\/|$)/.test(m.unit)) {
        return ` (write the scale against the number: ${m.source.$cstNode?.text.replace(/\s+/g, '')})`;
    }
    return '';
}

function check(what: string, m: Measure | undefined, out: Finding[]): void {
    if (m?.tooLarge) {
        out.push(finding('bos/number', `the ${what} ${TOO_LARGE}`, { node: m.source }));
        return;
    }
    if (!m || m.base !== undefined) return;
    const message = `${what} needs ${UNIT_EXAMPLES[m.expected]}, not ${written(m)}${hint(m)}`;
    out.push(finding('bos/unit', message, { node: m.source }, undefined, { dimension: m.expected }));
}

function checkPer(p: Price | undefined, out: Finding[]): void {
    if (p && !Number.isFinite(p.per)) {
        out.push(finding('bos/number', `the 'per' count ${TOO_LARGE}`, { node: p.source, property: 'per', index: 0 }));
    }
}

/** Reads each declaration's own values only: run per file (`LocalCheck`). */
export function checkUnits(nodes: readonly ModelNode[]): Finding[] {
    const out: Finding[] = [];
    for (const node of nodes) {
        for (const property of QUANTITY_PROPERTIES) check(property, node[property], out);
        for (const property of PRICE_PROPERTIES) {
            check(property, node[property]?.amount, out);
            checkPer(node[property], out);
        }
        for (const { rate } of node.loads) check('load', rate, out);
        for (const d of node.deps) {
            if (Number.isFinite(d.weight)) continue;
            out.push(
                finding('bos/number', `the weight ${TOO_LARGE}`, { node: d.source, property: 'weight', index: 0 }),
            );
        }
    }
    return out;
}
