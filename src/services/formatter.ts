// The canonical layout (`bos format` and the editor's formatting). It walks the tokens
// of the parse tree, comments included, and only ever rewrites the whitespace between
// two tokens, so no token and no comment can be lost or changed:
// - one declaration or statement per line, at most one blank line kept between them;
// - a body written on one line stays on one line (`{ uses A, B }`); any other body has
//   `{` at the end of its header, one statement per line, indented, `}` on its own line;
// - single spaces around `:` and `x`, after `,` and keywords; none around `.`;
// - units against the number (`583k/s`, `150ms`, `20%`), currencies after a space
//   (`0.05 CNY`); other units keep one space, so `2 k/s` never turns into `2k/s`;
// - a comment stays on its line: a trailing comment stays trailing.
import {
    type AstNode,
    type CstNode,
    CstUtils,
    type GrammarAST,
    isLeafCstNode,
    type LangiumDocument,
    type LeafCstNode,
} from 'langium';
import type { Formatter } from 'langium/lsp';
import type {
    DocumentFormattingParams,
    DocumentOnTypeFormattingOptions,
    DocumentRangeFormattingParams,
    FormattingOptions,
    Range,
    TextEdit,
} from 'vscode-languageserver-protocol';
import { isDeclaration, isQuantity } from '../language/generated/ast.js';
import { NAME_RULES } from '../language/names.js';
import { PROPERTY_NAMES } from '../model/properties.js';
import { RELATION_NAMES } from '../model/relations.js';
import { UNITS } from '../model/units.js';
import { RESERVED } from '../model/vocabulary.js';

/** Words that start a statement or a declaration: properties, relations, reserved words. */
const STATEMENTS: ReadonlySet<string> = new Set([
    ...PROPERTY_NAMES,
    ...RELATION_NAMES.map(r => r.split(' ')[0]),
    ...[...RESERVED].filter(w => w !== 'as'),
]);
/** Units written against their number (`583k/s`, `150ms`, `20%`); currencies keep a space. */
const ATTACHED_UNITS: ReadonlySet<string> = new Set([...UNITS.rate, ...UNITS.duration, ...UNITS.ratio]);

interface Gap {
    start: number;
    end: number;
    text: string;
}

function isComment(n: LeafCstNode): boolean {
    return n.hidden && (n.text.startsWith('//') || n.text.startsWith('/*'));
}

/**
 * A keyword token that starts a statement or a declaration: not the same word used as
 * a name (`element product`, `org.platform`) or as a value (`layer platform`, inside an
 * assignment).
 */
function startsStatement(n: LeafCstNode): boolean {
    if (!STATEMENTS.has(n.text) || n.hidden || n.grammarSource?.$type !== 'Keyword') return false;
    for (let g: AstNode | undefined = n.grammarSource.$container; g; g = g.$container) {
        if (g.$type === 'Assignment') return false;
        if (g.$type === 'ParserRule') return !NAME_RULES.has((g as GrammarAST.ParserRule).name);
    }
    return false;
}

function unitSpacing(prev: LeafCstNode, next: LeafCstNode): string | undefined {
    const q = next.astNode;
    if (!isQuantity(q) || q.unit === undefined || prev.astNode !== q) return undefined;
    if (prev.text === '/' || next.text === '/') return '';
    if (!/^\d/.test(prev.text)) return undefined;
    // `600k s` must not become `600ks`, which reads as 600 followed by the name `ks`.
    if (/[kMB]$/.test(prev.text) && /^\p{L}/u.test(next.text)) return ' ';
    return ATTACHED_UNITS.has(q.unit) ? '' : ' ';
}

export class BosFormatter implements Formatter {
    readonly formatOnTypeOptions: DocumentOnTypeFormattingOptions | undefined = undefined;

    formatDocument(document: LangiumDocument, params: DocumentFormattingParams): TextEdit[] {
        return this.edits(document, params.options);
    }

    formatDocumentRange(document: LangiumDocument, params: DocumentRangeFormattingParams): TextEdit[] {
        return this.edits(document, params.options, params.range);
    }

