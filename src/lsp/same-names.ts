// An edit that changes no exported name (a capacity, a title, a comment) leaves every
// reference of the other files resolving to the same declaration: the same qualified
// names, in the same files, at the same paths. Langium relinks every file that refers to
// an edited one all the same (in a one-package workspace nearly all of them); when the
// names are the same, their references only need to point at the new syntax nodes.
import { type AstNode, type AstNodeDescription, DocumentState, type IndexManager, type LangiumDocument } from 'langium';

/** What one document exported before an edit, and its syntax tree then. */
export interface Exports {
    uri: string;
    root: AstNode;
    descriptions: readonly AstNodeDescription[];
}

/** The exports of each document, or undefined when one is not indexed yet (a new file exports new names). */
export function exportsBefore(
    index: IndexManager,
    documents: readonly (LangiumDocument | undefined)[],
): Exports[] | undefined {
    const out: Exports[] = [];
    for (const doc of documents) {
        if (!doc || doc.state < DocumentState.IndexedContent) return undefined;
        const uri = doc.uri.toString();
        out.push({
            uri,
            root: doc.parseResult.value,
            descriptions: index.allElements(undefined, new Set([uri])).toArray(),
        });
    }
    return out;
}

/**
 * Each old exported node's new description, when every document exports now the same
 * names of the same types at the same paths, in the same order; otherwise undefined.
 */
export function successors(
    index: IndexManager,
    before: readonly Exports[],
): Map<AstNode, AstNodeDescription> | undefined {
    const next = new Map<AstNode, AstNodeDescription>();
    for (const { uri, descriptions } of before) {
        const now = index.allElements(undefined, new Set([uri])).toArray();
        if (now.length !== descriptions.length) return undefined;
        for (let i = 0; i < now.length; i++) {
            const [a, b] = [descriptions[i], now[i]];
            if (!a.node || a.name !== b.name || a.type !== b.type || a.path !== b.path) return undefined;
            next.set(a.node, b);
        }
    }
    return next;
}
