// A quick fix before it becomes an LSP code action: a title and the edits of one file.
import type { Position, Range, TextEdit } from 'vscode-languageserver';
import type { FindingData } from '../../checks/finding.js';

export interface Fix {
    title: string;
    edits: TextEdit[];
    preferred?: boolean;
    /** The file the edits are in, when it is not the diagnostic's (a bottleneck may be declared anywhere). */
    uri?: string;
}

/** One fix per choice, each replacing `range`; the first is preferred. */
export function replacements(range: Range, choices: readonly { title: string; newText: string }[]): Fix[] {
    return choices.map((c, i) => ({ title: c.title, preferred: i === 0, edits: [{ range, newText: c.newText }] }));
}

export function insertion(at: Position, newText: string): TextEdit {
    return { range: { start: at, end: at }, newText };
}

/** The data a finding gave its diagnostic (see `FindingData`); clients return it untouched. */
export function findingData(data: unknown): FindingData {
    return typeof data === 'object' && data !== null ? data as FindingData : {};
}