    formatDocumentOnType(): TextEdit[] {
        return [];
    }

    private edits(document: LangiumDocument, options: FormattingOptions, range?: Range): TextEdit[] {
        const root = document.parseResult.value.$cstNode;
        if (!root || document.parseResult.parserErrors.length || document.parseResult.lexerErrors.length) return [];
        const text = document.textDocument.getText();
        const from = range ? document.textDocument.offsetAt(range.start) : 0;
        const to = range ? document.textDocument.offsetAt(range.end) : text.length;
        const unit = options.insertSpaces ? ' '.repeat(options.tabSize) : '\t';
        // Keep the file's line endings: a CRLF file stays CRLF.
        const eol = text.includes('\r\n') ? '\r\n' : '\n';
        const out: TextEdit[] = [];
        for (const gap of this.gaps(root, text, unit, eol)) {
            if (gap.start < from || gap.end > to || text.slice(gap.start, gap.end) === gap.text) continue;
            out.push({
                range: {
                    start: document.textDocument.positionAt(gap.start),
                    end: document.textDocument.positionAt(gap.end),
                },
                newText: gap.text,
            });
        }
        return out;
    }

    /** The whitespace every gap between two tokens should hold. */
    private *gaps(root: CstNode, text: string, indentUnit: string, eol: string): Generator<Gap> {
        const tokens = CstUtils.streamCst(root).filter((n): n is LeafCstNode =>
            isLeafCstNode(n) && (!n.hidden || isComment(n))
        ).toArray();
        const oneLine: boolean[] = []; // per open brace: is the body kept on one line?
        let depth = 0;
        for (let i = 0; i < tokens.length; i++) {
            const t = tokens[i];
            const prev = tokens[i - 1];
            const start = prev ? prev.end : 0;
            const original = text.slice(start, t.offset);
            const breaks = (original.match(/\n/g) ?? []).length;
            const closing = t.text === '}' && !t.hidden;
            const inline = oneLine[oneLine.length - 1] ?? false;
            const newline = (blank: boolean) =>
                `${blank && breaks > 1 ? eol : ''}${eol}${indentUnit.repeat(Math.max(0, depth - (closing ? 1 : 0)))}`;
            let gap: string;
            if (!prev) gap = original.startsWith('\uFEFF') ? '\uFEFF' : '';
            else if (isComment(prev) && prev.text.startsWith('//')) gap = newline(true);
            else if (isComment(t) || isComment(prev)) gap = breaks > 0 ? newline(true) : ' ';
            else if (closing) gap = inline ? ' ' : newline(false);
            else if (prev.text === '{' && !prev.hidden) gap = inline ? ' ' : newline(true);
            else if (startsStatement(t)) gap = depth > 0 && inline ? ' ' : newline(depth === 0 || prev.text !== '{');
            else if (t.text === '.' || prev.text === '.' || t.text === ',' || t.text === ';') gap = '';
            else gap = unitSpacing(prev, t) ?? ' ';
            if (prev) yield { start, end: t.offset, text: gap };
            if (t.text === '{' && !t.hidden) {
                oneLine.push(this.staysOnOneLine(t, text));
                depth++;
            } else if (closing) {
                oneLine.pop();
                depth = Math.max(0, depth - 1);
            }
        }
        const last = tokens[tokens.length - 1];
        if (last) yield { start: last.end, end: text.length, text: eol };
    }

    /** A body stays on one line when it was written on one line and holds no declaration. */
    private staysOnOneLine(open: LeafCstNode, text: string): boolean {
        const owner = open.astNode;
        const close = owner.$cstNode
            && CstUtils.streamCst(owner.$cstNode).filter(isLeafCstNode).filter(n =>
                n.text === '}' && n.astNode === owner
            ).head();
        if (!close || text.slice(open.offset, close.offset).includes('\n')) return false;
        return !isDeclaration(owner)
            || !('capabilities' in owner && owner.capabilities.length)
                && !('resources' in owner && owner.resources.length);
    }
}
