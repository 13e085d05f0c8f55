// Reads the workspace ahead while the language server's worker starts. On a remote or
// virtual file system the first answers are the slowest (half a second each in
// code-server at start-up, measured), and the worker needs about as long to load and
// initialise: the two now overlap. The walk is the server's own workspace scan
// (Langium's DefaultWorkspaceManager: no dot-entries, no node_modules or out folders,
// .bos files only), IN_FLIGHT requests at a time. Each answer is handed over once, at
// the server's first request for it; what the server asked for before the walk got
// there is not read twice, and later requests always read afresh.
import type { ReadDirectoryResult, ReadFileResult } from '../lsp/protocol.js';

/** Requests in flight at once, as the server's own (client-file-system.ts). */
const IN_FLIGHT = 16;

/** The last segment of a URI; entries of a folder never end with a slash. */
const baseName = (uri: string) => uri.slice(uri.lastIndexOf('/') + 1);

/** Runs `f` on every item, IN_FLIGHT at a time. */
async function bounded<T>(items: readonly T[], f: (item: T) => Promise<unknown>): Promise<void> {
    let next = 0;
    const run = async () => {
        while (next < items.length) await f(items[next++]);
    };
    await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, items.length) }, run));
}

type Answer = ReadDirectoryResult | ReadFileResult;

export class Prefetch {
    private readonly answers = new Map<string, Promise<Answer>>();
    private readonly asked = new Set<string>();
    private stopped = false;

    /** Both functions answer, never reject: a failure is an answer with its reason. */
    constructor(
        private readonly listFolder: (uri: string) => Promise<ReadDirectoryResult>,
        private readonly readFile: (uri: string) => Promise<ReadFileResult>,
    ) {}

    /** Walks the folders (URIs) and reads their .bos files; done when all is read or it was stopped. */
    async start(folders: readonly string[]): Promise<void> {
        const files: string[] = [];
        for (let level = folders; level.length > 0;) {
            const next: string[] = [];
            await bounded(level, async dir => {
                for (const e of (await this.keep(dir, this.listFolder))?.entries ?? []) {
                    const name = baseName(e.uri);
                    if (name.startsWith('.')) continue;
                    if (e.isDirectory && name !== 'node_modules' && name !== 'out') next.push(e.uri);
                    else if (e.isFile && name.endsWith('.bos')) files.push(e.uri);
                }
            });
            level = next;
        }
        await bounded(files, uri => this.keep(uri, this.readFile) ?? Promise.resolve());
    }

    list(uri: string): Promise<ReadDirectoryResult> {
        return this.take(uri, this.listFolder);
    }

    read(uri: string): Promise<ReadFileResult> {
        return this.take(uri, this.readFile);
    }

    /** Drops what was read and not asked for, and reads nothing more ahead. */
    dispose(): void {
        this.stopped = true;
        this.answers.clear();
        this.asked.clear();
    }

    private take<T extends Answer>(uri: string, fresh: (uri: string) => Promise<T>): Promise<T> {
        const kept = this.answers.get(uri) as Promise<T> | undefined;
        this.answers.delete(uri);
        if (!this.stopped) this.asked.add(uri);
        return kept ?? fresh(uri);
    }

    private keep<T extends Answer>(uri: string, fetch: (uri: string) => Promise<T>): Promise<T> | undefined {
        if (this.stopped || this.asked.has(uri)) return undefined;
        const answer = fetch(uri);
        this.answers.set(uri, answer);
        return answer;
    }
}
