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

const lastSegment = (name: string) => name.slice(name.lastIndexOf('.') + 1);

/**
 * The last segments of the names the edited documents export now and did not before
 * (every name they export when what they exported before is unknown). A reference of
 * another document can only have come to resolve to a new name whose last segment its
 * own text ends with (an alias renames a path's first segment, and is itself a reference
 * to the name it imports): a new name may shadow what such a reference found before.
 */
export function newNames(
    index: IndexManager,
    before: readonly Exports[] | undefined,
    edited: readonly LangiumDocument[],
): Set<string> {
    const uris = new Set(before ? before.map(e => e.uri) : edited.map(doc => doc.uri.toString()));
    const old = new Set(before?.flatMap(e => e.descriptions.map(d => d.name)));
    const out = new Set<string>();
    for (const d of index.allElements(undefined, uris)) if (!old.has(d.name)) out.add(lastSegment(d.name));
    return out;
}

/** Whether one of the document's references ends with one of `names` (`newNames`). */
export function mayFind(document: LangiumDocument, names: ReadonlySet<string>): boolean {
    return document.references.some(ref => names.has(lastSegment(ref.$refText)));
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
