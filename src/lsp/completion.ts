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
import { NAME_RULES } from '../language/names.js';
import type { BosScopeProvider } from '../language/scope.js';
import { dimensionOf, PRICE_PROPERTIES, PROPERTIES, PROPERTY_NAMES, QUANTITY_PROPERTIES } from '../model/properties.js';
import { fits, type Relation, RELATION_NAMES, relationOfProperty } from '../model/relations.js';
import { type Dimension, UNITS } from '../model/units.js';
import { type DeclarationKeyword, keywordOfType, kindsOf } from '../model/vocabulary.js';

/** The relation a reference in `container` stands for; undefined for view patterns (anything goes). */
export function relationOf(container: AstNode): Relation | undefined {
    const holdsReference = container.$type === 'Load' || container.$type === 'WeightedRef'
        || container.$type === 'Reference';
    return holdsReference ? relationOfProperty(container.$containerProperty) : undefined;
}

/** `capacity 3`, `cost 0.5`, `load Checkout 5`: a number where a unit may follow. */
const NUMBER_BEFORE_UNIT = new RegExp(
    `\\b(${[...QUANTITY_PROPERTIES, ...PRICE_PROPERTIES].join('|')}|load\\s+[^\\s{}]+)`
        + '\\s+\\d[\\d_]*(?:\\.\\d[\\d_]*)?[kMB]?\\s*$',
);

/** The dimension of the quantity a property's number starts (a price is money). */
function unitDimension(place: string): Dimension | undefined {
    if (place.startsWith('load')) return 'rate';
    return (PRICE_PROPERTIES as readonly string[]).includes(place) ? 'money' : dimensionOf(place);
}

/** Words that start a list of references, relations and view patterns alike: `runs on A x 2, |`. */
const PATTERN_PROPERTIES = PROPERTY_NAMES.filter(p => PROPERTIES[p].value.sort === 'patterns');
const LIST_BEFORE_CURSOR = new RegExp(
    `\\b(${[...RELATION_NAMES, ...PATTERN_PROPERTIES].map(w => w.replace(' ', '\\s+')).join('|')})`
        + '\\s+(?:[^\\s,{}]+(?:\\s+x\\s+[\\d_.]+[kMB]?)?\\s*,\\s*)*$',
);

const QUALIFIED_NAME_CHAR = /[\p{L}\p{N}_^.]/u;

/** Where the cursor is, read from the text before it: after `:` (a kind) or after a number (a unit). */
type Slot =
    | { sort: 'kind'; keyword: DeclarationKeyword }
    | { sort: 'unit'; dimension: Dimension }
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

    /**
     * A qualified name is several tokens (`Cloud`, `.`, `V`); the item replaces all of it,
     * so that `Cloud.V|` offers `Cloud.VM` and does not write `Cloud.Cloud.VM`.
     */
    protected override buildCompletionTextEdit(context: CompletionContext, label: string, newText: string) {
        const start = nameStart(context);
        return super.buildCompletionTextEdit(
            start === context.tokenOffset ? context : { ...context, tokenOffset: start },
            label,
            newText,
        );
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
                for (const k of kindsOf(slot.keyword) ?? []) {
                    acceptor(context, { label: k, kind: CompletionItemKind.EnumMember, sortText: '0' });
                }
            } else {
                // Units go right after the number at the cursor, not over it.
                const at = context.textDocument.positionAt(context.offset);
                for (const u of UNITS[slot.dimension]) {
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
        // After a dot the parser wants the next segment of the name, which Langium does not
        // complete: complete the whole reference the name belongs to instead.
        const crossReference = this.referenceAfterDot(context, next);
        if (crossReference) return super.completionFor(context, { feature: crossReference }, acceptor);
        const rule = GrammarAST.isKeyword(next.feature)
            ? AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule)?.name
            : undefined;
        if (rule && NAME_RULES.has(rule)) return;
        return super.completionFor(context, next, acceptor);
    }

    /** The cross-reference of the node whose name ends in a dot at the cursor (`Cloud.|`). */
    private referenceAfterDot(context: CompletionContext, next: NextFeature): GrammarAST.CrossReference | undefined {
        const nameRule = GrammarAST.isRuleCall(next.feature)
            && NAME_RULES.has(AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule)?.name ?? '');
        const afterDot = /[\p{L}\p{N}_]\.$/u.test(context.textDocument.getText().slice(0, context.offset));
        if (!nameRule || !afterDot || !context.node || this.handled.has(context)) return undefined;
        this.handled.add(context);
        const rule = this.grammar.rules.find(r => r.name === context.node!.$type);
        return rule && AstUtils.streamAllContents(rule).find(GrammarAST.isCrossReference);
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
            const keyword = decl && keywordOfType(decl.$type);
            return keyword && kindsOf(keyword) ? { sort: 'kind', keyword } : undefined;
        }
        const upToCursor = context.textDocument.getText().slice(0, context.offset);
        const unit = NUMBER_BEFORE_UNIT.exec(upToCursor);
        const dimension = unit && unitDimension(unit[1]);
        if (dimension) return { sort: 'unit', dimension };
        return undefined;
    }

    protected override getReferenceCandidates(
        refInfo: ReferenceInfo,
        context: CompletionContext,
    ): Stream<AstNodeDescription> {
        const relation = relationOf(refInfo.container)
            ?? relationBefore(context.textDocument.getText().slice(0, context.tokenOffset));
        // Only names that match what is typed, and a page of them: the list is incomplete,
        // so the editor asks again as the name grows (a 50k model has 10,000 resources).
        const typed = context.textDocument.getText().slice(nameStart(context), context.offset);
        return this.scope.visible(
            refInfo,
            d => relation === undefined || fitsType(relation, d.type),
            name => this.fuzzyMatcher.match(typed, name),
            MAX_REFERENCE_ITEMS,
        );
    }
}

/** At most this many references are offered at once (the editor shows about ten). */
export const MAX_REFERENCE_ITEMS = 200;

/** Where the name being typed starts: a qualified name (`Cloud.V|`) is several tokens. */
function nameStart(context: CompletionContext): number {
    const text = context.textDocument.getText();
    let start = context.offset;
    while (start > 0 && QUALIFIED_NAME_CHAR.test(text[start - 1])) start--;
    const qualified = start < context.tokenOffset && text.slice(start, context.offset).includes('.');
    return qualified ? start : context.tokenOffset;
}

/** The relation of the list the cursor is in, read from the text; undefined in a view's patterns. */
function relationBefore(text: string): Relation | undefined {
    const word = LIST_BEFORE_CURSOR.exec(text)?.[1].replace(/\s+/, ' ');
    return RELATION_NAMES.find(r => r === word);
}

function fitsType(relation: Relation, type: string): boolean {
    const keyword = keywordOfType(type);
    return keyword !== undefined && fits(relation, keyword);
}

function findDeclaration(node: AstNode): AstNode | undefined {
    return AstUtils.getContainerOfType(node, isDeclaration);
}
