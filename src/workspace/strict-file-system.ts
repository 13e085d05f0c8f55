// The language server's file reader: the same strict UTF-8 reading as the CLI, so a file
// that is not UTF-8 (or cannot be read) becomes one clear diagnostic instead of a
// text full of replacement characters and syntax errors.
import type { URI } from 'langium';
import { NodeFileSystemProvider } from 'langium/node';
import type { SourceProblems } from '../services/source-problems.js';
import { readSource } from './files.js';

export class StrictFileSystemProvider extends NodeFileSystemProvider implements SourceProblems {
    private readonly problems = new Map<string, string>();

    override async readFile(uri: URI): Promise<string> {
        return this.readFileSync(uri);
    }

    override readFileSync(uri: URI): string {
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
