// Cross-file rules (duplicates, cycles, unused, capacity) can change the diagnostics
// of files an edit did not touch. After every update, a document that was neither parsed
// nor linked again is validated again only when its findings differ from those it was
// last told (`BosWorkspaceModel.findingsChanged`): its syntax and linking errors cannot
// have changed, and its findings are all the rest. Unchanged documents are neither
// validated nor published again.
//
// An open document's diagnostics are sent as soon as it is validated: the builder yields
// once so that the connection writes them before the other documents are validated.
//
// A burst of edits is built once: an update that follows the previous one within
// QUIET_MS waits out the rest of that window before building. The next edit's update
// cancels it meanwhile (Langium checks the token right after emitUpdate), so only the
// last edit of a burst is built. An edit after a quiet moment is built at once, and a
// request that arrives meanwhile waits, because the documents are already marked changed.
import {
    Cancellation,
    DefaultDocumentBuilder,
    delayNextTick,
    DocumentState,
    type LangiumDocument,
    type LangiumSharedCoreServices,
    type URI,
} from 'langium';
import type { BosServices } from '../services/bos-module.js';

const QUIET_MS = 25;

export class BosDocumentBuilder extends DefaultDocumentBuilder {
    private lastUpdate = 0;
    private token: Cancellation.CancellationToken = Cancellation.CancellationToken.None;
    private readonly textDocumentsOf: LangiumSharedCoreServices['workspace']['TextDocuments'];

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.textDocumentsOf = services.workspace.TextDocuments;
    }

    override async update(
        changed: URI[],
        deleted: URI[],
        cancelToken = Cancellation.CancellationToken.None,
    ): Promise<void> {
        this.token = cancelToken;
        await super.update(changed, deleted, cancelToken);
    }

    protected override async emitUpdate(changed: URI[], deleted: URI[]): Promise<void> {
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

    /** Validation also takes the documents built earlier whose findings changed. */
    protected override async runCancelable(
        documents: LangiumDocument[],
        targetState: DocumentState,
        cancelToken: Cancellation.CancellationToken,
        callback: (document: LangiumDocument) => unknown,
    ): Promise<void> {
        const more = targetState === DocumentState.Validated ? this.withChangedFindings(documents) : [];
        await super.runCancelable(
            more.length ? [...documents, ...more] : documents,
            targetState,
            cancelToken,
            callback,
        );
    }

    protected override async notifyDocumentPhase(
        document: LangiumDocument,
        state: DocumentState,
        cancelToken: Cancellation.CancellationToken,
    ): Promise<void> {
        await super.notifyDocumentPhase(document, state, cancelToken);
        if (state === DocumentState.Validated && this.textDocumentsOf?.get(document.uri)) await delayNextTick();
    }

    /** Validated documents outside this build whose findings changed, made ready to be validated again. */
    private withChangedFindings(building: LangiumDocument[]): LangiumDocument[] {
        const inBuild = new Set(building);
        const stale = this.langiumDocuments.all.filter(doc =>
            doc.state === DocumentState.Validated && !inBuild.has(doc)
            && (this.serviceRegistry.getServices(doc.uri) as BosServices).bos.WorkspaceModel
                .findingsChanged(doc.uri.toString())
        ).toArray();
        for (const doc of stale) this.resetToState(doc, DocumentState.IndexedReferences);
        this.prepareBuild(stale, this.updateBuildOptions);
        return this.sortDocuments(stale);
    }
}
