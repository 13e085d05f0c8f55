// A file reader may fail to decode a file (not UTF-8, unreadable). It then hands the
// document an empty text and remembers why; the document validator turns that into
// the file's one diagnostic. Readers live in workspace/ (disk) and lsp/ (the browser
// client's file system); this is their contract and their one strict decoding.
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

export type SourceText = { path: string; text: string; bom: boolean } | { path: string; error: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A file's bytes as strict UTF-8 text, from disk or from a git blob; what is not UTF-8 is an error to report. */
export function decodeSource(path: string, bytes: Uint8Array): SourceText {
    try {
        // The byte-order mark is not text (editors hide it too); `bos format` puts it back.
        return { path, text: utf8.decode(bytes), bom: bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf };
    } catch {
        return { path, error: `the file is not UTF-8 text (${describeBadByte(bytes)}); save it as UTF-8` };
    }
}

function describeBadByte(bytes: Uint8Array): string {
    // Binary files usually give themselves away with a NUL byte early on.
    const nul = bytes.subarray(0, 8000).indexOf(0);
    return nul >= 0 ? `it looks binary: NUL byte at offset ${nul}` : `invalid byte sequence`;
}
