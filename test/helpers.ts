// Builds in-memory workspaces through the real language services.
import { EmptyFileSystem, URI } from 'langium';
import { createBosServices } from '../src/services/bos-module.js';
import type { WorkspaceResult } from '../src/services/workspace-model.js';

export interface Diag {
    file: string;
    line: number;
    column: number;
    code: string;
    severity: string;
    message: string;
}

const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

export interface Checked {
    diagnostics: Diag[];
    result: WorkspaceResult;
    codes: string[];
}

/** Validates a workspace of files (name → text); diagnostics are 1-based, sorted. */
export async function check(files: Record<string, string> | string): Promise<Checked> {
    const sources = typeof files === 'string' ? { 'model.bos': files } : files;
    const { shared, Bos } = createBosServices(EmptyFileSystem);
    const docs = Object.entries(sources).map(([name, text]) => {
        const doc = shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`memory:///${name}`));
        shared.workspace.LangiumDocuments.addDocument(doc);
        return doc;
    });
    await shared.workspace.DocumentBuilder.build(docs, { validation: true });
    const diagnostics = docs.flatMap(doc =>
        (doc.diagnostics ?? []).map(d => ({
            file: doc.uri.path.slice(1),
            line: d.range.start.line + 1,
            column: d.range.start.character + 1,
            code: String(d.code),
            severity: SEVERITY[d.severity ?? 1],
            message: typeof d.message === 'string' ? d.message : d.message.value,
        }))
    ).sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
    return { diagnostics, result: Bos.bos.WorkspaceModel.get(), codes: diagnostics.map(d => d.code) };
}

/** `code@line` for every diagnostic except hints, for compact assertions. */
export function brief(c: Checked, withHints = false): string[] {
    return c.diagnostics.filter(d => withHints || d.severity !== 'hint').map(d => `${d.code}@${d.line}`);
}

/** A small valid stack that other tests extend. */
export const BASE = `package shop
infrastructure Cloud {
  resource VM : compute { capacity 100k/s  cost 0.1 CNY per 10k }
  resource DB : database { capacity 50k/s }
}
platform Trade : business {
  capability Order { runs on Cloud.VM, Cloud.DB  capacity 20k/s }
}
element Sales : sales { uses Trade.Order }
`;
