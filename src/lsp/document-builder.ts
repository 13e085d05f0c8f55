// Cross-file rules (duplicates, cycles, unused, capacity) can change the diagnostics
// of files an edit did not touch. After every update, a document that was neither parsed
// nor linked again is validated again only when its findings differ from those it was
// last told (`BosWorkspaceModel.findingsChanged`): its syntax and linking errors cannot
// have changed, and its findings are all the rest. Unchanged documents are neither
// validated nor published again.
//
// A document that refers to an edited one is not relinked when the edit keeps every
// exported name (same-names.ts): it is held until the edited documents are indexed, then
// its references are pointed at the new nodes (`BosLinker.repoint`), or, when a name
// changed, it joins the build and is linked again as Langium would have. A build
// cancelled before that leaves the held documents to be linked again by the next one.
// When names were added, a document with a reference the new name may shadow is linked
// again too, though it referred to none of the edited files (`newNames`, `mayFind`).
//
// An open document whose edit only typed a value over (a number, a title) is patched in place instead
// (value-patch.ts): it keeps its syntax tree and links and is validated again, and the
// documents that refer to it keep theirs; the model re-points their dependencies.
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
    type URI,
} from 'langium';
import type { BosServices } from '../services/bos-module.js';
import type { BosIndexManager } from './index-manager.js';
import { type Exports, exportsBefore, mayFind, newNames, successors } from './same-names.js';
import { patchValue } from './value-patch.js';

const QUIET_MS = 25;

export class BosDocumentBuilder extends DefaultDocumentBuilder {
    private lastUpdate = 0;
    private token: Cancellation.CancellationToken = Cancellation.CancellationToken.None;
    /** What the documents of this update exported before it; undefined: relink as Langium does. */
    private before?: Exports[];
    /** Documents that refer to the edited ones and were not reset for relinking. */
    private held: LangiumDocument[] = [];
    /** Held documents that must be linked again after all: they join this build's later phases. */
    private joined: LangiumDocument[] = [];
    private readonly linkingErrors = new WeakMap<LangiumDocument['references'], boolean>();
    /** Documents of this update patched in place: changed all the same for whoever listens. */
    private patched: URI[] = [];

    override async update(
        changed: URI[],
        deleted: URI[],
        cancelToken = Cancellation.CancellationToken.None,
    ): Promise<void> {
        this.token = cancelToken;
        for (const doc of this.held) this.resetToState(doc, DocumentState.ComputedScopes);
        this.held = [];
        this.joined = [];
        const parsed: URI[] = [];
        this.patched = [];
        for (const uri of changed) {
            if (!deleted.length && this.patch(uri)) this.patched.push(uri);
            else parsed.push(uri);
        }
        changed = parsed;
        // Every file this build indexes must be one of the edited ones, known before: a file
        // left unindexed by a cancelled build may have changed its names.
        const unindexed = this.langiumDocuments.all.some(doc => doc.state < DocumentState.IndexedContent);
        this.before = deleted.length || unindexed
            ? undefined
            : exportsBefore(this.indexManager, changed.map(uri => this.langiumDocuments.getDocument(uri)));
        try {
            await super.update(changed, deleted, cancelToken);
        } finally {
            this.patched = [];
        }
    }

