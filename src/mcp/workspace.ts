// The model an MCP session answers from: loaded once, then brought up to date before
// each tool call by re-reading only the files whose size or modification time changed
// (and dropping those that are gone, adding new ones). The same services and strict
// UTF-8 reading as the language server; nothing is ever written.
import { DefaultDocumentBuilder, DocumentState, type LangiumSharedCoreServices, URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { statSync } from 'node:fs';
import { type BosServices, createBosServices } from '../services/bos-module.js';
import type { WorkspaceResult } from '../services/workspace-model.js';
import { findBosFiles } from '../workspace/files.js';
import type { LoadedFile } from '../workspace/load.js';
import { StrictFileSystemProvider } from '../workspace/strict-file-system.js';

/**
 * Cross-file rules (duplicates, cycles, capacity) can change the findings of files a
 * change did not touch: every document goes back to validation, which is cheap (the rules
 * run once per build on the workspace model).
 */
class RevalidatingBuilder extends DefaultDocumentBuilder {
    protected override async emitUpdate(changed: URI[], deleted: URI[]): Promise<void> {
        for (const doc of this.langiumDocuments.all) {
            if (doc.state > DocumentState.IndexedReferences) this.resetToState(doc, DocumentState.IndexedReferences);
        }
        await super.emitUpdate(changed, deleted);
    }
}

export interface Snapshot {
    files: LoadedFile[];
    result: WorkspaceResult;
    services: BosServices;
}

interface Stamp {
    size: number;
    mtimeMs: number;
    ctimeMs: number;
}

export class McpWorkspace {
    private readonly shared: LangiumSharedCoreServices;
    private readonly bos: BosServices;
    private readonly stamps = new Map<string, Stamp>();
    private built = false;

    /** `paths`: the files and folders the model is made of (absolute or from the current folder). */
    constructor(readonly paths: readonly string[]) {
        const { shared, Bos } = createBosServices({
            ...NodeFileSystem,
            fileSystemProvider: () => new StrictFileSystemProvider(),
        }, { shared: { workspace: { DocumentBuilder: s => new RevalidatingBuilder(s) } } });
        shared.workspace.DocumentBuilder.updateBuildOptions = { validation: true };
        this.shared = shared;
        this.bos = Bos;
    }

    /** The model as the files are now; a UsageError when no .bos file is left. */
    async current(): Promise<Snapshot> {
        const paths = findBosFiles(this.paths);
        const changed: URI[] = [];
        const seen = new Set(paths);
        for (const path of paths) {
            const stamp = stampOf(path);
            const before = this.stamps.get(path);
            if (before && stamp && same(before, stamp)) continue;
            if (stamp) this.stamps.set(path, stamp);
            else this.stamps.delete(path);
            changed.push(URI.file(path));
        }
        const deleted = [...this.stamps.keys()].filter(p => !seen.has(p));
        for (const p of deleted) this.stamps.delete(p);
        const documents = this.shared.workspace.LangiumDocuments;
        if (!this.built) {
            const docs = await Promise.all(changed.map(uri => documents.getOrCreateDocument(uri)));
            await this.shared.workspace.DocumentBuilder.build(docs, { validation: true });
            this.built = true;
        } else if (changed.length || deleted.length) {
            await this.shared.workspace.DocumentBuilder.update(changed, deleted.map(p => URI.file(p)));
        }
        const files = paths.map((path): LoadedFile => {
            const document = documents.getDocument(URI.file(path));
            return { path, diagnostics: document?.diagnostics ?? [], document };
        });
        return { files, result: this.bos.bos.WorkspaceModel.get(), services: this.bos };
    }
}

function stampOf(path: string): Stamp | undefined {
    try {
        const s = statSync(path);
        return { size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs };
    } catch {
        return undefined;
    }
}

const same = (a: Stamp, b: Stamp) => a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs;
