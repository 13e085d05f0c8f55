// Rename across files. A qualified reference (`Trade.PlaceOrder`) names several
// declarations at once, so each reference is edited only in the segment that names the
// renamed declaration; aliases stay as written, and import paths follow the rename.
import {
    type AstNode,
    AstUtils,
    type CstNode,
    CstUtils,
    GrammarUtils,
    isLeafCstNode,
    type LangiumDocument,
    type Reference,
} from 'langium';
import type { LangiumServices, RenameProvider } from 'langium/lsp';
import {
    type Position,
    type Range,
    type RenameParams,
    ResponseError,
    type TextDocumentPositionParams,
    type TextEdit,
    type WorkspaceEdit,
} from 'vscode-languageserver';
import { type Declaration, isDeclaration, isModel, type Model } from '../language/generated/ast.js';
import { containerOf, qualifiedName } from '../language/names.js';
import { importRule } from '../language/scope.js';
import { RESERVED } from '../model/vocabulary.js';

const IDENTIFIER = /^\^?[\p{L}_][\p{L}\p{N}_]*$/u;

interface Segment {
    text: string;
    range: Range;
}

/** The name segments of a qualified name's syntax (dots and comments left out). */
export function segments(cst: CstNode): Segment[] {
    return CstUtils.streamCst(cst).filter(n => isLeafCstNode(n) && !n.hidden && n.text !== '.' && n.text !== '*')
        .map(n => ({ text: n.text.replace(/^\^/, ''), range: n.range })).toArray();
}

/** The qualified name of `decl` split in segments, package first. */
function fqnSegments(decl: Declaration): string[] {
    return (qualifiedName(decl) ?? '').split('.');
}

function ancestorsAndSelf(decl: Declaration): Declaration[] {
    const out: Declaration[] = [];
    for (let d: Declaration | undefined = decl; d; d = containerOf(d)) out.push(d);
    return out;
}

export class BosRenameProvider implements RenameProvider {
    private readonly services: LangiumServices;

    constructor(services: LangiumServices) {
        this.services = services;
    }

    prepareRename(document: LangiumDocument, params: TextDocumentPositionParams): Range | undefined {
        return this.target(document, params.position)?.range;
    }

    rename(document: LangiumDocument, params: RenameParams): WorkspaceEdit | undefined {
        const found = this.target(document, params.position);
        if (!found) return undefined;
        const { decl } = found;
        const name = params.newName.replace(/^\^/, '');
        if (!IDENTIFIER.test(params.newName)) {
            throw new ResponseError(
                -32803,
                `'${params.newName}' is not a valid name: use letters, digits and _, starting with a letter or _`,
            );
        }
        // A reserved word needs `^` only where it starts a name (spec section 1).
        const escaped = RESERVED.has(name) ? `^${name}` : name;
        const old = fqnSegments(decl);
        const renamed = [...old.slice(0, -1), name].join('.');
        const clash = this.services.shared.workspace.IndexManager.allElements().find(d => d.name === renamed);
        if (clash && clash.node !== decl) throw new ResponseError(-32803, `'${renamed}' already exists`);

        const changes: Record<string, TextEdit[]> = {};
        const edit = (doc: LangiumDocument, range: Range, first: boolean) =>
            (changes[doc.uri.toString()] ??= []).push({ range, newText: first ? escaped : name });
        const depth = old.length - 1;
        for (const doc of this.services.shared.workspace.LangiumDocuments.all) {
            const root = doc.parseResult.value;
            if (!isModel(root)) continue;
            for (const d of AstUtils.streamAst(root).filter(isDeclaration)) {
                if (d === decl) {
                    const nameNode = GrammarUtils.findNodeForProperty(d.$cstNode, 'name');
                    if (nameNode) edit(doc, nameNode.range, true);
                }
            }
            for (const ref of AstUtils.streamAst(root).flatMap(n => AstUtils.streamReferences(n))) {
                const target = (ref.reference as Reference).ref;
                if (!isDeclaration(target) || !ancestorsAndSelf(target).includes(decl) || !ref.reference.$refNode) {
                    continue;
                }
                const segs = segments(ref.reference.$refNode);
                const full = fqnSegments(target);
                const k = depth - (full.length - segs.length);
                // Edit only a segment that literally names the declaration (not an alias).
                if (k >= 0 && segs[k]?.text === full[depth]) edit(doc, segs[k].range, k === 0);
            }
            this.renameInImports(root, old, depth, range => edit(doc, range, depth === 0));
        }
        return { changes };
    }

    private renameInImports(root: Model, old: string[], depth: number, edit: (range: Range) => void): void {
        for (const imp of root.imports) {
            const path = importRule(imp.path ?? '', imp.alias).path.split('.');
            const cst = GrammarUtils.findNodeForProperty(imp.$cstNode, 'path');
            if (cst && path.length > depth && old.every((s, i) => path[i] === s)) edit(segments(cst)[depth].range);
        }
    }

    /** The declaration named at `position`: its own name, or one segment of a reference. */
    private target(document: LangiumDocument, position: Position): { decl: Declaration; range: Range } | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const leaf = CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(position));
        if (!leaf) return undefined;
        const owner: AstNode = leaf.astNode;
        const nameNode = isDeclaration(owner) ? GrammarUtils.findNodeForProperty(owner.$cstNode, 'name') : undefined;
        if (isDeclaration(owner) && nameNode && CstUtils.isChildNode(leaf, nameNode)) {
            return { decl: owner, range: nameNode.range };
        }
        const ref = AstUtils.streamReferences(owner).find(r =>
            r.reference.$refNode && CstUtils.isChildNode(leaf, r.reference.$refNode)
        );
        const target = (ref?.reference as Reference | undefined)?.ref;
        if (!ref || !isDeclaration(target)) return undefined;
        const segs = segments(ref.reference.$refNode!);
        const index = segs.findIndex(s =>
            s.range.start.line === leaf.range.start.line && s.range.start.character === leaf.range.start.character
        );
        // The last segment names the target, the one before it the target's container.
        const decl = ancestorsAndSelf(target)[segs.length - 1 - index];
        return decl && segs[index].text === decl.name ? { decl, range: segs[index].range } : undefined;
    }
}
