// After every edit Langium asks each document whether it refers to an edited one
// (`isAffected`), which walks every reference of the workspace: 10k descriptions at 10k
// declarations, on every keystroke. The files each document refers to are kept with its
// reference descriptions instead, so the question costs one look per edited file.
import {
    type AstNode,
    type Cancellation,
    type CstNode,
    CstUtils,
    DefaultIndexManager,
    type LangiumDocument,
    type URI,
} from 'langium';

export class BosIndexManager extends DefaultIndexManager {
    /** The URIs of the other files each document's references land in, by document URI. */
    private readonly targets = new Map<string, ReadonlySet<string>>();

    override async updateReferences(document: LangiumDocument, cancelToken?: Cancellation.CancellationToken) {
        await super.updateReferences(document, cancelToken);
        const uri = document.uri.toString();
        const targets = new Set<string>();
        for (const ref of this.referenceIndex.get(uri) ?? []) if (!ref.local) targets.add(ref.targetUri.toString());
        this.targets.set(uri, targets);
    }

    /**
     * A document's references are indexed again after it is linked again; until then its
     * last known targets stand (a patched document keeps its links, and an edit of a file it
     * refers to must still find it). Langium would answer that it refers to nothing.
     */
    override remove(uri: URI): void {
        super.remove(uri);
        this.targets.delete(uri.toString());
    }

    /** A patched document's exports (value-patch.ts) name the same nodes, at the places they moved to. */
    moved(document: LangiumDocument, nameNode: (node: AstNode) => CstNode | undefined): void {
        for (const d of this.symbolIndex.get(document.uri.toString()) ?? []) {
            const node = d.node;
            if (!node?.$cstNode) continue;
            d.selectionSegment = CstUtils.toDocumentSegment(node.$cstNode);
            // Langium's description works its name segment out when first asked, and keeps it.
            const nameSegment = CstUtils.toDocumentSegment(nameNode(node) ?? node.$cstNode);
            Object.defineProperty(d, 'nameSegment', { value: nameSegment, enumerable: true, configurable: true });
        }
    }

    override isAffected(document: LangiumDocument, changedUris: Set<string>): boolean {
        const targets = this.targets.get(document.uri.toString());
        if (!targets) return false;
        for (const uri of changedUris) if (targets.has(uri)) return true;
        return false;
    }
}
