// The browser language server's file reader. A Web Worker has no disk, so the server asks
// its client, which reads through VS Code's workspace file system (virtual workspaces
// such as github.dev's included). The same strict UTF-8 decoding as on disk: a file that
// cannot be read or decoded becomes its one diagnostic, a folder that cannot be listed
// one line in the log, and the rest of the workspace is still checked.
import { type FileSystemNode, type FileSystemProvider, URI } from 'langium';
import type { Connection } from 'vscode-languageserver';
import { decodeSource, type SourceProblems } from '../services/source-problems.js';
import { type DirectoryEntry, FILE_REQUEST, type FileAnswers } from './protocol.js';

/** Requests in flight at once: a slow file system gets a steady queue, not thousands at a time. */
const IN_FLIGHT = 16;

const reason = (err: unknown) => (err instanceof Error ? err.message : String(err));

function bytesOf(base64: string): Uint8Array {
    const binary = atob(base64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
}

const node = (e: DirectoryEntry): FileSystemNode => ({
    uri: URI.parse(e.uri),
    isFile: e.isFile,
    isDirectory: e.isDirectory,
});

const noSync = (): never => {
    throw new Error('the browser language server reads files only asynchronously');
};

export class ClientFileSystemProvider implements FileSystemProvider, SourceProblems {
    private readonly problems = new Map<string, string>();
    private running = 0;
    private readonly queue: (() => void)[] = [];

    constructor(private readonly connection: Connection) {}

    async readFile(uri: URI): Promise<string> {
        const key = uri.toString();
        this.problems.delete(key);
        const result = await this.ask(FILE_REQUEST.read, key);
        if (result.base64 === undefined) {
            this.problems.set(key, `cannot read the file: ${result.error ?? 'no answer'}`);
            return '';
        }
        const source = decodeSource(key, bytesOf(result.base64));
        if ('text' in source) return source.text;
        this.problems.set(key, source.error);
        return '';
    }

    async readBinary(uri: URI): Promise<Uint8Array> {
        const result = await this.ask(FILE_REQUEST.read, uri.toString());
        if (result.base64 === undefined) throw new Error(`cannot read ${uri.toString()}: ${result.error}`);
        return bytesOf(result.base64);
    }

    async readDirectory(uri: URI): Promise<FileSystemNode[]> {
        const result = await this.ask(FILE_REQUEST.list, uri.toString());
        if (!result.entries) {
            this.connection.console.error(
                `bos: cannot list ${uri.toString()}: ${result.error}; its files are not checked`,
            );
            return [];
        }
        return result.entries.map(node);
    }

    async stat(uri: URI): Promise<FileSystemNode> {
        const result = await this.ask(FILE_REQUEST.stat, uri.toString());
        if (!result.entry) throw new Error(`cannot read ${uri.toString()}: ${result.error}`);
        return node(result.entry);
    }

    async exists(uri: URI): Promise<boolean> {
        return (await this.ask(FILE_REQUEST.stat, uri.toString())).entry !== undefined;
    }

    statSync = noSync;
    existsSync = noSync;
    readBinarySync = noSync;
    readFileSync = noSync;
    readDirectorySync = noSync;

    problemOf(uri: URI): string | undefined {
        return this.problems.get(uri.toString());
    }

    /** One request, queued behind IN_FLIGHT others; a failed request is an answer with its error. */
    private async ask<M extends keyof FileAnswers>(method: M, uri: string): Promise<FileAnswers[M]> {
        if (this.running >= IN_FLIGHT) await new Promise<void>(go => this.queue.push(go));
        this.running++;
        try {
            return await this.connection.sendRequest<FileAnswers[M]>(method, { uri });
        } catch (err) {
            return { error: reason(err) };
        } finally {
            this.running--;
            this.queue.shift()?.();
        }
    }
}
