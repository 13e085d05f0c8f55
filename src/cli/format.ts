// `bos format`: rewrites files in the canonical layout with the editor's own formatter.
// A file that does not parse is never touched: formatting it could lose text.
import { writeFileSync } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LoadedFile, LoadedWorkspace } from '../workspace/load.js';
import { displayPath } from './diagnostics.js';

export interface FormatOutcome {
    changed: string[];
    unparsable: string[];
}

/** The file's text in the canonical layout, or undefined when it does not parse. */
export async function canonicalText(ws: LoadedWorkspace, f: LoadedFile): Promise<string | undefined> {
    const doc = f.document;
    const parse = doc?.parseResult;
    if (!doc || !parse || parse.lexerErrors.length || parse.parserErrors.length) return undefined;
    const edits = await ws.services.lsp.Formatter!.formatDocument(doc, {
        textDocument: { uri: doc.uri.toString() },
        options: { tabSize: 2, insertSpaces: true },
    });
    return TextDocument.applyEdits(doc.textDocument as TextDocument, edits);
}

export async function formatFiles(ws: LoadedWorkspace, check: boolean): Promise<FormatOutcome> {
    const outcome: FormatOutcome = { changed: [], unparsable: [] };
    for (const f of ws.files) {
        const after = await canonicalText(ws, f);
        if (after === undefined) {
            outcome.unparsable.push(displayPath(f.path));
            continue;
        }
        if (after === f.document!.textDocument.getText()) continue;
        outcome.changed.push(displayPath(f.path));
        if (!check) writeFileSync(f.path, f.bom ? `\uFEFF${after}` : after);
    }
    return outcome;
}
