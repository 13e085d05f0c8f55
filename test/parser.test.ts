// The parser links every node of a new syntax tree to its container itself; the links
// must be those Langium's `linkContentToContainer` sets, on whole models and on trees the
// parser recovered from broken text.
import { type AstNode, AstUtils, EmptyFileSystem, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { createBosServices } from '../src/services/bos-module.js';
import { BROKEN } from './broken-model.js';
import { exampleFiles } from './example-files.js';

const links = (root: AstNode) =>
    AstUtils.streamAst(root).map(n => [n.$type, n.$container?.$type, n.$containerProperty, n.$containerIndex])
        .toArray();

describe('the parser', () => {
    it('links each node to its container as Langium does', () => {
        const { shared } = createBosServices(EmptyFileSystem);
        let nodes = 0;
        for (const [name, text] of Object.entries({ ...exampleFiles(), 'broken.bos': BROKEN })) {
            const doc = shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`memory:///${name}`));
            const root = doc.parseResult.value;
            const ours = links(root);
            for (const n of AstUtils.streamAllContents(root)) {
                const node = n as { $container?: AstNode; $containerProperty?: string; $containerIndex?: number };
                node.$container = node.$containerProperty = node.$containerIndex = undefined;
            }
            AstUtils.linkContentToContainer(root, { deep: true });
            expect(ours, name).toEqual(links(root));
            nodes += ours.length;
        }
        expect(nodes).toBeGreaterThan(200);
    });
});
