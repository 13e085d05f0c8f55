// `bos format`: rewrites files in the canonical layout with the editor's own formatter.
// A file that does not parse is never touched: formatting it could lose text.
import { writeFileSync } from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LoadedWorkspace } from '../workspace/load.js';
import { displayPath } from './diagnostics.js';

export interface FormatOutcome {
    changed: string[];
    unparsable: string[];
}

export async function formatFiles(ws: LoadedWorkspace, check: boolean): Promise<FormatOutcome> {
    const formatter = ws.services.lsp.Formatter!;
    const outcome: FormatOutcome = { changed: [], unparsable: [] };
    for (const f of ws.files) {
        const doc = f.document;
        const parse = doc?.parseResult;
        if (!doc || !parse || parse.lexerErrors.length || parse.parserErrors.length) {
            outcome.unparsable.push(displayPath(f.path));
            continue;
        }
        const edits = await formatter.formatDocument(doc, {
            textDocument: { uri: doc.uri.toString() },
            options: { tabSize: 2, insertSpaces: true },
        });
        const before = doc.textDocument.getText();
        const after = TextDocument.applyEdits(doc.textDocument as TextDocument, edits);
        if (after === before) continue;
        outcome.changed.push(displayPath(f.path));
        if (!check) writeFileSync(f.path, f.bom ? `\uFEFF${after}` : after);
    }
    return outcome;
}
