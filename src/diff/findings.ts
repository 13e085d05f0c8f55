// Findings introduced and resolved, matched by code, the declaration they are about
// (after renames) and the scenario, never by line: an edit that only moves lines, or
// changes the numbers in a message, introduces nothing. Among several alike, the same
// message with its numbers left out matches first, then the rest pair in order.
import type { Severity } from '../checks/codes.js';
import type { Renames } from './renames.js';

/** A diagnostic as the CLI reports it, with what it is about. */
export interface FindingRow {
    file: string;
    line: number;
    column: number;
    /** The column in screen cells, as validate's text prints it. */
    screenColumn?: number;
    endLine: number;
    endColumn: number;
    severity: Severity;
    code: string;
    message: string;
    /** Qualified name of the declaration it lies in, when there is one. */
    declaration?: string;
    /** The scenario it is about, when it is about one. */
    scenario?: string;
    /** The file's path from its side's root: what a finding outside any declaration is matched by. */
    origin: string;
}

export interface FindingDiff {
    introduced: FindingRow[];
    resolved: FindingRow[];
}

/** Numbers with their scale (`583k`, `97.2`, `1_200`), which change while the finding stays. */
const NUMBER = /\d[\d_.,]*[kMB]?/g;

function key(f: FindingRow, rename: (id: string) => string): string {
    const about = f.declaration === undefined ? `file ${f.origin}` : rename(f.declaration);
    return `${f.code}\u0000${about}\u0000${f.scenario === undefined ? '' : rename(f.scenario)}`;
}

export function diffFindings(
    before: readonly FindingRow[],
    after: readonly FindingRow[],
    renames: Renames,
): FindingDiff {
    const rename = (id: string) => renames.get(id) ?? id;
    const old = new Map<string, FindingRow[]>();
    for (const f of before) {
        const k = key(f, rename);
        const list = old.get(k);
        if (list) list.push(f);
        else old.set(k, [f]);
    }
    const introduced: FindingRow[] = [];
    const unmatched = new Map<string, FindingRow[]>();
    for (const f of after) {
        const k = key(f, rename);
        const list = old.get(k);
        const i = list?.findIndex(o => o.message.replace(NUMBER, '#') === f.message.replace(NUMBER, '#')) ?? -1;
        if (i >= 0) list!.splice(i, 1);
        else (unmatched.get(k) ?? unmatched.set(k, []).get(k)!).push(f);
    }
    for (const [k, fs] of unmatched) {
        const rest = old.get(k) ?? [];
        // Loops, not push(...): a huge model can have more findings than a call has arguments.
        for (const f of fs.slice(rest.length)) introduced.push(f);
        rest.splice(0, fs.length);
    }
    const resolved = [...old.values()].flat();
    return { introduced: sorted(introduced), resolved: sorted(resolved) };
}

function sorted(rows: FindingRow[]): FindingRow[] {
    return rows.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
}
