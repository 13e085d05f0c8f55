// The linker's own walk for a syntax tree's references must find what Langium's streams
// find, in the same order (a node's references, then its children's), on whole models
// and on trees the parser recovered from broken text.
import { AstUtils, EmptyFileSystem, type ReferenceInfo, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { createBosServices } from '../src/services/bos-module.js';
import { BROKEN } from './broken-model.js';
import { exampleFiles } from './example-files.js';

const described = (infos: readonly ReferenceInfo[]) =>
    infos.map(i => `${i.container.$type}.${i.property}[${i.index ?? '-'}] ${i.reference.$refText}`);

describe('references of a syntax tree', () => {
    it("are those of Langium's streams, in the same order", () => {
        const { shared, Bos } = createBosServices(EmptyFileSystem);
        const texts = { ...exampleFiles(), 'broken.bos': BROKEN };
        let total = 0;
        for (const [name, text] of Object.entries(texts)) {
            const doc = shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`memory:///${name}`));
            const root = doc.parseResult.value;
            const streamed = AstUtils.streamAst(root).flatMap(AstUtils.streamReferences).toArray();
            const walked = Bos.references.Linker.referencesOf(doc);
            expect(described(walked), name).toEqual(described(streamed));
            expect(walked.every((w, i) => w.reference === streamed[i].reference), name).toBe(true);
            total += walked.length;
        }
        expect(total).toBeGreaterThan(50);
    });
});
