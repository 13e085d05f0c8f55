// The language server builds incrementally: after an edit it re-parses only the edited
// files, relinks those that refer to them from the references it kept, reuses every
// other file's part of the model and only re-points its dependencies. This test replays
// long seeded sequences of edits (numbers changed, declarations renamed in one file or
// all, syntax broken and restored, files deleted, created and restored, bursts of edits
// built at once) on the example through the server's own services, and after every step
// compares each file's diagnostics and the whole model's meaning with a build from
// scratch of the same texts.
import fc from 'fast-check';
import {
    AstUtils,
    Cancellation,
    DocumentState,
    EmptyFileSystemProvider,
    type FileSystemNode,
    type FileSystemProvider,
    type IndexManager,
    isOperationCancelled,
    type LangiumDocument,
    URI,
} from 'langium';
import type { NormalizedTextDocuments } from 'langium/lsp';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { exportJson } from '../src/cli/export.js';
import type { Infrastructure, Model } from '../src/language/generated/ast.js';
import { createBosLanguageServer } from '../src/lsp/module.js';
import { createBosServices } from '../src/services/bos-module.js';
import type { WorkspaceResult } from '../src/services/workspace-model.js';
import { exampleFiles } from './example-files.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_201);
const ROOT = '/incremental';
const ORIGINAL = exampleFiles();
const NAMES = [...new Set(Object.values(ORIGINAL).flatMap(t => [...t.matchAll(/\b(?:capability|resource) (\w+)/g)]))]
    .map(m => m[1]);
const EXTRA = [
    'package tmall.extra',
    'import tmall.cloud.*',
    'import tmall.platforms.*',
    '',
    'platform Extra "试验中台" : business {',
    '  capability Probe "探针" {',
    '    runs on AlibabaCloud.ECS',
    '    calls Business.PlaceOrder ×2',
    '    capacity 2k/s',
    '  }',
    '}',
    '',
].join('\n');

/** The files the test edits, read by the server's file system as they are now. */
class Files implements FileSystemProvider {
    readonly texts = new Map<string, string>();
    private text(uri: URI): string {
        const text = this.texts.get(uri.path);
        if (text === undefined) throw new Error(`no file ${uri.path}`);
        return text;
    }
    statSync(uri: URI): FileSystemNode {
        this.text(uri);
        return { uri, isFile: true, isDirectory: false };
    }
    existsSync(uri: URI): boolean {
        return this.texts.has(uri.path);
    }
    readFileSync(uri: URI): string {
        return this.text(uri);
    }
    readBinarySync(uri: URI): Uint8Array {
        return new TextEncoder().encode(this.text(uri));
    }
    readDirectorySync(): FileSystemNode[] {
        return [];
    }
    stat = async (uri: URI) => this.statSync(uri);
    exists = async (uri: URI) => this.existsSync(uri);
    readFile = async (uri: URI) => this.readFileSync(uri);
    readBinary = async (uri: URI) => this.readBinarySync(uri);
    readDirectory = async () => this.readDirectorySync();
}

