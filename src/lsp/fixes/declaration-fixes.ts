// Quick fixes that add or remove whole declarations: create what an unresolved reference
// needs (bos/unresolved), remove what nothing uses (bos/unused).
import { type AstNode, AstUtils, GrammarUtils, type LangiumDocument } from 'langium';
import * as ast from '../../language/generated/ast.js';
import type { Relation } from '../../model/relations.js';
import { RELATIONS } from '../../model/relations.js';
import { type DeclarationKeyword, DECLARATIONS, keywordOfType } from '../../model/vocabulary.js';
import { type Fix, insertion } from './fix.js';

/**
 * Declares what an unresolved reference names: the relation's first target sort, inside
 * the container the reference names (`Cloud.Disk`) or the holder's own container, or at
 * the end of the file when that sort may stand at top level.
 */
export function createDeclaration(document: LangiumDocument, node: AstNode, relation: Relation | undefined): Fix[] {
    const ref = AstUtils.streamReferences(node).head();
    if (!ref || !relation) return [];
    const keyword = RELATIONS[relation].targets[0];
    const parts = ref.reference.$refText.split('.');
    const name = parts.at(-1)!;
    const text = DECLARATIONS[keyword].starter.replace('$', name);
    const nest = DECLARATIONS[keyword].container;
    const container = nest && findContainer(document, node, parts, nest.keyword);
    if ((parts.length > 1 || (nest && !nest.optional)) && !container) return [];
    const title = `Create ${keyword} '${name}'${container ? ` in ${container.name}` : ''}`;
    if (container) {
        const close = GrammarUtils.findNodeForKeyword(container.$cstNode, '}');
        return close ? [{ title, edits: [insertion(close.range.start, `  ${text}\n`)] }] : [];
    }
    const all = document.textDocument.getText();
    const end = document.textDocument.positionAt(all.length);
    return [{ title, edits: [insertion(end, `${all.endsWith('\n') ? '' : '\n'}${text}\n`)] }];
}

/** The container a reference names in its first segment (`Cloud.Disk`), or the holder's own. */
function findContainer(
    document: LangiumDocument,
    node: AstNode,
    parts: string[],
    keyword: DeclarationKeyword,
): ast.Declaration | undefined {
    const isContainer = (d: AstNode | undefined): d is ast.Declaration =>
        d !== undefined && keywordOfType(d.$type) === keyword;
    if (parts.length === 2) {
        const root = document.parseResult.value as ast.Model;
        return root.declarations.find(d => isContainer(d) && d.name === parts[0]);
    }
    const holder = AstUtils.getContainerOfType(node, ast.isDeclaration);
    return parts.length === 1 && isContainer(holder?.$container) ? holder.$container : undefined;
}

/** Deletes the declaration, with its whole lines when it stands on lines of its own. */
export function removeDeclaration(document: LangiumDocument, node: AstNode): Fix[] {
    const decl = AstUtils.getContainerOfType(node, ast.isDeclaration);
    const cst = decl?.$cstNode;
    if (!decl || !cst) return [];
    const text = document.textDocument.getText();
    let start = cst.offset;
    let end = cst.end;
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const lineEnd = text.indexOf('\n', end) < 0 ? text.length : text.indexOf('\n', end);
    const ownLines = /^\s*$/.test(text.slice(lineStart, start)) && /^\s*$/.test(text.slice(end, lineEnd));
    if (ownLines) {
        start = lineStart;
        end = Math.min(text.length, lineEnd + 1);
    }
    const range = { start: document.textDocument.positionAt(start), end: document.textDocument.positionAt(end) };
    return [{ title: `Remove unused ${keywordOfType(decl.$type)} '${decl.name}'`, edits: [{ range, newText: '' }] }];
}
