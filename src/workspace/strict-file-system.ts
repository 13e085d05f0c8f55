// The language server's file reader: the same strict UTF-8 reading as the CLI, so a file
// that is not UTF-8 (or cannot be read) becomes one clear diagnostic instead of a
// text full of replacement characters and syntax errors.
import type { URI } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { NodeFileSystemProvider } from 'langium/node';
import { readSource } from './files.js';

/** What the document validator asks of a file reader. */
export interface SourceProblems { problemOf(uri: URI): string | undefined }

export class StrictFileSystemProvider extends NodeFileSystemProvider implements SourceProblems {
    private readonly problems = new Map<string, string>();

    override async readFile(uri: URI): Promise<string> {
        const key = uri.toString();
        this.problems.delete(key);
        try {
            const source = readSource(uri.fsPath);
            if ('text' in source) return source.text;
            this.problems.set(key, source.error);
        } catch (err) {
            this.problems.set(key, (err as Error).message);
        }
        return '';
    }

    problemOf(uri: URI): string | undefined {
        return this.problems.get(uri.toString());
    }
}

export function hasSourceProblems(reader: unknown): reader is SourceProblems {
    return typeof (reader as Partial<SourceProblems>).problemOf === 'function';
}

/** The one diagnostic of a file that could not be read as UTF-8 text, at its start. */
export function fileProblemDiagnostic(message: string): Diagnostic {
    return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 1, code: 'bos/syntax', message, source: 'bos' };
}