type Edit =
    | { type: 'number'; file: number; at: number; value: number }
    | { type: 'rename'; name: number; everywhere: boolean; file: number }
    | { type: 'break'; file: number; at: number; length: number }
    | { type: 'restore'; file: number }
    | { type: 'delete'; file: number }
    | { type: 'create' }
    | { type: 'shadow' }
    | { type: 'keyword'; file: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
    fc.record({ type: fc.constant('number'), file: fc.nat(), at: fc.nat(), value: fc.integer({ min: 1, max: 900 }) }),
    fc.record({ type: fc.constant('rename'), name: fc.nat(), everywhere: fc.boolean(), file: fc.nat() }),
    fc.record({ type: fc.constant('break'), file: fc.nat(), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
    fc.record({ type: fc.constant('restore'), file: fc.nat() }),
    fc.record({ type: fc.constant('delete'), file: fc.nat() }),
    fc.record({ type: fc.constant('create') }),
    fc.record({ type: fc.constant('shadow') }),
    fc.record({ type: fc.constant('keyword'), file: fc.nat() }),
) as fc.Arbitrary<Edit>;

/** A file in the platforms' own package declaring the name they import from tmall.cloud: it shadows it. */
const SHADOW = 'package tmall.platforms\ninfrastructure AlibabaCloud { resource ECS : compute { capacity 1M/s } }\n';

/** Applies one edit to the texts and returns the paths it changed and deleted. */
function apply(texts: Map<string, string>, e: Edit, serial: number): { changed: string[]; deleted: string[] } {
    const paths = [...texts.keys()].sort();
    const pick = (i: number) => paths[i % paths.length];
    const set = (path: string, text: string) => (texts.set(path, text), { changed: [path], deleted: [] });
    switch (e.type) {
        case 'number': {
            const path = pick(e.file);
            const text = texts.get(path)!;
            const numbers = [...text.matchAll(/\d+(?:\.\d+)?/g)];
            if (!numbers.length) return { changed: [], deleted: [] };
            const m = numbers[e.at % numbers.length];
            return set(path, text.slice(0, m.index) + e.value + text.slice(m.index + m[0].length));
        }
        case 'rename': {
            const name = NAMES[e.name % NAMES.length];
            const word = new RegExp(`\\b${name}\\b`, 'g');
            const targets = e.everywhere ? paths : [pick(e.file)];
            const changed = targets.filter(p => word.test(texts.get(p)!));
            for (const p of changed) texts.set(p, texts.get(p)!.replace(word, `${name}${serial}`));
            return { changed, deleted: [] };
        }
        case 'break': {
            const path = pick(e.file);
            const text = texts.get(path)!;
            const at = e.at % Math.max(1, text.length);
            return set(path, text.slice(0, at) + text.slice(at + e.length));
        }
        case 'restore': {
            const path = `${ROOT}/${Object.keys(ORIGINAL).sort()[e.file % Object.keys(ORIGINAL).length]}`;
            return set(path, ORIGINAL[path.slice(ROOT.length + 1)]);
        }
        case 'delete': {
            if (paths.length < 2) return { changed: [], deleted: [] };
            const path = pick(e.file);
            texts.delete(path);
            return { changed: [], deleted: [path] };
        }
        case 'create':
            return set(`${ROOT}/extra-${serial}.bos`, EXTRA.replace(/Extra/g, `Extra${serial}`));
        case 'shadow':
            return set(`${ROOT}/shadow-${serial}.bos`, SHADOW);
        case 'keyword': {
            // The same name under another keyword: what refers to it stays, what it means changes.
            const path = pick(e.file);
            const text = texts.get(path)!;
            const swapped = text.includes('resource ')
                ? text.replace('resource ', 'capability ')
                : text.replace('capability ', 'resource ');
            return swapped === text ? { changed: [], deleted: [] } : set(path, swapped);
        }
    }
}

interface State {
    diagnostics: Record<string, Pick<Diagnostic, 'code' | 'message' | 'range' | 'severity'>[]>;
    meaning: unknown;
}

function stateOf(documents: readonly LangiumDocument[], result: ReturnType<typeof exportJson>): State {
    const diagnostics: State['diagnostics'] = {};
    for (const doc of [...documents].sort((a, b) => a.uri.path.localeCompare(b.uri.path))) {
        diagnostics[doc.uri.path] = (doc.diagnostics ?? [])
            .map(({ code, message, range, severity }) => ({ code, message, range, severity }))
            .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    }
    return { diagnostics, meaning: result };
}

/** A build from scratch of the same texts, on services that have seen nothing else. */
async function fresh(texts: Map<string, string>): Promise<State> {
    const { Bos, docs } = await fromScratch(texts);
    const { model, analysis } = Bos.bos.WorkspaceModel.get();
    return stateOf(docs, exportJson(model, analysis));
}

/** Services that have seen nothing else, with the texts built and validated. */
async function fromScratch(texts: Map<string, string>) {
    const { shared, Bos } = createBosServices({ fileSystemProvider: () => new EmptyFileSystemProvider() });
    const docs = [...texts].map(([path, text]) =>
        shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(path))
    );
    for (const doc of docs) shared.workspace.LangiumDocuments.addDocument(doc);
    await shared.workspace.DocumentBuilder.build(docs, { validation: true });
    return { shared, Bos, docs };
}

/** The server's state equals a build from scratch, and every dependency lands on a node of its model. */
async function expectFresh({ files, Bos, documents }: Awaited<ReturnType<typeof started>>): Promise<void> {
    const result = Bos.bos.WorkspaceModel.get();
    expect(stateOf(documents.all.toArray(), exportJson(result.model, result.analysis)))
        .toEqual(await fresh(files.texts));
    // Not on one a patch made again.
    const { nodes } = result.model;
    expect(nodes.filter(n => n.deps.some(d => d.target && nodes[d.target.index] !== d.target))).toEqual([]);
}

/** A language server over `texts` (file name → text under ROOT), built once. */
async function started(texts: Record<string, string>) {
    const files = new Files();
    for (const [name, text] of Object.entries(texts)) files.texts.set(`${ROOT}/${name}`, text);
    const { shared, Bos } = createBosLanguageServer({ fileSystemProvider: () => files });
    const documents = shared.workspace.LangiumDocuments;
    const start = [...files.texts.keys()].map(p => documents.getOrCreateDocument(URI.file(p)));
    await shared.workspace.DocumentBuilder.build(await Promise.all(start), { validation: true });
    return { files, shared, Bos, documents };
}

/** Every file open in the editor: its text is the editor's, which the server may patch into its tree. */
class Editor {
    private readonly open = new Map<string, TextDocument>();
    constructor(private readonly documents: NormalizedTextDocuments<TextDocument>) {}

    type(path: string, text: string): void {
        const uri = URI.file(path).toString();
        const doc = this.open.get(uri);
        if (doc) TextDocument.update(doc, [{ text }], doc.version + 1);
        else {
            const opened = TextDocument.create(uri, 'bos', 1, text);
            this.documents.set(opened);
            this.open.set(uri, opened);
        }
    }

    close(path: string): void {
        const uri = URI.file(path).toString();
        this.open.delete(uri);
        this.documents.delete(uri);
    }
}

/**
 * Replays the edits, comparing every step with a fresh build; counts the scenario loads and
 * load graphs carried, the documents not validated again (their diagnostics kept), and, with
 * every file `open` in an editor, the edited files whose syntax tree was patched, not parsed.
 */
async function replay(
    edits: Edit[],
    burst: number,
    open = false,
): Promise<{ loads: number; graphs: number; kept: number; patched: number }> {
    const { files, shared, Bos, documents } = await started(ORIGINAL);
    const editor = open
        ? new Editor(shared.workspace.TextDocuments as NormalizedTextDocuments<TextDocument>)
        : undefined;
    for (const [path, text] of files.texts) editor?.type(path, text);
    let loads = 0, graphs = 0, kept = 0, validated = 0, patched = 0;
    shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, () => void validated++);
    let rows = Bos.bos.WorkspaceModel.get().facts.loadGraph?.start;
    for (let i = 0; i < edits.length; i += burst) {
        const changed = new Set<string>();
        const deleted = new Set<string>();
        edits.slice(i, i + burst).forEach((e, j) => {
            const step = apply(files.texts, e, i + j);
            for (const p of step.changed) {
                changed.add(p);
                deleted.delete(p);
            }
            for (const p of step.deleted) {
                deleted.add(p);
                changed.delete(p);
            }
        });
        validated = 0;
        for (const p of changed) editor?.type(p, files.texts.get(p)!);
        for (const p of deleted) editor?.close(p);
        const trees = [...changed].map(p => documents.getDocument(URI.file(p))?.parseResult.value);
        await shared.workspace.DocumentBuilder.update(
            [...changed].map(p => URI.file(p)),
            [...deleted].map(p => URI.file(p)),
        );
        patched += [...changed].filter((p, j) =>
            trees[j] && documents.getDocument(URI.file(p))?.parseResult.value === trees[j]
        )
            .length;
        kept += documents.all.count() - validated;
        const result = Bos.bos.WorkspaceModel.get();
        loads += result.carried;
        if (rows && result.facts.loadGraph?.start === rows) {
            graphs++;
        }
        rows = result.facts.loadGraph?.start;
        const incremental = stateOf(documents.all.toArray(), exportJson(result.model, result.analysis));
        const step = `after edits ${i}–${i + burst - 1}: ${JSON.stringify(edits.slice(i, i + burst))}`;
        expect(incremental, step).toEqual(await fresh(files.texts));
    }
    return { loads, graphs, kept, patched };
}

