// The linker, telling which documents it linked: a document linked again may have
// references that land elsewhere now, so the model resolves its dependencies again.
// Recorded when linking starts, so a build cancelled half-way still counts.
import { type Cancellation, DefaultLinker, type LangiumDocument } from 'langium';

export class BosLinker extends DefaultLinker {
    private readonly linked = new Set<string>();

    override async link(document: LangiumDocument, cancelToken?: Cancellation.CancellationToken): Promise<void> {
        this.linked.add(document.uri.toString());
        await super.link(document, cancelToken);
    }

    /** The URIs linked since the last call. */
    takeLinked(): Set<string> {
        const out = new Set(this.linked);
        this.linked.clear();
        return out;
    }
}
