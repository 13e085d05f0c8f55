// Quick fixes for bos/missing-kind and bos/unknown-kind: the kinds come with the finding.
import { type AstNode, AstUtils, GrammarUtils } from 'langium';
import type { Range } from 'vscode-languageserver';
import * as ast from '../../language/generated/ast.js';
import { type Fix, insertion, replacements } from './fix.js';

/** `: kind` after the declaration's title (or its name when it has none), one fix per kind. */
export function addKind(node: AstNode, kinds: readonly string[]): Fix[] {
    const decl = AstUtils.getContainerOfType(node, ast.isDeclaration);
    const cst = decl?.$cstNode;
    const after = GrammarUtils.findNodeForProperty(cst, 'title') ?? GrammarUtils.findNodeForProperty(cst, 'name');
    if (!after) return [];
    return kinds.map((k, i) => ({
        title: `Add kind '${k}'`,
        preferred: i === 0,
        edits: [insertion(after.range.end, ` : ${k}`)],
    }));
}

export function replaceKind(range: Range, kinds: readonly string[]): Fix[] {
    return replacements(range, kinds.map(k => ({ title: `Change to '${k}'`, newText: k })));
}
