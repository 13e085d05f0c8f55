// The outline, grouped by layer of the stack: actors, commerce, middle platforms,
// infrastructure, then flows, scenarios and views.
import { GrammarUtils, type LangiumDocument } from 'langium';
import type { DocumentSymbolProvider } from 'langium/lsp';
import { type DocumentSymbol, SymbolKind } from 'vscode-languageserver';
import { type Declaration, isInfrastructure, isModel, isPlatform } from '../language/generated/ast.js';

const GROUPS: readonly { title: string; types: readonly Declaration['$type'][] }[] = [
    { title: 'Actors', types: ['Actor'] },
    { title: 'Commerce', types: ['Element'] },
    { title: 'Middle platforms', types: ['Platform'] },
    { title: 'Infrastructure', types: ['Infrastructure', 'Resource'] },
    { title: 'Flows', types: ['Flow'] },
    { title: 'Scenarios', types: ['Scenario'] },
    { title: 'Views', types: ['View'] },
];

const KIND: Readonly<Record<Declaration['$type'], SymbolKind>> = {
    Actor: SymbolKind.Interface,
    Element: SymbolKind.Class,
    Platform: SymbolKind.Namespace,
    Capability: SymbolKind.Method,
    Infrastructure: SymbolKind.Package,
    Resource: SymbolKind.Struct,
    Flow: SymbolKind.Event,
    Scenario: SymbolKind.Constant,
    View: SymbolKind.File,
};

function symbol(decl: Declaration): DocumentSymbol | undefined {
    const cst = decl.$cstNode;
    if (!cst || !decl.name) return undefined;
    const nameNode = GrammarUtils.findNodeForProperty(cst, 'name') ?? cst;
    const children = (isPlatform(decl) ? decl.capabilities : isInfrastructure(decl) ? decl.resources : [])
        .map(symbol).filter((s): s is DocumentSymbol => !!s);
    return {
        name: decl.name,
        detail: [decl.title, decl.kind].filter(Boolean).join(' · '),
        kind: KIND[decl.$type],
        range: cst.range,
        selectionRange: nameNode.range,
        children,
    };
}

export class BosDocumentSymbolProvider implements DocumentSymbolProvider {
    getSymbols(document: LangiumDocument): DocumentSymbol[] {
        const root = document.parseResult.value;
        if (!isModel(root)) return [];
        const out: DocumentSymbol[] = [];
        for (const group of GROUPS) {
            const members = root.declarations.filter(d => group.types.includes(d.$type));
            const children = members.map(symbol).filter((s): s is DocumentSymbol => !!s);
            if (!children.length) continue;
            const range = {
                start: members[0].$cstNode!.range.start,
                end: members[members.length - 1].$cstNode!.range.end,
            };
            out.push({
                name: group.title,
                kind: SymbolKind.Namespace,
                range,
                selectionRange: children[0].selectionRange,
                children,
            });
        }
        return out;
    }
}
