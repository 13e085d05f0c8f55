// In-process language server services (the same modules `bos lsp` uses) over memory files.
import { EmptyFileSystem, type LangiumDocument, URI } from 'langium';
import type { Position, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { BosLspModule, LspSharedModule } from '../src/lsp/module.js';
import { type BosServices, createBosServices } from '../src/services/bos-module.js';

export interface Editor {
    Bos: BosServices;
    docs: Map<string, LangiumDocument>;
    doc(name: string): LangiumDocument;
    /** The position of the `|` marker that `files` had in `name` (removed from the text). */
    at(name: string): Position;
    apply(edit: WorkspaceEdit | undefined): Record<string, string>;
    /** Applies edits to one document. */
    applyTo(name: string, edits: TextEdit[]): string;
}

export async function editor(files: Record<string, string>): Promise<Editor> {
    const { shared, Bos } = createBosServices(EmptyFileSystem, {
        language: BosLspModule,
        shared: LspSharedModule,
    });
    const docs = new Map<string, LangiumDocument>();
    const markers = new Map<string, number>();
    for (const [name, raw] of Object.entries(files)) {
        const marker = raw.indexOf('|');
        if (marker >= 0) markers.set(name, marker);
        const text = marker >= 0 ? raw.slice(0, marker) + raw.slice(marker + 1) : raw;
        const doc = shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`memory:///${name}`));
        shared.workspace.LangiumDocuments.addDocument(doc);
        docs.set(name, doc);
    }
    await shared.workspace.DocumentBuilder.build([...docs.values()], { validation: true });
    return {
        Bos,
        docs,
        doc: name => docs.get(name)!,
        at: name => docs.get(name)!.textDocument.positionAt(markers.get(name)!),
        applyTo: (name, edits) => TextDocument.applyEdits(docs.get(name)!.textDocument as TextDocument, edits),
        apply(edit) {
            const out: Record<string, string> = {};
            for (const [name, doc] of docs) {
                const edits: TextEdit[] = edit?.changes?.[doc.uri.toString()] ?? [];
                out[name] = TextDocument.applyEdits(doc.textDocument as TextDocument, edits);
            }
            return out;
        },
    };
}

export const textDocument = (doc: LangiumDocument) => ({ uri: doc.uri.toString() });
