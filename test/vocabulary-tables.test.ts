// The tables of src/model/ against the grammar: every word a declaration's body may
// start a statement with is in the property or relation table for that declaration, and
// the other way round, so a property cannot be added to one and forgotten in the other.
import { AstUtils, GrammarAST } from 'langium';
import { describe, expect, it } from 'vitest';
import { BosGrammar } from '../src/language/generated/grammar.js';
import { PROPERTIES, propertiesOf } from '../src/model/properties.js';
import { relationsOf } from '../src/model/relations.js';
import { DECLARATION_KEYWORDS, type DeclarationKeyword, DECLARATIONS } from '../src/model/vocabulary.js';

/** Every keyword a parser rule uses, fragments included (not other rules' bodies). */
function keywordsOf(rule: GrammarAST.ParserRule, seen = new Set<string>()): Set<string> {
    const out = new Set<string>();
    for (const node of AstUtils.streamAllContents(rule)) {
        if (GrammarAST.isKeyword(node)) out.add(node.value);
        const called = GrammarAST.isRuleCall(node) ? node.rule.ref : undefined;
        if (GrammarAST.isParserRule(called) && called.fragment && !seen.has(called.name)) {
            seen.add(called.name);
            for (const k of keywordsOf(called, seen)) out.add(k);
        }
    }
    return out;
}

const rules = new Map(BosGrammar().rules.filter(GrammarAST.isParserRule).map(r => [r.name, r]));
const PUNCTUATION = /^[^a-z]+$/;
/** Words inside a statement that start none: `depends on`, `runs on`, `x 2`, `per 10k`. */
const INNER = new Set(['on', 'x', 'per']);

function expectedWords(keyword: DeclarationKeyword): string[] {
    const relationWords = relationsOf(keyword).map(r => r.split(' ')[0]);
    return [keyword, ...propertiesOf(keyword), ...relationWords].sort();
}

describe('the property and relation tables match the grammar', () => {
    for (const keyword of DECLARATION_KEYWORDS) {
        it(`${keyword}: the statements its body may hold`, () => {
            const rule = rules.get(DECLARATIONS[keyword].type)!;
            const words = [...keywordsOf(rule)].filter(w => !PUNCTUATION.test(w) && !INNER.has(w)).sort();
            expect(words).toEqual([...new Set(expectedWords(keyword))].sort());
        });
    }

    it('every property stands somewhere', () => {
        for (const [property, p] of Object.entries(PROPERTIES)) expect(p.on.length, property).toBeGreaterThan(0);
    });
});
