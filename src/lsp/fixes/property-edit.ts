// Writes one quantity statement of a capability or resource (`instances 1_073`): replaces
// the value of the first one written (the one that counts), or adds the statement to the
// body — on a line of its own with the indentation of the other statements, after them
// in a one-line body, or in a new body when the declaration has none.
import { GrammarUtils, type LangiumDocument } from 'langium';
import type { TextEdit } from 'vscode-languageserver';
import type * as ast from '../../language/generated/ast.js';
import { insertion } from './fix.js';

export type StationProperty = 'capacity' | 'instances' | 'concurrency';

/** The formatter's indentation step, for a statement in a body that has none yet. */
const INDENT = '  ';

export function setProperty(
    document: LangiumDocument,
    decl: ast.Capability | ast.Resource,
    property: StationProperty,
    value: string,
): TextEdit | undefined {
    const written = decl[property][0]?.$cstNode;
    if (written) return { range: written.range, newText: value };
    const cst = decl.$cstNode;
    if (!cst) return undefined;
    const statement = `${property} ${value}`;
    const textDocument = document.textDocument;
    const open = GrammarUtils.findNodeForKeyword(cst, '{');
    const close = GrammarUtils.findNodeForKeyword(cst, '}');
    if (!open || !close) return insertion(cst.range.end, ` { ${statement} }`);
    const text = textDocument.getText();
    const inner = text.slice(open.end, close.offset);
    const range = (start: number, end: number) => ({
        start: textDocument.positionAt(start),
        end: textDocument.positionAt(end),
    });
    if (/^\s*$/.test(inner)) {
        if (!inner.includes('\n')) return { range: range(open.end, close.offset), newText: ` ${statement} ` };
        // `{` and `}` on lines of their own: one step in from the declaration's line.
        const closeIndent = inner.slice(inner.lastIndexOf('\n') + 1);
        return {
            range: range(open.end, close.offset),
            newText: `\n${indentAt(text, cst.offset)}${INDENT}${statement}\n${closeIndent}`,
        };
    }
    const after = open.end + inner.trimEnd().length;
    // A statement that starts a line sets the indentation; else the body is one line.
    const line = /\n([ \t]*)\S/.exec(inner);
    return insertion(textDocument.positionAt(after), line ? `\n${line[1]}${statement}` : ` ${statement}`);
}

/** The whitespace that starts the line `offset` is on. */
function indentAt(text: string, offset: number): string {
    const start = text.lastIndexOf('\n', offset - 1) + 1;
    return /^[ \t]*/.exec(text.slice(start, offset))![0];
}
