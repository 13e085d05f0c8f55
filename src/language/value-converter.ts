// Numbers carry `_` separators and the scale suffixes k, M, B (spec section 1).
import { type CstNode, DefaultValueConverter, type GrammarAST, type ValueType } from 'langium';

const SCALE: Readonly<Record<string, number>> = { k: 1e3, M: 1e6, B: 1e9 };

export function parseNumber(text: string): number {
    const last = text[text.length - 1];
    const scale = SCALE[last] ?? 1;
    const digits = (scale === 1 ? text : text.slice(0, -1)).replace(/_/g, '');
    return Number(digits) * scale;
}

export class BosValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        return rule.name === 'NUMBER' ? parseNumber(input) : super.runConverter(rule, input, cstNode);
    }
}
