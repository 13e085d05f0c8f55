// Two fixes for Unicode identifiers in Chevrotain:
// - Langium tests whether a keyword could start a longer identifier with the ID regex
//   source but without its flags, so `\p{L}` never matches and `kinds` would lex as
//   `kind` + `s`. Word keywords yield to ID here.
// - Chevrotain cannot analyse regexes with the `u` flag and then drops its first-char
//   optimisation for the whole lexer (about 3x slower). Start-char hints restore it.
import type { TokenType } from 'chevrotain';
import { DefaultTokenBuilder, type GrammarAST } from 'langium';

/** ASCII letters, `_`, `^`, all of Latin-1, and one code per Chevrotain bucket above it. */
function identifierStarts(): number[] {
    const codes: number[] = [];
    for (const [from, to] of [['a', 'z'], ['A', 'Z']]) {
        for (let c = from.charCodeAt(0); c <= to.charCodeAt(0); c++) codes.push(c);
    }
    codes.push('_'.charCodeAt(0), '^'.charCodeAt(0));
    for (let c = 0x80; c < 0x100; c++) codes.push(c);
    // Chevrotain groups char codes above 255 in buckets of 255; one member stands for all.
    for (let c = 0x100; c < 0x10000; c += 255) codes.push(c);
    return codes;
}

const START_HINTS: Readonly<Record<string, () => number[]>> = {
    ID: identifierStarts,
    NUMBER: () => [...'0123456789'].map(d => d.charCodeAt(0)),
};

export class BosTokenBuilder extends DefaultTokenBuilder {
    protected override buildTerminalToken(terminal: GrammarAST.TerminalRule): TokenType {
        const token = super.buildTerminalToken(terminal);
        const hint = START_HINTS[terminal.name];
        if (hint) {
            token.START_CHARS_HINT = hint();
            token.LINE_BREAKS = false;
        }
        return token;
    }

    protected override findLongerAlt(keyword: GrammarAST.Keyword, terminalTokens: TokenType[]): TokenType[] {
        const id = terminalTokens.find(t => t.name === 'ID');
        return id && /^\p{L}/u.test(keyword.value) ? [id] : super.findLongerAlt(keyword, terminalTokens);
    }
}
