// The reference index's entries, built from the references the linker already holds
// (no second walk of the syntax tree) and with the costly parts computed on first read:
// every edit re-indexes each document it relinks, but only find-references and rename
// read a reference's path and text range. Which documents an edit affects needs only
// the target URI, which is known at once.
import {
    type AstNodeLocator,
    type CstNode,
    CstUtils,
    DefaultReferenceDescriptionProvider,
    type DocumentSegment,
    type LangiumDocument,
    type ReferenceDescription,
    type ReferenceInfo,
    type URI,
    UriUtils,
} from 'langium';
import type { LangiumServices } from 'langium/lsp';
import type { BosLinker } from './linker.js';

class LazyReferenceDescription implements ReferenceDescription {
    private path?: string;
    private range?: DocumentSegment;
    readonly local: boolean;

    constructor(
        private readonly info: ReferenceInfo,
        private readonly refNode: CstNode,
        private readonly locator: AstNodeLocator,
        readonly sourceUri: URI,
        readonly targetUri: URI,
        readonly targetPath: string,
    ) {
        this.local = UriUtils.equals(targetUri, sourceUri);
    }

    get sourcePath(): string {
        return this.path ??= this.locator.getAstNodePath(this.info.container);
    }

    get segment(): DocumentSegment {
        return this.range ??= CstUtils.toDocumentSegment(this.refNode);
    }
}

export class BosReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    constructor(services: LangiumServices, private readonly linker: BosLinker) {
        super(services);
    }

    override async createDescriptions(document: LangiumDocument): Promise<ReferenceDescription[]> {
        const out: ReferenceDescription[] = [];
        for (const info of this.linker.referencesOf(document)) {
            const reference = info.reference;
            const refNode = reference.$refNode;
            if (reference.error || !refNode) continue;
            const target = 'ref' in reference ? reference.$nodeDescription : undefined;
            if (target) {
                const { documentUri, path } = target;
                out.push(
                    new LazyReferenceDescription(info, refNode, this.nodeLocator, document.uri, documentUri, path),
                );
            } else out.push(...this.createInfoDescriptions(info));
        }
        return out;
    }
}
