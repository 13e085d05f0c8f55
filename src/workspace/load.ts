// Builds one model from files on disk with the shared language services: every file
// is parsed, linked and validated together, so references across files resolve.
import { DefaultIndexManager, DocumentState, type LangiumDocument, URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import type { Diagnostic } from 'vscode-languageserver-types';
import { type BosServices, createBosServices } from '../services/bos-module.js';
import { fileProblemDiagnostic } from '../services/source-problems.js';
import type { WorkspaceResult } from '../services/workspace-model.js';
import { findBosFiles, readSource } from './files.js';

export interface LoadedFile {
    path: string;
    diagnostics: Diagnostic[];
    document?: LangiumDocument;
    bom?: boolean;
}

export interface LoadedWorkspace {
    files: LoadedFile[];
    result: WorkspaceResult;
    services: BosServices;
}

export type Progress = (done: number, total: number, phase: string) => void;

/** A batch run answers no find-references request, so it skips indexing references. */
class BatchIndexManager extends DefaultIndexManager {
    override async updateReferences(): Promise<void> {/* nothing asks for them */}
}

export async function loadWorkspace(paths: readonly string[], progress?: Progress): Promise<LoadedWorkspace> {
    const { shared, Bos } = createBosServices(NodeFileSystem, {
        shared: { workspace: { IndexManager: s => new BatchIndexManager(s) } },
    });
    const files: LoadedFile[] = [];
    const documents: LangiumDocument[] = [];
    const filePaths = findBosFiles(paths);
    for (const path of filePaths) {
        const source = readSource(path);
        if ('error' in source) {
            files.push({ path, diagnostics: [fileProblemDiagnostic(source.error)] });
            continue;
        }
        const document = shared.workspace.LangiumDocumentFactory.fromString(source.text, URI.file(path));
        shared.workspace.LangiumDocuments.addDocument(document);
        documents.push(document);
        files.push({ path, diagnostics: [], document, bom: source.bom });
    }
    if (progress) {
        let done = 0;
        shared.workspace.DocumentBuilder.onDocumentPhase(
            DocumentState.IndexedContent,
            () => progress(++done, documents.length * 2, 'parsed'),
        );
        shared.workspace.DocumentBuilder.onDocumentPhase(
            DocumentState.Validated,
            () => progress(++done, documents.length * 2, 'checked'),
        );
    }
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    for (const f of files) if (f.document) f.diagnostics = f.document.diagnostics ?? [];
    return { files, result: Bos.bos.WorkspaceModel.get(), services: Bos };
}
