// Cross-file rules (duplicates, cycles, unused, capacity) can change the diagnostics
// of files an edit did not touch. After every update, documents that are not relinked
// anyway are sent back to validation only: cheap, since every rule runs once per build
// on the workspace model and each document just emits its share.
//
// A burst of edits is built once: an update that follows the previous one within
// QUIET_MS waits out the rest of that window before building. The next edit's update
// cancels it meanwhile (Langium checks the token right after emitUpdate), so only the
// last edit of a burst is built. An edit after a quiet moment is built at once, and a
// request that arrives meanwhile waits, because the documents are already marked changed.
import { Cancellation, DefaultDocumentBuilder, DocumentState, type URI } from 'langium';

const QUIET_MS = 25;

export class BosDocumentBuilder extends DefaultDocumentBuilder {
    private lastUpdate = 0;
    private token: Cancellation.CancellationToken = Cancellation.CancellationToken.None;

    override async update(
        changed: URI[],
        deleted: URI[],
        cancelToken = Cancellation.CancellationToken.None,
    ): Promise<void> {
        this.token = cancelToken;
        await super.update(changed, deleted, cancelToken);
    }

    protected override async emitUpdate(changed: URI[], deleted: URI[]): Promise<void> {
        for (const doc of this.langiumDocuments.all) {
            if (doc.state > DocumentState.IndexedReferences) this.resetToState(doc, DocumentState.IndexedReferences);
        }
        await super.emitUpdate(changed, deleted);
        const now = performance.now();
        const wait = this.lastUpdate + QUIET_MS - now;
        this.lastUpdate = now;
        // The next edit cancels this update: stop waiting then, so updates never queue up
        // behind one another's windows.
        const token = this.token;
        if (wait > 0 && !token.isCancellationRequested) {
            await new Promise<void>(resolve => {
                const done = () => {
                    clearTimeout(timer);
                    subscription.dispose();
                    resolve();
                };
                const timer = setTimeout(done, wait);
                const subscription = token.onCancellationRequested(done);
            });
        }
    }
}
