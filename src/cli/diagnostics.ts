// Diagnostics as the CLI reports them: relative file, 1-based positions, sorted. Each
// output counts columns its reader's way: JSON and SARIF in UTF-16 code units, as LSP
// does; text in screen columns, as GNU tools, Emacs and Vim's `%v` do.
import { type AstNode, CstUtils, type LangiumDocument } from 'langium';
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic, Position } from 'vscode-languageserver-types';
import { charCells } from '../analysis/cells.js';
import type { Severity } from '../checks/codes.js';
import type { DiffSide } from '../diff/diff.js';
import type { BosModel } from '../model/model.js';
import type { LoadedFile, LoadedWorkspace } from '../workspace/load.js';

/** A place in a file: absolute path, 1-based lines, columns in UTF-16 code units. */
export interface Span {
    path: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
}

export interface Row extends Span {
    /** The path relative to the current folder. */
    file: string;
    severity: Severity;
    code: string;
    message: string;
    /** The column in screen cells (GNU): a tab moves to the next multiple of 8, a wide character takes two. */
    screenColumn: number;
    /** Other places that explain this one (the other duplicate, the members of a cycle). */
    related: (Span & { message: string })[];
    /** Qualified name of the declaration the diagnostic lies in, when there is one (collectRows with a model). */
    declaration?: string;
    /** The scenario a finding is about, when its data names one. */
    scenario?: string;
}

export interface Summary {
    errors: number;
    warnings: number;
    infos: number;
    hints: number;
}

const SEVERITY: Readonly<Record<number, Severity>> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

export function displayPath(path: string): string {
    return relative(process.cwd(), path).split(sep).join('/') || path;
}

/** A row as `bos validate --format json` prints it (cli.md): these keys, in this order. */
export function jsonRow(r: Row) {
    const { file, line, column, endLine, endColumn, severity, code, message } = r;
    return { file, line, column, endLine, endColumn, severity, code, message };
}

/** Every diagnostic of the files; with the model, each knows the declaration it lies in. */
export function collectRows(files: readonly LoadedFile[], model?: BosModel): Row[] {
    const rows: Row[] = [];
    for (const f of files) {
        const file = displayPath(f.path);
        for (const d of f.diagnostics) {
            const scenario = (d.data as { scenario?: unknown } | undefined)?.scenario;
            rows.push({
                ...span(f.path, d.range),
                file,
                severity: SEVERITY[d.severity ?? 1],
                code: String(d.code ?? 'bos/syntax'),
                message: typeof d.message === 'string' ? d.message : d.message.value,
                screenColumn: 1,
                related: (d.relatedInformation ?? []).map(r => ({
                    ...span(fileURLToPath(r.location.uri), r.location.range),
                    message: r.message,
                })),
                declaration: model && f.document && declarationAt(f.document, d, model),
                scenario: typeof scenario === 'string' ? scenario : undefined,
            });
        }
    }
    rows.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
    // In order, so that the findings of one long line cost one pass over it.
    const documents = new Map(files.map(f => [f.path, f.document]));
    let screen = (_: Position) => 1;
    rows.forEach((r, i) => {
        if (i === 0 || rows[i - 1].path !== r.path) {
            const doc = documents.get(r.path);
            screen = doc ? screenColumns(doc) : () => 1;
        }
        r.screenColumn = screen({ line: r.line - 1, character: r.column - 1 });
    });
    return rows;
}

function span(path: string, range: Diagnostic['range']): Span {
    return {
        path,
        line: range.start.line + 1,
        column: range.start.character + 1,
        endLine: range.end.line + 1,
        endColumn: range.end.character + 1,
    };
}

const TAB_STOP = 8;

/**
 * The 1-based screen column of positions in one document. It continues from the last
 * position asked when that one was earlier on the same line.
 */
function screenColumns(doc: LangiumDocument) {
    let line = -1, character = 0, column = 1;
    return (at: Position): number => {
        if (at.line !== line || at.character < character) [line, character, column] = [at.line, 0, 1];
        const text = doc.textDocument.getText({ start: { line, character }, end: at });
        for (const ch of text) {
            column = ch === '\t'
                ? column + TAB_STOP - ((column - 1) % TAB_STOP)
                : column + charCells(ch);
        }
        character = at.character;
        return column;
    };
}

/** The qualified name of the innermost declaration holding the diagnostic's start. */
function declarationAt(doc: LangiumDocument, d: Diagnostic, model: BosModel): string | undefined {
    const root = doc.parseResult.value.$cstNode;
    if (!root) return undefined;
    const offset = doc.textDocument.offsetAt(d.range.start);
    const leaf = CstUtils.findLeafNodeAtOffset(root, offset) ?? CstUtils.findLeafNodeBeforeOffset(root, offset);
    for (let node: AstNode | undefined = leaf?.astNode; node; node = node.$container) {
        const id = model.byAst.get(node)?.id;
        if (id !== undefined) return id;
    }
    return undefined;
}

export function summarise(rows: readonly Row[]): Summary {
    const s: Summary = { errors: 0, warnings: 0, infos: 0, hints: 0 };
    for (const r of rows) s[`${r.severity}s` as keyof Summary]++;
    return s;
}

export function plural(n: number, word: string): string {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `2 errors, 1 warning in 14 files` (infos and hints only when there are some). */
export function summaryLine(s: Summary, files: number): string {
    const parts = [plural(s.errors, 'error'), plural(s.warnings, 'warning')];
    if (s.infos) parts.push(plural(s.infos, 'info'));
    if (s.hints) parts.push(plural(s.hints, 'hint'));
    return `${parts.join(', ')} in ${plural(files, 'file')}`;
}

/** A side of a diff: its findings know their declaration, and their file from the side's root. */
export function diffSide(ws: Pick<LoadedWorkspace, 'files' | 'result'>, root: string): DiffSide {
    const findings = collectRows(ws.files, ws.result.model).map(r => ({
        ...r,
        origin: relative(root, r.path).split('\\').join('/'),
    }));
    return { model: ws.result.model, analysis: ws.result.analysis, findings };
}