    /** As Langium decides (a linking error, or a reference into a changed file), but held when it can be. */
    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        const errors = this.hasLinkingErrors(document);
        const relink = errors || this.indexManager.isAffected(document, changedUris);
        const holdable = this.before && document.state === DocumentState.Validated && !errors;
        if (!relink || !holdable) return relink;
        this.held.push(document);
        return false;
    }

    /**
     * Asked of every document on every edit: remembered per linked reference list, which
     * linking fills and unlinking replaces (re-pointing keeps a list without errors so).
     */
    private hasLinkingErrors(document: LangiumDocument): boolean {
        const refs = document.references;
        let errors = this.linkingErrors.get(refs);
        if (errors === undefined) {
            errors = refs.some(ref => ref.error !== undefined);
            if (document.state >= DocumentState.Linked) this.linkingErrors.set(refs, errors);
        }
        return errors;
    }

    protected override async emitUpdate(changed: URI[], deleted: URI[]): Promise<void> {
        await super.emitUpdate(this.patched.length ? [...changed, ...this.patched] : changed, deleted);
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

    /** Linking settles the held documents; validation also takes the documents built earlier whose findings changed. */
    protected override async runCancelable(
        documents: LangiumDocument[],
        targetState: DocumentState,
        cancelToken: Cancellation.CancellationToken,
        callback: (document: LangiumDocument) => unknown,
    ): Promise<void> {
        if (targetState === DocumentState.Linked) this.settleHeld(documents);
        let docs = targetState >= DocumentState.Linked && this.joined.length
            ? [...documents, ...this.joined]
            : documents;
        if (targetState === DocumentState.Validated) docs = [...docs, ...this.withChangedFindings(docs)];
        await super.runCancelable(docs, targetState, cancelToken, callback);
    }

    protected override async notifyDocumentPhase(
        document: LangiumDocument,
        state: DocumentState,
        cancelToken: Cancellation.CancellationToken,
    ): Promise<void> {
        await super.notifyDocumentPhase(document, state, cancelToken);
        if (state === DocumentState.Validated && this.textDocuments?.get(document.uri)) await delayNextTick();
    }

    /**
     * The edited documents are indexed now: held documents are re-pointed if no name changed, else linked again;
     * so is any other linked document with a reference a new name may shadow (Langium relinks only the documents
     * whose references land in an edited one).
     */
    private settleHeld(building: readonly LangiumDocument[]): void {
        const held = this.held;
        this.held = [];
        const next = this.before && successors(this.indexManager, this.before);
        const stale = new Set(this.before?.map(e => e.root));
        const names = next ? new Set<string>() : newNames(this.indexManager, this.before, building);
        this.before = undefined;
        if (next) {
            for (const language of this.serviceRegistry.all) {
                (language as BosServices).references.ScopeProvider.carryNames(next);
            }
        }
        // A value edit adds no name: no other document needs a look.
        const shadowed = names.size ? this.mayShadow(names, new Set([...building, ...held])) : [];
        if (!held.length && !shadowed.length) return;
        const relink = [
            ...(next ? held.filter(doc => !this.servicesOf(doc).references.Linker.repoint(doc, next, stale)) : held),
            ...shadowed,
        ];
        for (const doc of relink) this.resetToState(doc, DocumentState.ComputedScopes);
        this.prepareBuild(relink, this.updateBuildOptions);
        this.joined = this.sortDocuments(relink);
    }

    /**
     * Patches an open, built document whose edit only typed a value over; true if it did.
     * Its references and exports still hold: only their places are indexed again.
     */
    private patch(uri: URI): boolean {
        const doc = this.langiumDocuments.getDocument(uri);
        const text = this.textDocuments?.get(uri.toString());
        // A document read from disk, or not validated yet, is parsed again as Langium does.
        if (!doc || !text || doc.textDocument !== text || doc.state < DocumentState.Validated) return false;
        const services = this.servicesOf(doc);
        if (!patchValue(doc, text.getText(), services.parser.ValueConverter)) return false;
        this.resetToState(doc, DocumentState.Linked);
        (this.indexManager as BosIndexManager).moved(doc, node => services.references.NameProvider.getNameNode(node));
        // Those whose references are not indexed yet (a build cancelled before) may refer to it too.
        const edited = new Set([uri.toString()]);
        for (const other of this.langiumDocuments.all) {
            const unknown = other.state < DocumentState.IndexedReferences;
            if (other !== doc && (unknown || this.indexManager.isAffected(other, edited))) {
                services.references.Linker.touch(other.uri.toString());
            }
        }
        return true;
    }

    /** Linked documents outside `inBuild` with a reference one of the new `names` may now find. */
    private mayShadow(names: ReadonlySet<string>, inBuild: ReadonlySet<LangiumDocument>): LangiumDocument[] {
        return this.langiumDocuments.all.filter(doc =>
            !inBuild.has(doc) && doc.state >= DocumentState.Linked && mayFind(doc, names)
        ).toArray();
    }

    private servicesOf(doc: LangiumDocument): BosServices {
        return this.serviceRegistry.getServices(doc.uri) as BosServices;
    }

    /** Validated documents outside this build whose findings changed, made ready to be validated again. */
    private withChangedFindings(building: LangiumDocument[]): LangiumDocument[] {
        const inBuild = new Set(building);
        const stale = this.langiumDocuments.all.filter(doc =>
            doc.state === DocumentState.Validated && !inBuild.has(doc)
            && this.servicesOf(doc).bos.WorkspaceModel.findingsChanged(doc.uri.toString())
        ).toArray();
        for (const doc of stale) this.resetToState(doc, DocumentState.IndexedReferences);
        this.prepareBuild(stale, this.updateBuildOptions);
        return this.sortDocuments(stale);
    }
}
