// Runs one text through everything the tools do with a model — parse, link, validate,
// analyse, format, build every view's diagram graph (a few focus views and every flow's
// sequence too) — on one long-lived set of language services, and returns what the fuzz
// properties look at.
import { CstUtils, EmptyFileSystem, isLeafCstNode, type LangiumDocument, URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { exportJson } from '../../src/cli/export.js';
import { focusViews } from '../../src/diagram/focus.js';
import { buildDiagram } from '../../src/diagram/graph.js';
import { sequenceSvg } from '../../src/diagram/sequence-svg.js';
import { sequenceDiagram, sequenceOf } from '../../src/diagram/sequence.js';
import { flowViews, viewsOf } from '../../src/diagram/view.js';
import { createBosServices } from '../../src/services/bos-module.js';
import type { WorkspaceResult } from '../../src/services/workspace-model.js';

const { shared, Bos } = createBosServices(EmptyFileSystem);
shared.workspace.ConfigurationProvider.initialized({});
const documents = shared.workspace.LangiumDocuments;
let serial = 0;

export interface Outcome {
    text: string;
    diagnostics: Diagnostic[];
    parses: boolean;
    /** The formatted text; equal to `text` when the text does not parse. */
    formatted: string;
    /** The resolved model and its analysis, without source lines. */
    meaning: unknown;
    diagramNodes: number;
    /** Every comment, in order, as the lexer found it. */
    comments: string[];
}

async function load(text: string): Promise<LangiumDocument> {
    const doc = shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(`/fuzz/input-${serial++}.bos`));
    documents.addDocument(doc);
    await shared.workspace.DocumentBuilder.build([doc], { validation: true });
    return doc;
}

async function unload(doc: LangiumDocument): Promise<void> {
    await shared.workspace.DocumentBuilder.update([], [doc.uri]);
}

function meaning(): unknown {
    const { model, analysis } = Bos.bos.WorkspaceModel.get();
    const json = exportJson(model, analysis);
    return {
        ...json,
        files: json.files.map(f => f.package),
        declarations: json.declarations.map(d => ({ ...d, file: undefined, line: undefined })),
    };
}

/** `probe` sees the workspace result while the text is loaded (what-if runs over its model). */
export async function runPipeline(text: string, probe?: (result: WorkspaceResult) => void): Promise<Outcome> {
    const doc = await load(text);
    try {
        probe?.(Bos.bos.WorkspaceModel.get());
        const parse = doc.parseResult;
        const parses = parse.lexerErrors.length === 0 && parse.parserErrors.length === 0;
        const result = Bos.bos.WorkspaceModel.get();
        let diagramNodes = 0;
        const scenario = result.analysis.scenarios[0];
        // Explicit views, a few focus views, and every flow drawn as a sequence.
        for (const view of [...viewsOf(result.model), ...focusViews(result.model).slice(0, 5)]) {
            diagramNodes += buildDiagram(result.model, view, scenario).nodes.length;
        }
        for (const view of flowViews(result.model)) {
            const sequence = sequenceOf(view.flow!, scenario);
            sequenceSvg(sequence, { theme: 'light' });
            diagramNodes += sequenceDiagram(sequence, view).nodes.length;
        }
        const edits = parses
            ? await Bos.lsp.Formatter!.formatDocument(doc, {
                textDocument: { uri: doc.uri.toString() },
                options: { tabSize: 2, insertSpaces: true },
            })
            : [];
        const formatted = TextDocument.applyEdits(doc.textDocument as TextDocument, edits);
        const root = parse.value.$cstNode;
        const found = root
            ? CstUtils.streamCst(root).filter(n => isLeafCstNode(n) && n.hidden && /^\/[/*]/.test(n.text)).map(n =>
                n.text
            ).toArray()
            : [];
        return {
            text,
            diagnostics: doc.diagnostics ?? [],
            parses,
            formatted,
            meaning: meaning(),
            diagramNodes,
            comments: found,
        };
    } finally {
        await unload(doc);
    }
}
