// Semantic tokens: declaration names and references coloured by what they name, kinds
// as types, units as such. The TextMate grammar gives the first colours; these refine.
import { type AstNode, AstUtils, type Reference } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import * as ast from '../language/generated/ast.js';

const TYPE_OF: Readonly<Record<ast.Declaration['$type'], string>> = {
    Actor: SemanticTokenTypes.interface,
    Element: SemanticTokenTypes.class,
    Platform: SemanticTokenTypes.namespace,
    Capability: SemanticTokenTypes.function,
    Infrastructure: SemanticTokenTypes.namespace,
    Resource: SemanticTokenTypes.struct,
    Flow: SemanticTokenTypes.event,
    Scenario: SemanticTokenTypes.enumMember,
    View: SemanticTokenTypes.macro,
};

export class BosSemanticTokenProvider extends AbstractSemanticTokenProvider {
    protected highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        if (ast.isDeclaration(node)) {
            if (node.name) {
                acceptor({
                    node,
                    property: 'name',
                    type: TYPE_OF[node.$type],
                    modifier: SemanticTokenModifiers.declaration,
                });
            }
            if (node.kind) acceptor({ node, property: 'kind', type: SemanticTokenTypes.type });
            if (node.title) acceptor({ node, property: 'title', type: SemanticTokenTypes.string });
        } else if (ast.isQuantity(node)) {
            acceptor({ node, property: 'value', type: SemanticTokenTypes.number });
            if (node.unit) acceptor({ node, property: 'unit', type: SemanticTokenTypes.keyword });
        } else if (ast.isModel(node) && node.package) {
            acceptor({ node, property: 'package', type: SemanticTokenTypes.namespace });
        } else if (ast.isImport(node)) {
            acceptor({ node, property: 'path', type: SemanticTokenTypes.namespace });
        }
        for (const ref of AstUtils.streamReferences(node)) {
            const target = (ref.reference as Reference).ref;
            if (ast.isDeclaration(target)) {
                acceptor({ node, property: ref.property as never, type: TYPE_OF[target.$type] });
            }
        }
    }
}
