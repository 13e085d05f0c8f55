// A value typed over (a number, a title) is patched into the syntax tree where it stands (value-patch.ts):
// after each patch, every token of the tree (its text, offset, length, range and kind)
// and every value of the syntax tree must be those of a fresh parse of the same text;
// an edit that is more than a number typed over is left to the parser.
import {
    type AstNode,
    AstUtils,
    type CstNode,
    CstUtils,
    EmptyFileSystem,
    isLeafCstNode,
    type LangiumDocument,
    URI,
} from 'langium';
import { describe, expect, it } from 'vitest';
import { patchValue } from '../src/lsp/value-patch.js';
import { createBosServices } from '../src/services/bos-module.js';
import { exampleFiles } from './example-files.js';

const { shared, Bos } = createBosServices(EmptyFileSystem);
let count = 0;
const parse = (text: string) =>
    shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`memory:///patch-${count++}.bos`));

/** Every token, with its place, and every composite's range: what a fresh parse makes. */
function tokens(root: CstNode) {
    return CstUtils.streamCst(root).map(n => ({
        text: n.text,
        offset: n.offset,
        length: n.length,
        range: n.range,
        kind: isLeafCstNode(n) ? n.tokenType.name : 'composite',
    })).toArray();
}

/** The syntax tree's values, without links or positions. */
function values(root: AstNode) {
    return AstUtils.streamAst(root).map(n =>
        Object.fromEntries(
            Object.entries(n).filter(([k, v]) => !k.startsWith('$') && (typeof v !== 'object' || v === null)),
        )
    ).toArray();
}

function patched(before: string, after: string): { doc: LangiumDocument; ok: boolean } {
    const doc = parse(before);
    return { doc, ok: patchValue(doc, after, Bos.parser.ValueConverter) };
}

function expectFresh(doc: LangiumDocument, text: string): void {
    const fresh = parse(text).parseResult.value;
    const root = doc.parseResult.value;
    expect(root.$cstNode!.root.fullText).toBe(text);
    expect(tokens(root.$cstNode!)).toEqual(tokens(fresh.$cstNode!));
    expect(values(root)).toEqual(values(fresh));
}

const MODEL = [
    'element E : sales { description "a" }',
    'infrastructure I { resource R : compute { capacity 5M/s  latency 20ms /* a note',
    '  that runs on */ instances 4 } }',
    'platform P "平台" : business { capability X { runs on I.R x 2  capacity 1_000/s } }',
    '',
].join('\n');

describe('patching a value typed over', () => {
    it.each([
        ['the same length', '5M/s', '6M/s'],
        ['a longer number, with the rest of the line after it', '20ms', '250ms'],
        ['a shorter one', '1_000/s', '9/s'],
        ['a scale suffix added', '5M/s', '5k/s'],
        ['a decimal', 'instances 4', 'instances 4.5'],
        ['a weight', 'x 2', 'x 12'],
        ['a digit typed inside the number', '5M/s', '50M/s'],
        ['a digit typed after the number', 'instances 4 }', 'instances 45 }'],
        ['a title', '"平台"', '"中台 2"'],
        ['a title emptied', '"平台"', '""'],
    ])('%s: the tree a fresh parse makes', (_what, from, to) => {
        const after = MODEL.replace(from, to);
        const { doc, ok } = patched(MODEL, after);
        expect(ok).toBe(true);
        expectFresh(doc, after);
    });

    it.each([
        ['a number turned into a name', '5M/s', 'fiveM/s'],
        ['a number that now runs into the unit', 'instances 4 }', 'instances 4x }'],
        ['a dot that is no decimal', 'instances 4 }', 'instances 4. }'],
        ['two numbers at once', 'capacity 5M/s  latency 20ms', 'capacity 6M/s  latency 30ms'],
        ['a space taken out before it', 'capacity 5M/s', 'capacity5M/s'],
        ['a name changed', 'resource R', 'resource Q'],
        ['a quote typed inside a title', '"平台"', '"平"台"'],
        ['a title run into the name after it', 'P "平台" :', 'P "平台":x'],
        ['a description, one of a list', 'description "a"', 'description "b"'],
    ])('leaves %s to the parser', (_what, from, to) => {
        const after = MODEL.replace(from, to);
        expect(after).not.toBe(MODEL);
        const { doc, ok } = patched(MODEL, after);
        expect(ok).toBe(false);
        expect(doc.parseResult.value.$cstNode!.root.fullText).toBe(MODEL);
    });

    it('leaves a document with syntax errors to the parser', () => {
        const broken = MODEL.replace('} }\nplatform', '}\nplatform');
        expect(patched(broken, broken.replace('5M/s', '6M/s')).ok).toBe(false);
    });

    it('patches edit after edit into the same tree, on every number of the example', () => {
        let edits = 0;
        for (const text of Object.values(exampleFiles())) {
            const doc = parse(text);
            const original = parse(text).parseResult.value.$cstNode!;
            const numbers = CstUtils.streamCst(original).filter(n => isLeafCstNode(n) && n.tokenType.name === 'NUMBER');
            let now = text;
            for (const m of numbers.map(n => ({ index: n.offset, 0: n.text })).toArray().reverse()) {
                // Each number grows by a digit, from the last one back, so earlier places hold.
                now = now.slice(0, m.index) + `9${m[0]}` + now.slice(m.index + m[0].length);
                expect(patchValue(doc, now, Bos.parser.ValueConverter), m[0]).toBe(true);
                edits++;
            }
            expectFresh(doc, now);
        }
        expect(edits).toBeGreaterThan(50);
    });
});
