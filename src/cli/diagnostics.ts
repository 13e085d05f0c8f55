// Diagnostics as the CLI reports them: relative file, 1-based positions, sorted.
import { relative, sep } from 'node:path';
import type { Severity } from '../checks/codes.js';
import type { LoadedFile } from '../workspace/load.js';

export interface Row {
    file: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    severity: Severity;
    code: string;
    message: string;
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

export function collectRows(files: readonly LoadedFile[]): Row[] {
    const rows: Row[] = [];
    for (const f of files) {
        const file = displayPath(f.path);
        for (const d of f.diagnostics) {
            rows.push({
                file,
                line: d.range.start.line + 1,
                column: d.range.start.character + 1,
                endLine: d.range.end.line + 1,
                endColumn: d.range.end.character + 1,
                severity: SEVERITY[d.severity ?? 1],
                code: String(d.code ?? 'bos/syntax'),
                message: typeof d.message === 'string' ? d.message : d.message.value,
            });
        }
    }
    return rows.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
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
