// Completion in context: only the keywords the grammar allows at the cursor (never the
// contextual words that are merely allowed as names), the kinds of the declaration after
// `:`, units after a number, and references filtered to what fits the relation.
import {
    type AstNode,
    type AstNodeDescription,
    AstUtils,
    GrammarAST,
    type LangiumDocuments,
    type MaybePromise,
    type ReferenceInfo,
    type Stream,
} from 'langium';
import {
    type CompletionAcceptor,
    type CompletionContext,
    DefaultCompletionProvider,
    type LangiumServices,
    type NextFeature,
} from 'langium/lsp';
import { CompletionItemKind } from 'vscode-languageserver';
import { isDeclaration, isModel } from '../language/generated/ast.js';
import type { BosScopeProvider } from '../language/scope.js';
import { type DeclarationKeyword, fits, KINDS, type Relation } from '../model/vocabulary.js';

const RELATION_OF_PROPERTY: Readonly<Record<string, Relation>> = {
    runsOn: 'runs on',
    calls: 'calls',
    dependsOn: 'depends on',
    steps: 'step',
    uses: 'uses',
    from: 'from',
    overlay: 'overlay',
};

/** The relation a reference in `container` stands for; undefined for view patterns (anything goes). */
export function relationOf(container: AstNode): Relation | undefined {
    if (container.$type === 'Load') return 'load';
    if (container.$type === 'WeightedRef' || container.$type === 'Reference') {
        return RELATION_OF_PROPERTY[container.$containerProperty ?? ''];
    }
    return undefined;
}

const UNITS: Readonly<Record<string, readonly string[]>> = {
    capacity: ['/s', '/min', '/h'],
    load: ['/s', '/min', '/h'],
    latency: ['ms', 's'],
    cost: ['CNY', 'USD', 'EUR', 'JPY', 'GBP', 'HKD'],
    budget: ['CNY', 'USD', 'EUR', 'JPY', 'GBP', 'HKD'],
    headroom: ['%'],
};

/** Where the cursor is, read from the text before it: after `:` (a kind) or after a number (a unit). */
type Slot =
    | { sort: 'kind'; keyword: DeclarationKeyword }
    | { sort: 'unit'; place: string }
    | { sort: 'import' }
    | undefined;

export class BosCompletionProvider extends DefaultCompletionProvider {
    private readonly scope: BosScopeProvider;
    private readonly documents: LangiumDocuments;
    private readonly handled = new WeakSet<CompletionContext>();

    constructor(services: LangiumServices) {
        super(services);
        this.scope = services.references.ScopeProvider as BosScopeProvider;
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    protected override completionFor(
        context: CompletionContext,
        next: NextFeature,
        acceptor: CompletionAcceptor,
    ): MaybePromise<void> {
        const slot = this.slot(context);
        if (slot) {
            if (this.handled.has(context)) return;
            this.handled.add(context);
            if (slot.sort === 'import') {
                for (const path of this.importable(context)) {
                    acceptor(context, {
                        label: path,
                        kind: CompletionItemKind.Module,
                        sortText: path.endsWith('.*') ? '0' : '1',
                    });
                }
            } else if (slot.sort === 'kind') {
                for (const k of KINDS[slot.keyword] ?? []) {
                    acceptor(context, { label: k, kind: CompletionItemKind.EnumMember, sortText: '0' });
                }
            } else {
                // Units go right after the number at the cursor, not over it.
                const at = context.textDocument.positionAt(context.offset);
                for (const u of UNITS[slot.place] ?? []) {
                    acceptor(context, {
                        label: u,
                        kind: CompletionItemKind.Unit,
                        sortText: '0',
                        textEdit: { range: { start: at, end: at }, newText: u },
                    });
                }
            }
            return;
        }
        if (
            GrammarAST.isKeyword(next.feature)
            && AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule)?.name === 'Name'
        ) return;
        return super.completionFor(context, next, acceptor);
    }

    /** What an import can name: every other package (`pkg.*`) and every declaration of one. */
    private importable(context: CompletionContext): string[] {
        const own = context.node && AstUtils.findRootNode(context.node);
        const pkg = own && isModel(own) ? own.package ?? '' : '';
        const out = new Set<string>();
        for (const doc of this.documents.all) {
            const root = doc.parseResult.value;
            if (!isModel(root) || !root.package || root.package === pkg) continue;
            out.add(`${root.package}.*`);
        }
        for (const name of this.scope.globalNames().keys()) {
            const owner = [...out].find(p => name.startsWith(p.slice(0, -1)));
            if (owner) out.add(name);
        }
        return [...out];
    }

    private slot(context: CompletionContext): Slot {
        const text = context.textDocument.getText().slice(0, context.tokenOffset);
        if (/(^|\n)\s*import\s+$/.test(text)) return { sort: 'import' };
        if (/:\s*$/.test(text)) {
            const decl = context.node && findDeclaration(context.node);
            const keyword = decl && (decl.$type.toLowerCase() as DeclarationKeyword);
            return keyword && KINDS[keyword] ? { sort: 'kind', keyword } : undefined;
        }
        const upToCursor = context.textDocument.getText().slice(0, context.offset);
        const unit = /\b(capacity|latency|cost|budget|headroom|load\s+[^\s{}]+)\s+\d[\d_]*(?:\.\d[\d_]*)?[kMB]?\s*$/
            .exec(upToCursor);
        if (unit) return { sort: 'unit', place: unit[1].startsWith('load') ? 'load' : unit[1] };
        return undefined;
    }

    protected override getReferenceCandidates(
        refInfo: ReferenceInfo,
        context: CompletionContext,
    ): Stream<AstNodeDescription> {
        const relation = relationOf(refInfo.container)
            ?? relationBefore(context.textDocument.getText().slice(0, context.tokenOffset));
        return this.scope.visible(
            refInfo,
            d => relation === undefined || fits(relation, d.type.toLowerCase() as DeclarationKeyword),
        );
    }
}

const RELATION_WORDS: Readonly<Record<string, Relation>> = {
    runs: 'runs on',
    depends: 'depends on',
    calls: 'calls',
    step: 'step',
    uses: 'uses',
    from: 'from',
    load: 'load',
    overlay: 'overlay',
};

/** The relation of the list the cursor is in, read from the text: `runs on A x 2, |`. */
function relationBefore(text: string): Relation | undefined {
    const m =
        /\b(runs\s+on|depends\s+on|calls|step|uses|from|load|overlay|include|exclude)\s+(?:[^\s,{}]+(?:\s+x\s+[\d_.]+[kMB]?)?\s*,\s*)*$/
            .exec(text);
    return m ? RELATION_WORDS[m[1].split(/\s/)[0]] : undefined;
}

function findDeclaration(node: AstNode): AstNode | undefined {
    return AstUtils.getContainerOfType(node, isDeclaration);
}
