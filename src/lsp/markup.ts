// Editor text built once as blocks and rendered the way the client asked: Markdown, or
// plain text for clients that show Markdown source (eglot without markdown-mode, many
// terminal editors), where `**capability**` and table pipes would be noise.
import type { MarkupKind } from 'vscode-languageserver';
import { padEndCells, padStartCells, widestCells } from '../analysis/cells.js';

/** Inline text: a string is user text (escaped for Markdown); the others are marked up. */
export type Span = string | { strong: string } | { code: string } | { emphasis: string };

export interface Column {
    title: string;
    align?: 'left' | 'right';
}

export type Block = { paragraph: Span[] } | { table: { columns: Column[]; rows: string[][] } };

/** The first format of the client's list (its preference) that we write; Markdown when it says nothing. */
export function preferredMarkup(formats: readonly string[] | undefined): MarkupKind {
    return formats?.find((f): f is MarkupKind => f === 'markdown' || f === 'plaintext') ?? 'markdown';
}

export function render(blocks: readonly Block[], kind: MarkupKind): string {
    const markdown = kind === 'markdown';
    return blocks.map(b => ('paragraph' in b ? paragraph(b.paragraph, markdown) : table(b.table, markdown))).join(
        '\n\n',
    );
}

function paragraph(spans: readonly Span[], markdown: boolean): string {
    if (!markdown) return spans.map(plainSpan).join('');
    // What would start a heading, quote, list or rule at the start of a line.
    return spans.map(markdownSpan).join('')
        .replace(/^(\s*)(#{1,6}(?=\s|$)|>|[-+](?=\s|$)|=+\s*$|-+\s*$)/gm, '$1\\$2')
        .replace(/^(\s*\d+)([.)])(?=\s|$)/gm, '$1\\$2');
}

function plainSpan(s: Span): string {
    if (typeof s === 'string') return s;
    if ('strong' in s) return s.strong;
    if ('emphasis' in s) return s.emphasis;
    return s.code;
}

function markdownSpan(s: Span): string {
    if (typeof s === 'string') return escape(s);
    if ('strong' in s) return `**${escape(s.strong)}**`;
    if ('emphasis' in s) return `_${escape(s.emphasis)}_`;
    return `\`${s.code}\``; // names and numbers: never a backtick in them
}

/**
 * Markdown-safe user text (titles, descriptions): only what would turn into markup is
 * escaped, so a client that shows the source reads `(2020)`, not `\(2020\)`.
 */
function escape(text: string): string {
    return text.replace(/[\\`*_[\]<]|&(?=#?\w+;)/g, c => `\\${c}`);
}

const escapeCell = (text: string) => escape(text).replace(/\|/g, '\\|');

function table({ columns, rows }: { columns: Column[]; rows: string[][] }, markdown: boolean): string {
    if (markdown) {
        const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
        return [
            line(columns.map(c => escapeCell(c.title))),
            line(columns.map(c => (c.align === 'right' ? '---:' : '---'))),
            ...rows.map(r => line(r.map(escapeCell))),
        ].join('\n');
    }
    const widths = columns.map((c, i) => widestCells([c.title, ...rows.map(r => r[i])]));
    const line = (cells: readonly string[]) =>
        cells.map((
            cell,
            i,
        ) => (columns[i].align === 'right' ? padStartCells(cell, widths[i]) : padEndCells(cell, widths[i])))
            .join('  ').trimEnd();
    return [line(columns.map(c => c.title)), ...rows.map(line)].join('\n');
}
