// One model from texts already read — the files of a folder, or the blobs of a git
// revision — with the same services and build as `loadWorkspace` (load.ts), so a base
// and a head are checked alike. An empty list is an empty model, not an error: a base
// may have had no model yet.
import { DefaultIndexManager, DocumentState, type LangiumDocument, URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createBosServices } from '../services/bos-module.js';
import { fileProblemDiagnostic } from '../services/source-problems.js';
import type { SourceText } from '../services/source-problems.js';
import type { LoadedFile, LoadedWorkspace, Progress } from './load.js';

/** A batch run answers no find-references request, so it skips indexing references. */
class BatchIndexManager extends DefaultIndexManager {
    override async updateReferences(): Promise<void> {/* nothing asks for them */}
}

export async function loadSources(sources: readonly SourceText[], progress?: Progress): Promise<LoadedWorkspace> {
    const { shared, Bos } = createBosServices(NodeFileSystem, {
        shared: { workspace: { IndexManager: s => new BatchIndexManager(s) } },
    });
    const files: LoadedFile[] = [];
    const documents: LangiumDocument[] = [];
    for (const source of sources) {
        if ('error' in source) {
            files.push({ path: source.path, diagnostics: [fileProblemDiagnostic(source.error)] });
            continue;
        }
        const document = shared.workspace.LangiumDocumentFactory.fromString(source.text, URI.file(source.path));
        shared.workspace.LangiumDocuments.addDocument(document);
        documents.push(document);
        files.push({ path: source.path, diagnostics: [], document, bom: source.bom });
    }
    if (progress) {
        let done = 0;
        const step = (phase: string) => () => progress(++done, documents.length * 2, phase);
        shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.IndexedContent, step('parsed'));
        shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, step('checked'));
    }
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    for (const f of files) if (f.document) f.diagnostics = f.document.diagnostics ?? [];
    return { files, result: Bos.bos.WorkspaceModel.get(), services: Bos };
}
