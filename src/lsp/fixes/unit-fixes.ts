// Quick fixes for bos/unit: the dimension the place needs comes with the finding; the
// fixes write the number with a unit of that dimension (or as a whole count).
import { type AstNode, AstUtils, GrammarUtils } from 'langium';
import * as ast from '../../language/generated/ast.js';
import { type Dimension, isCurrencyCode, UNITS } from '../../model/units.js';
import { type Fix, replacements } from './fix.js';

/** `currencies`: those the workspace already uses, most used first; they lead the money fixes. */
export function fixUnit(node: AstNode, dimension: Dimension | undefined, currencies: readonly string[]): Fix[] {
    const q = AstUtils.getContainerOfType(node, ast.isQuantity);
    if (!q?.$cstNode || !dimension) return [];
    const number = GrammarUtils.findNodeForProperty(q.$cstNode, 'value')?.text ?? String(q.value);
    const unit = q.unit ?? '';
    const choices: { title: string; newText: string }[] = [];
    const attached = (text: string) => choices.push({ title: `Write '${text}'`, newText: text });
    if (/^[kMB](\/.+)?$/.test(unit)) attached(`${number}${unit}`);
    if (dimension === 'money') {
        const upper = unit.toUpperCase();
        if (isCurrencyCode(upper)) choices.push({ title: `Change to '${upper}'`, newText: `${number} ${upper}` });
        const offered = [...currencies, ...UNITS.money.slice(0, 3).filter(c => !currencies.includes(c))];
        for (const c of offered) choices.push({ title: `Use ${c}`, newText: `${number} ${c}` });
    } else if (dimension === 'ratio' && !unit && q.value <= 1) {
        attached(`${+(q.value * 100).toFixed(6)}%`);
    } else if (dimension === 'count') {
        attached(String(Math.max(1, Math.round(q.value))));
    } else {
        for (const u of UNITS[dimension]) choices.push({ title: `Use '${number}${u}'`, newText: `${number}${u}` });
    }
    return replacements(q.$cstNode.range, choices);
}
