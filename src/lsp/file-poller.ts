// For clients that cannot watch files: every round lists the workspace's .bos files as
// the start-up scan does (skipping node_modules, out and dot-folders) and compares each
// closed file with its document, then hands the differences to Langium as the client's
// didChangeWatchedFiles would. lsp/ reaches files only through Langium's file system
// provider (docs/architecture.md), which offers neither watching nor modification
// times, hence reading. Bounded: a round waits for the build, rounds are at least
// INTERVAL_MS apart and at most 1/DUTY of the time, and past MAX_FILES it stops, saying so.
import { URI, UriUtils } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { FileChangeType, type FileEvent } from 'vscode-languageserver';

const INTERVAL_MS = 1000;
const DUTY = 20;
const MAX_FILES = 20_000;

export class FilePoller {
    constructor(
        private readonly services: LangiumSharedServices,
        private readonly report: (changes: FileEvent[]) => void,
    ) {}

    start(): void {
        this.schedule(INTERVAL_MS);
    }

    private schedule(delay: number): void {
        // A poller never keeps the server alive once its client is gone (a browser timer has no unref).
        const timer: { unref?: () => void } = setTimeout(() => void this.tick(), delay);
        timer.unref?.();
    }

    private async tick(): Promise<void> {
        const started = performance.now();
        try {
            // Changes found last round are being built: wait, so documents hold their new text.
            await this.services.workspace.WorkspaceLock.read(() => undefined);
            const files = await this.modelFiles();
            if (files.length > MAX_FILES) {
                this.services.lsp.Connection?.console.warn(
                    `bos: ${files.length} .bos files are more than the ${MAX_FILES} this server looks at for `
                        + 'changes on disk; files changed outside the editor are seen when they are opened',
                );
                return;
            }
            const changes = await this.changes(files);
            if (changes.length) this.report(changes);
        } catch (err) {
            this.services.lsp.Connection?.console.error(`bos: looking for changed files failed: ${String(err)}`);
        }
        this.schedule(Math.max(INTERVAL_MS, (performance.now() - started) * DUTY));
    }

    private folders(): URI[] {
        return (this.services.workspace.WorkspaceManager.workspaceFolders ?? []).map(f => URI.parse(f.uri));
    }

    private async modelFiles(): Promise<URI[]> {
        const manager = this.services.workspace.WorkspaceManager;
        return (await Promise.all(this.folders().map(f => manager.searchFolder(f)))).flat();
    }

    /** What differs between the disk and the documents of closed files. */
    private async changes(files: readonly URI[]): Promise<FileEvent[]> {
        const { LangiumDocuments: documents, TextDocuments: open, FileSystemProvider: fs } = this.services.workspace;
        const changes: FileEvent[] = [];
        const onDisk = new Set<string>();
        for (const uri of files) {
            const key = uri.toString();
            onDisk.add(key);
            if (open.get(key)) continue; // the editor's text is the truth for an open file
            const doc = documents.getDocument(uri);
            if (!doc) changes.push({ uri: key, type: FileChangeType.Created });
            else if ((await fs.readFile(uri)) !== doc.textDocument.getText()) {
                changes.push({ uri: key, type: FileChangeType.Changed });
            }
        }
        const folders = this.folders();
        for (const doc of documents.all) {
            const key = doc.uri.toString();
            const watched = doc.uri.scheme === 'file' && folders.some(f => UriUtils.contains(f, doc.uri));
            if (watched && !onDisk.has(key) && !open.get(key)) changes.push({ uri: key, type: FileChangeType.Deleted });
        }
        return changes;
    }
}
