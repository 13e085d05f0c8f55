// A file reader may fail to decode a file (not UTF-8, unreadable). It then hands the
// document an empty text and remembers why; the document validator turns that into
// the file's one diagnostic. Readers live in workspace/; this is their contract.
import type { URI } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';

/** What the document validator asks of a file reader. */
export interface SourceProblems {
    problemOf(uri: URI): string | undefined;
}

export function hasSourceProblems(reader: unknown): reader is SourceProblems {
    return typeof (reader as Partial<SourceProblems>).problemOf === 'function';
}

/** The one diagnostic of a file that could not be read as UTF-8 text, at its start. */
export function fileProblemDiagnostic(message: string): Diagnostic {
    return {
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: 1,
        code: 'bos/syntax',
        message,
        source: 'bos',
    };
}
