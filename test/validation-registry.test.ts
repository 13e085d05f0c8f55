// A check registered the usual Langium way runs on every node of its type, next to the
// workspace rules, which still run once per build (see services/document-validator.ts).
import { type AstNode, AstUtils, EmptyFileSystem, type LangiumDocument, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { type BosAstType, isCapability, isWeightedRef } from '../src/language/generated/ast.js';
import { createBosServices } from '../src/services/bos-module.js';
import { BASE, check } from './helpers.js';

const FILES = {
    'a.bos': BASE,
    // Workspace findings: Refund runs on nothing (bos/unhosted), Sales is declared in both files (bos/duplicate).
    'b.bos': `package shop
platform Pay : business {
  capability Charge { runs on Cloud.VM x 2  calls Trade.Order }
  capability Refund { }
}
platform Logistics : business { capability Ship { runs on Cloud.DB  calls Pay.Charge, Trade.Order } }
actor Sales { uses Logistics.Ship }
`,
};

/** Builds FILES with extra checks on Capability and WeightedRef, which accept one hint per node. */
async function buildWithChecks(): Promise<LangiumDocument[]> {
    const { shared, Bos } = createBosServices(EmptyFileSystem);
    Bos.validation.ValidationRegistry.register<BosAstType>({
        Capability: (node, accept) => accept('hint', 'capability', { node, code: 'test/capability' }),
        WeightedRef: (node, accept) => accept('hint', 'weighted', { node, code: 'test/weighted' }),
    });
    const docs = Object.entries(FILES).map(([name, text]) =>
        shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`memory:///${name}`))
    );
    for (const doc of docs) shared.workspace.LangiumDocuments.addDocument(doc);
    await shared.workspace.DocumentBuilder.build(docs, { validation: true });
    return docs;
}

function starts(nodes: AstNode[]): string[] {
    return nodes.map(n => JSON.stringify(n.$cstNode!.range.start));
}

describe('the validation registry', () => {
    it('runs a registered check on every node of its type, nested ones too, in every document', async () => {
        const docs = await buildWithChecks();
        for (const doc of docs) {
            const nodes = AstUtils.streamAst(doc.parseResult.value).toArray();
            const at = (code: string) =>
                (doc.diagnostics ?? []).filter(d => d.code === code).map(d => JSON.stringify(d.range.start));
            const capabilities = nodes.filter(isCapability), refs = nodes.filter(isWeightedRef);
            expect(capabilities.length).toBeGreaterThan(0);
            expect(refs.length).toBeGreaterThan(1);
            expect(at('test/capability')).toEqual(starts(capabilities));
            expect(at('test/weighted')).toEqual(starts(refs));
        }
    });

    it('leaves the workspace findings as they are: each once, in its own document', async () => {
        const docs = await buildWithChecks();
        const own = docs.flatMap(doc =>
            (doc.diagnostics ?? []).filter(d => !String(d.code).startsWith('test/')).map(d =>
                `${doc.uri.path.slice(1)}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`
            )
        ).sort();
        const plain = (await check(FILES)).diagnostics.map(d => `${d.file}:${d.line}:${d.column} ${d.code}`).sort();
        expect(own).toEqual(plain);
        expect(own.filter(d => /unhosted|duplicate/.test(d))).toEqual([
            'a.bos:9:9 bos/duplicate',
            'b.bos:4:14 bos/unhosted',
            'b.bos:7:7 bos/duplicate',
        ]);
    });
});
