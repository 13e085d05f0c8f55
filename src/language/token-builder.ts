// Langium tests whether a keyword could be the start of a longer identifier with the
// terminal's regex source but without its flags, so the Unicode `\p{L}` in ID never
// matches and `kinds` would lex as `kind` + `s`. Word keywords yield to ID here.
import { DefaultTokenBuilder, type GrammarAST } from 'langium';
import type { TokenType } from 'chevrotain';

export class BosTokenBuilder extends DefaultTokenBuilder {
    protected override findLongerAlt(keyword: GrammarAST.Keyword, terminalTokens: TokenType[]): TokenType[] {
        const id = terminalTokens.find(t => t.name === 'ID');
        return id && /^\p{L}/u.test(keyword.value) ? [id] : super.findLongerAlt(keyword, terminalTokens);
    }
}
