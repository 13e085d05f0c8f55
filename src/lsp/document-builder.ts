// Cross-file rules (duplicates, cycles, unused, capacity) can change the diagnostics
// of files an edit did not touch. After every update, documents that are not relinked
// anyway are sent back to validation only: cheap, since every rule runs once per build
// on the workspace model and each document just emits its share.
import { DefaultDocumentBuilder, DocumentState, type URI } from 'langium';

export class BosDocumentBuilder extends DefaultDocumentBuilder {
    protected override async emitUpdate(changed: URI[], deleted: URI[]): Promise<void> {
        for (const doc of this.langiumDocuments.all) {
            if (doc.state > DocumentState.IndexedReferences) this.resetToState(doc, DocumentState.IndexedReferences);
        }
        await super.emitUpdate(changed, deleted);
    }
}