describe('the incremental build', () => {
    it('equals a build from scratch after every edit of long edit sequences', async () => {
        await fc.assert(
            fc.asyncProperty(fc.array(edit, { minLength: 60, maxLength: 80 }), async edits => {
                // The sequences do take the incremental paths: some scenarios keep their load, some builds the graph.
                const carried = await replay(edits, 1);
                expect(carried.loads).toBeGreaterThan(0);
                expect(carried.graphs).toBeGreaterThan(0);
                expect(carried.kept).toBeGreaterThan(0);
            }),
            { seed: SEED, numRuns: 3 },
        );
    }, 240_000);

    it(
        'equals a build from scratch after every edit of long edit sequences, every file open in an editor',
        async () => {
            await fc.assert(
                fc.asyncProperty(fc.array(edit, { minLength: 60, maxLength: 80 }), async edits => {
                    // Numbers typed over in names, titles and values: some are patched into the tree.
                    const { patched } = await replay(edits, 1, true);
                    expect(patched).toBeGreaterThan(0);
                }),
                { seed: SEED, numRuns: 3 },
            );
        },
        240_000,
    );

    it('analyses again only the scenarios that reach a changed node, and none for a changed value', async () => {
        const text = (capacity: string, price = '1 CNY per 1k', rate = '1k/s') =>
            [
                `infrastructure I { resource A : compute { capacity 10k/s  cost ${price} }`,
                '  resource B : compute { capacity 10k/s } }',
                `platform P : business { capability X { runs on I.A  capacity ${capacity} }  capability Y { runs on I.B } }`,
                'actor U',
                'flow FX { from U  step P.X }',
                'flow FY { from U  step P.Y }',
                `scenario SX { load FX ${rate} }`,
                'scenario SY { load FY 1k/s }',
                'scenario SXY { load FX 1k/s  load FY 1k/s }',
                '',
            ].join('\n');
        const { files, shared, Bos, documents } = await started({
            'a.bos': text('5k/s'),
            'b.bos': 'actor Other\n',
        });
        expect(Bos.bos.WorkspaceModel.get().carried).toBe(0);
        const edit = async (path: string, next: string) => {
            files.texts.set(`${ROOT}/${path}`, next);
            await shared.workspace.DocumentBuilder.update([URI.file(`${ROOT}/${path}`)], []);
            const result = Bos.bos.WorkspaceModel.get();
            const state = stateOf(documents.all.toArray(), exportJson(result.model, result.analysis));
            expect(state).toEqual(await fresh(files.texts));
            return result;
        };
        const costOf = (result: WorkspaceResult, scenario: string) =>
            result.analysis.scenarios.find(s => s.scenario.id === scenario)!.costPer10k?.amount;
        const first = Bos.bos.WorkspaceModel.get().facts.loadGraph!;
        // X's capacity: the graph is the same, so every scenario keeps its load.
        const after = await edit('a.bos', text('4k/s'));
        expect(after.carried).toBe(3);
        expect(after.facts.loadGraph!.start).toBe(first.start);
        expect(after.facts.loadGraph!.order[first.position[after.model.byId.get('P.X')!.index]]).toBe(
            after.model.byId.get('P.X'),
        );
        // A resource's price: the loads are kept, the cost of those reaching it is worked out again.
        const priced = await edit('a.bos', text('4k/s', '2 CNY per 1k'));
        expect(priced.carried).toBe(3);
        expect(costOf(priced, 'SX')).toBe(2 * costOf(after, 'SX')!);
        // A scenario's own rate: it alone is propagated again.
        expect((await edit('a.bos', text('4k/s', '2 CNY per 1k', '2k/s'))).carried).toBe(2);
        // An edit elsewhere changes nothing any scenario reaches: all three keep their load.
        expect((await edit('b.bos', 'actor Other2\n')).carried).toBe(3);
        // The same text again is a new syntax tree with the same meaning.
        expect((await edit('a.bos', text('4k/s', '2 CNY per 1k', '2k/s') + '\n')).carried).toBe(3);
        // Another target is another graph, and SY and SXY reach the changed Y.
        const moved = await edit('a.bos', text('4k/s', '2 CNY per 1k', '2k/s').replace('runs on I.B', 'runs on I.A'));
        expect(moved.facts.loadGraph!.start).not.toBe(first.start);
        expect(moved.carried).toBe(1);
    });

    it('carries over, not analysed again, every scenario that reaches no node made again', async () => {
        const infra = (p: string, r: string, c: string, capacity: string) =>
            `infrastructure ${p}I { resource ${r} : compute { capacity 10k/s } }\n`
            + `platform ${p}P : business { capability ${c} { runs on ${p}I.${r}  capacity ${capacity} } }\n`;
        const scenarios = (rate: string) =>
            'actor U\nflow FX { from U  step P.X }\nflow FY { from U  step QP.Y }\n'
            + `scenario SX { load FX ${rate} }\nscenario SY { load FY 1k/s }\nscenario SXY { load FX 1k/s  load FY 1k/s }\n`;
        const { files, shared, Bos, documents } = await started({
            'x.bos': infra('', 'A', 'X', '5k/s'),
            'y.bos': infra('Q', 'B', 'Y', '5k/s'),
            's.bos': scenarios('1k/s'),
            'o.bos': 'infrastructure O { resource Idle : compute { capacity 1k/s } }\n',
        });
        let before = Bos.bos.WorkspaceModel.get().analysis.scenarios;
        /** The scenarios of the new analysis that are the previous analysis's objects. */
        const edit = async (path: string, next: string, compare: boolean) => {
            files.texts.set(`${ROOT}/${path}`, next);
            await shared.workspace.DocumentBuilder.update([URI.file(`${ROOT}/${path}`)], []);
            const result = Bos.bos.WorkspaceModel.get();
            if (compare) {
                expect(stateOf(documents.all.toArray(), exportJson(result.model, result.analysis)))
                    .toEqual(await fresh(files.texts));
            }
            const kept = result.analysis.scenarios.filter(s => before.includes(s)).map(s => s.scenario.name);
            before = result.analysis.scenarios;
            return kept;
        };
        // X made again: SY reaches only Y and B; nothing of it is read until the second edit.
        expect(await edit('x.bos', infra('', 'A', 'X', '4k/s'), false)).toEqual(['SY']);
        expect(await edit('x.bos', infra('', 'A', 'X', '3k/s'), true)).toEqual(['SY']);
        // Y made again: SX alone is carried; a node no scenario reaches, made again, carries all three.
        expect(await edit('y.bos', infra('Q', 'B', 'Y', '6k/s'), true)).toEqual(['SX']);
        const idle = 'infrastructure O { resource Idle : compute { capacity 2k/s } }\n';
        expect(await edit('o.bos', idle, true)).toEqual(['SX', 'SY', 'SXY']);
        // The scenarios' own file made again: every scenario is analysed again.
        expect(await edit('s.bos', scenarios('2k/s'), true)).toEqual([]);
    });

    it('keeps the findings of a file that reads other files while the graph is the same, and checks it again when it is not', async () => {
        const a = (capacity: string, more = '') =>
            'actor U\ninfrastructure I { resource R : compute { capacity 10k/s } }\n'
            + `platform P : business { capability X { runs on I.R  capacity ${capacity} }${more} }\n`;
        const { files, shared, Bos, documents } = await started({
            'a.bos': a('5k/s'),
            // A commerce element on infrastructure, a capability run on a capability, a resource nothing uses.
            // And a second actor U.
            'b.bos': 'actor U\nelement E : sales { uses I.R }\nplatform Q : business { capability Y { runs on P.X } }\n'
                + 'infrastructure J { resource Idle : compute { capacity 1k/s } }\n',
        });
        const b = URI.file(`${ROOT}/b.bos`).toString();
        const codes = () => Bos.bos.WorkspaceModel.get().findings.get(b)!.map(f => f.code).sort();
        const edit = async (text: string) => {
            files.texts.set(`${ROOT}/a.bos`, text);
            await shared.workspace.DocumentBuilder.update([URI.file(`${ROOT}/a.bos`)], []);
            const result = Bos.bos.WorkspaceModel.get();
            expect(stateOf(documents.all.toArray(), exportJson(result.model, result.analysis)))
                .toEqual(await fresh(files.texts));
            return result.findings.get(b)!;
        };
        const before = Bos.bos.WorkspaceModel.get().findings.get(b)!;
        expect(codes()).toEqual(['bos/duplicate', 'bos/layer-skip', 'bos/target-kind', 'bos/unused', 'bos/unused']);
        // A value: the same findings, not made again, but for the duplicate's, which points into a.bos too.
        const kept = await edit(a('6k/s'));
        expect(kept).toHaveLength(before.length);
        kept.forEach((f, i) => {
            if (f.code !== 'bos/duplicate') expect(f).toBe(before[i]);
        });
        const [duplicate] = Bos.bos.WorkspaceModel.get().findings.get(URI.file(`${ROOT}/a.bos`).toString())!;
        expect(duplicate.code).toBe('bos/duplicate');
        expect(AstUtils.getDocument(duplicate.node)).toBe(documents.getDocument(URI.file(`${ROOT}/a.bos`)));
        // A new dependency on Idle: another graph, and Idle is used now (Y still is not).
        await edit(a('6k/s', '  capability Z { runs on J.Idle }'));
        expect(codes()).toEqual(['bos/duplicate', 'bos/layer-skip', 'bos/target-kind', 'bos/unused']);
    });

    it('patches a number or title typed over in an open document, keeping its tree, and equals a build from scratch', async () => {
        const built = await started(ORIGINAL);
        const { files, shared, documents } = built;
        const path = `${ROOT}/platforms/business.bos`;
        const uri = URI.file(path);
        const editor = new Editor(shared.workspace.TextDocuments as NormalizedTextDocuments<TextDocument>);
        editor.type(path, files.texts.get(path)!);
        let linked = 0;
        shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Linked, () => void linked++);
        const edit = async (next: string) => {
            editor.type(path, next);
            files.texts.set(path, next);
            linked = 0;
            await shared.workspace.DocumentBuilder.update([uri], []);
            await expectFresh(built);
            return documents.getDocument(uri)!.parseResult.value;
        };
        const bump = (text: string, i: number) => {
            let n = 0;
            return text.replace(
                /capacity (\d[\d_]*)/g,
                (all, digits: string) => n++ === i ? `capacity ${Number(digits.replace(/_/g, '')) * 10 + 7}` : all,
            );
        };
        // The first edit after opening reads the editor's text: parsed. The others only type numbers over.
        const tree = await edit(bump(files.texts.get(path)!, 0));
        for (let i = 1; i < 12; i++) {
            expect(await edit(bump(files.texts.get(path)!, i % 5)), `edit ${i}`).toBe(tree);
            expect(linked).toBe(0);
        }
        // A title is a value too.
        expect(await edit(files.texts.get(path)!.replace('"下单"', '"下单 v2"'))).toBe(tree);
        // The exports are where a fresh build puts them (workspace symbols, go to definition).
        const places = (index: IndexManager) =>
            index.allElements().filter(d => d.documentUri.path === path).map(d => ({
                name: d.name,
                selection: [d.selectionSegment?.offset, d.selectionSegment?.end, d.selectionSegment?.range],
                at: [d.nameSegment?.offset, d.nameSegment?.range],
            })).toArray();
        const again = (await fromScratch(files.texts)).shared;
        expect(places(shared.workspace.IndexManager)).toEqual(places(again.workspace.IndexManager));
        // A name is more than a number: parsed and linked again.
        expect(await edit(files.texts.get(path)!.replace('PlaceOrder', 'PlaceOrder2'))).not.toBe(tree);
        expect(linked).toBeGreaterThan(0);
    });

    describe('a patched file beside other changes', () => {
        const A = 'platform P : business { capability X { runs on I.A  capacity 1k/s } }\n';
        const B = 'infrastructure I { resource A : compute { capacity 10k/s } }\n';
        /** a.bos open in the editor, its first edit made (parsed: it was read from disk), and a way to type into it. */
        async function opened() {
            const built = await started({ 'a.bos': A, 'b.bos': B });
            const editor = new Editor(built.shared.workspace.TextDocuments as NormalizedTextDocuments<TextDocument>);
            editor.type(`${ROOT}/a.bos`, A);
            const type = (text: string) => {
                editor.type(`${ROOT}/a.bos`, text);
                built.files.texts.set(`${ROOT}/a.bos`, text);
            };
            type(A.replace('1k/s', '2k/s'));
            await built.shared.workspace.DocumentBuilder.update([URI.file(`${ROOT}/a.bos`)], []);
            return { ...built, type };
        }
        const uri = (name: string) => URI.file(`${ROOT}/${name}`);
        /** An update of a.bos that the next one cancels right after it begins. */
        async function cancelled(built: Awaited<ReturnType<typeof opened>>) {
            const builder = built.shared.workspace.DocumentBuilder;
            const source = new Cancellation.CancellationTokenSource();
            const stop = builder.onUpdate(() => source.cancel());
            await builder.update([uri('a.bos')], [], source.token).catch(e => {
                if (!isOperationCancelled(e)) throw e;
            });
            stop.dispose();
            expect(built.documents.getDocument(uri('a.bos'))!.state).toBeLessThan(DocumentState.Validated);
        }

        it('links it again when a file it refers to is parsed in the same update', async () => {
            const built = await opened();
            built.type(A.replace('1k/s', '3k/s'));
            built.files.texts.set(`${ROOT}/b.bos`, B.replace('10k/s', '20k/s'));
            await built.shared.workspace.DocumentBuilder.update([uri('a.bos'), uri('b.bos')], []);
            await expectFresh(built);
        });

        it('links it again when a file it refers to changes after its own build was cancelled', async () => {
            const built = await opened();
            built.type(A.replace('1k/s', '3k/s'));
            await cancelled(built);
            built.files.texts.set(`${ROOT}/b.bos`, B.replace('10k/s', '20k/s'));
            await built.shared.workspace.DocumentBuilder.update([uri('b.bos')], []);
            await expectFresh(built);
        });

        it('reports its reference when the file it refers to is deleted after its own build was cancelled', async () => {
            const built = await opened();
            built.type(A.replace('1k/s', '3k/s'));
            await cancelled(built);
            built.files.texts.delete(`${ROOT}/b.bos`);
            await built.shared.workspace.DocumentBuilder.update([], [uri('b.bos')]);
            await expectFresh(built);
            expect(built.documents.getDocument(uri('a.bos'))!.diagnostics!.map(d => d.code)).toContain(
                'bos/unresolved',
            );
        });
    });

    it('analyses again a scenario whose unchanged nodes now pass load to a node new to the load graph', async () => {
        // T turns from an element into a resource: X, which runs on it, is unchanged, but now
        // passes its load on to T, which must carry it (and be told it declares no capacity).
        const { files, shared, Bos, documents } = await started({
            'a.bos': 'element T : sales\n',
            'b.bos': 'platform P : business { capability X { runs on T  capacity 1k/s } }\nactor U\n'
                + 'flow F { from U  step P.X }\nscenario S { load F 8k/s }\n',
        });
        files.texts.set(`${ROOT}/a.bos`, 'resource T : compute\n');
        await shared.workspace.DocumentBuilder.update([URI.file(`${ROOT}/a.bos`)], []);
        const result = Bos.bos.WorkspaceModel.get();
        expect(result.carried).toBe(0);
        const state = stateOf(documents.all.toArray(), exportJson(result.model, result.analysis));
        expect(state).toEqual(await fresh(files.texts));
        expect(state.diagnostics[`${ROOT}/a.bos`].map(d => d.code)).toContain('bos/no-capacity');
    });

    it('links again a file whose reference a new name now shadows, though it referred to another file', async () => {
        // b.bos steps to P.X through `import p.*`; a P.X declared in b's own package q shadows it.
        const { files, shared, Bos, documents } = await started({
            'a.bos': 'package p\nplatform P : business { capability X { capacity 1k/s } }\n',
            'b.bos': 'package q\nimport p.*\nactor U\nflow F { from U  step P.X }\nscenario S { load F 2k/s }\n',
            'c.bos': 'package q\nactor C\n',
        });
        files.texts.set(
            `${ROOT}/c.bos`,
            'package q\nactor C\nplatform P : business { capability X { capacity 5k/s } }\n',
        );
        await shared.workspace.DocumentBuilder.update([URI.file(`${ROOT}/c.bos`)], []);
        const result = Bos.bos.WorkspaceModel.get();
        const state = stateOf(documents.all.toArray(), exportJson(result.model, result.analysis));
        expect(state).toEqual(await fresh(files.texts));
        const step = result.model.byId.get('q.F')!.deps.find(d => d.relation === 'step')!;
        expect(step.target?.id).toBe('q.P.X');
    });

    it('answers a request during a build from the last whole result, not from half-built trees', async () => {
        const { files, shared, Bos, documents } = await started({
            'a.bos': 'infrastructure I { resource A : compute { capacity 10k/s } }\n',
            'b.bos': 'platform P : business { capability X { runs on I.A  capacity 1k/s } }\nactor U\n'
                + 'flow F { from U  step P.X }\nscenario S { load F 8k/s }\n',
        });
        const whole = Bos.bos.WorkspaceModel.get();
        // What a hover on b.bos does as the edit of a.bos starts: b.bos is still linked, a.bos not yet.
        let during: unknown;
        const asked = shared.workspace.DocumentBuilder.onUpdate(() => void (during = Bos.bos.WorkspaceModel.get()));
        files.texts.set(`${ROOT}/a.bos`, 'infrastructure I {\n\n resource A : compute { capacity 5k/s } }\n');
        await shared.workspace.DocumentBuilder.update([URI.file(`${ROOT}/a.bos`)], []);
        asked.dispose();
        expect(during).toBe(whole);
        const result = Bos.bos.WorkspaceModel.get();
        const state = stateOf(documents.all.toArray(), exportJson(result.model, result.analysis));
        expect(state).toEqual(await fresh(files.texts));
        expect(state.diagnostics[`${ROOT}/a.bos`].map(d => d.code)).toContain('bos/overload');
    });

    it('validates again a file that was not touched when its findings changed, and only then', async () => {
        const { files, shared, documents } = await started({
            'a.bos': 'actor U\n',
            'b.bos': 'actor U\n',
            'c.bos': 'actor C\n',
        });
        const validated: string[] = [];
        shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, d => void validated.push(d.uri.path));
        const edit = async (path: string, next: string) => {
            validated.length = 0;
            files.texts.set(`${ROOT}/${path}`, next);
            await shared.workspace.DocumentBuilder.update([URI.file(`${ROOT}/${path}`)], []);
            return [...validated].sort();
        };
        const codes = (path: string) =>
            documents.getDocument(URI.file(`${ROOT}/${path}`))!.diagnostics!.map(d => d.code).sort();
        expect(codes('b.bos')).toContain('bos/duplicate');
        // Renaming a's U ends the duplicate: b, which refers to nothing, is validated again; c is not.
        expect(await edit('a.bos', 'actor V\n')).toEqual([`${ROOT}/a.bos`, `${ROOT}/b.bos`]);
        expect(codes('b.bos')).not.toContain('bos/duplicate');
        // Another name in a changes no finding of b or c: only a is validated.
        expect(await edit('a.bos', 'actor W\n')).toEqual([`${ROOT}/a.bos`]);
        // The duplicate again: b's findings change back.
        expect(await edit('a.bos', 'actor U\n')).toEqual([`${ROOT}/a.bos`, `${ROOT}/b.bos`]);
        expect(codes('b.bos')).toContain('bos/duplicate');
    });

    it('re-points the references of a file that refers to an edited one when no name changed', async () => {
        const a = (name: string, capacity: string) =>
            `infrastructure I { resource ${name} : compute { capacity ${capacity} } }\n`;
        const { files, shared, Bos, documents } = await started({
            'a.bos': a('A', '10k/s'),
            'b.bos': 'platform P : business { capability X { runs on I.A  capacity 1k/s } }\n',
        });
        const builder = shared.workspace.DocumentBuilder;
        const linker = Bos.references.Linker;
        const linked: string[] = [];
        const link = linker.link.bind(linker);
        linker.link = (doc, token) => (linked.push(doc.uri.path.slice(ROOT.length + 1)), link(doc, token));
        const edit = async (text: string, token?: Cancellation.CancellationToken) => {
            linked.length = 0;
            files.texts.set(`${ROOT}/a.bos`, text);
            await builder.update([URI.file(`${ROOT}/a.bos`)], [], token);
            return [...linked];
        };
        const target = () => Bos.bos.WorkspaceModel.get().model.byId.get('P.X')!.deps[0].target;
        const maps = Bos.bos.WorkspaceModel.get().model.byAst;
        const names = Bos.references.ScopeProvider.globalNames();
        // A capacity: b is not linked again, yet its dependency lands on the new I.A; the
        // model's maps are patched, not filled again.
        expect(await edit(a('A', '20k/s'))).toEqual(['a.bos']);
        expect(target()).toBe(Bos.bos.WorkspaceModel.get().model.byId.get('I.A'));
        expect(target()!.capacity?.base).toBe(20_000);
        expect(Bos.bos.WorkspaceModel.get().model.byAst).toBe(maps);
        // So is the map of every name, whose I.A now describes the new node.
        expect(Bos.references.ScopeProvider.globalNames()).toBe(names);
        const root = documents.getDocument(URI.file(`${ROOT}/a.bos`))!.parseResult.value as Model;
        expect(names.get('I.A')!.node).toBe((root.declarations[0] as Infrastructure).resources[0]);
        // A rename: b is linked again, and its reference names nothing now.
        expect(await edit(a('B', '20k/s'))).toEqual(['a.bos', 'b.bos']);
        expect(target()).toBeUndefined();
        expect(Bos.bos.WorkspaceModel.get().model.byAst).not.toBe(maps);
        await edit(a('A', '20k/s'));
        // A rename cancelled once a is indexed (b held by then), then a capacity edit that
        // keeps the new name: b must be linked again, against the name it lost.
        const source = new Cancellation.CancellationTokenSource();
        const cancelling = builder.onBuildPhase(DocumentState.IndexedContent, () => source.cancel());
        const cancelled = await edit(a('C', '20k/s'), source.token).then(() => false, isOperationCancelled);
        expect(cancelled).toBe(true);
        cancelling.dispose();
        expect(await edit(a('C', '30k/s'))).toEqual(['a.bos', 'b.bos']);
        expect(target()).toBeUndefined();
        expect(
            stateOf(
                documents.all.toArray(),
                exportJson(Bos.bos.WorkspaceModel.get().model, Bos.bos.WorkspaceModel.get().analysis),
            ),
        )
            .toEqual(await fresh(files.texts));
    });

    it('equals a build from scratch after bursts of 1,000 edits', async () => {
        const edits = fc.sample(edit, { seed: SEED + 2, numRuns: 3000 });
        await replay(edits, 1000);
    }, 240_000);

    it('equals a build from scratch after bursts of edits built at once', async () => {
        await fc.assert(
            fc.asyncProperty(fc.array(edit, { minLength: 60, maxLength: 80 }), async edits => {
                await replay(edits, 7);
            }),
            { seed: SEED + 1, numRuns: 3 },
        );
    }, 240_000);
});
