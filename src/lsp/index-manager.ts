// After every edit Langium asks each document whether it refers to an edited one
// (`isAffected`), which walks every reference of the workspace: 10k descriptions at 10k
// declarations, on every keystroke. The files each document refers to are kept with its
// reference descriptions instead, so the question costs one look per edited file.
import { type Cancellation, DefaultIndexManager, type LangiumDocument, type URI } from 'langium';

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

    override removeReferences(uri: URI): void {
        super.removeReferences(uri);
        this.targets.delete(uri.toString());
    }

    override isAffected(document: LangiumDocument, changedUris: Set<string>): boolean {
        const targets = this.targets.get(document.uri.toString());
        if (!targets) return false;
        for (const uri of changedUris) if (targets.has(uri)) return true;
        return false;
    }
}
