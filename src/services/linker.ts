// The linker, telling which documents it linked: a document linked again may have
// references that land elsewhere now, so the model resolves its dependencies again.
// Recorded when linking starts, so a build cancelled half-way still counts.
//
// It also keeps each syntax tree's references: an edit relinks every document that
// refers to the edited one (nearly all of a one-package workspace), and walking each
// unchanged tree again to find its references cost more than resolving them.
import {
    type AstNode,
    type AstNodeDescription,
    AstUtils,
    Cancellation,
    DefaultLinker,
    interruptAndCheck,
    isAstNode,
    isReference,
    type LangiumDocument,
    type ReferenceInfo,
} from 'langium';

/** References resolved between two checks for cancellation (each check reads the clock). */
const CANCEL_CHECK_EVERY = 256;

export class BosLinker extends DefaultLinker {
    private readonly linked = new Set<string>();
    private readonly touched = new Set<string>();
    /** Keyed by the syntax tree's root: a re-parse makes a new root, and the old entry goes with it. */
    private readonly references = new WeakMap<AstNode, readonly ReferenceInfo[]>();

    override async link(
        document: LangiumDocument,
        cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None,
    ): Promise<void> {
        this.linked.add(document.uri.toString());
        const infos = this.referencesOf(document);
        for (let i = 0; i < infos.length; i++) {
            if (i % CANCEL_CHECK_EVERY === 0) await interruptAndCheck(cancelToken);
            this.doLink(infos[i], document);
        }
    }

    /** Every reference of the document's syntax tree, in tree order, found once per parse. */
    referencesOf(document: LangiumDocument): readonly ReferenceInfo[] {
        const root = document.parseResult.value;
        const known = this.references.get(root);
        if (known) return known;
        const found: ReferenceInfo[] = [];
        collectReferences(root, found);
        this.references.set(root, found);
        return found;
    }

    /**
     * Points the document's references into re-parsed documents at the declarations that
     * replaced their targets, instead of resolving every name again: sound only when the
     * re-parsed documents export the same names at the same paths, so that each name
     * resolves as before (the caller checks). `replaced` maps each old exported node to its
     * new description; `stale` holds the old syntax trees. False when a reference lands in
     * an old tree on a node that has no successor: the document must then be linked again.
     * Counts as linked, so the model re-points the document's dependencies too.
     */
    repoint(
        document: LangiumDocument,
        replaced: ReadonlyMap<AstNode, AstNodeDescription>,
        stale: ReadonlySet<AstNode>,
    ): boolean {
        for (const { reference } of this.referencesOf(document)) {
            const ref = reference as { _ref?: unknown; _nodeDescription?: AstNodeDescription };
            // Only Langium's single references are known here (the grammar has no others).
            if (!('_ref' in ref)) return false;
            if (!isAstNode(ref._ref)) continue;
            const next = replaced.get(ref._ref);
            if (next?.node) {
                ref._ref = next.node;
                ref._nodeDescription = next;
            } else if (stale.has(AstUtils.findRootNode(ref._ref))) return false;
        }
        this.linked.add(document.uri.toString());
        return true;
    }

    /** A document whose references hold but land in one whose model nodes are made again (a patched one). */
    touch(uri: string): void {
        this.touched.add(uri);
    }

    /** The URIs touched since the last call. */
    takeTouched(): Set<string> {
        return take(this.touched);
    }

    /** The URIs linked since the last call. */
    takeLinked(): Set<string> {
        return take(this.linked);
    }
}

/** What the set holds, leaving it empty. */
function take(set: Set<string>): Set<string> {
    const out = new Set(set);
    set.clear();
    return out;
}

type Fields = Record<string, unknown>;

/**
 * The order of `streamAst(root).flatMap(streamReferences)` — a node's own references, then
 * its children's, depth first — by plain loops: Langium's streams made an iterator per
 * node and per property, 10% of a cold 10k validate and 4% of what it allocated.
 */
function collectReferences(node: AstNode, out: ReferenceInfo[]): void {
    const fields = node as unknown as Fields;
    for (const property in fields) {
        if (property.startsWith('$')) continue;
        const value = fields[property];
        if (isReference(value)) out.push({ reference: value, container: node, property });
        else if (Array.isArray(value)) {
            for (let index = 0; index < value.length; index++) {
                const item: unknown = value[index];
                if (isReference(item)) out.push({ reference: item, container: node, property, index });
            }
        }
    }
    for (const property in fields) {
        if (property.startsWith('$')) continue;
        const value = fields[property];
        if (isAstNode(value)) collectReferences(value, out);
        else if (Array.isArray(value)) { for (const item of value) if (isAstNode(item)) collectReferences(item, out); }
    }
}
