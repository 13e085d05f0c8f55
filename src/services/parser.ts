// Langium's parser with one step of `parse` done cheaper: linking every node of the new
// tree to its container. Langium does it with `Object.entries` on every node, which made
// a pair array per property: 10% of what a cold 10k validate allocated and 4–5% of its time.
import {
    type AstNode,
    createParser,
    type CstNodeBuilder,
    isAstNode,
    type LangiumCoreServices,
    LangiumParser,
    type LexerResult,
    type ParseResult,
    type ParserOptions,
} from 'langium';

/** The members of Langium 4.4's `LangiumParser` that `parse` uses and its typings keep private. */
interface ParserInternals {
    nodeBuilder: CstNodeBuilder;
    lexerResult?: LexerResult;
    doParse(rule: unknown): AstNode;
}

type Fields = Record<string, unknown>;

export class BosParser extends LangiumParser {
    /** Langium's `parse` but for the container links (`linkContainers`). */
    override parse<T extends AstNode = AstNode>(input: string, options: ParserOptions = {}): ParseResult<T> {
        const internals = this as unknown as ParserInternals;
        internals.nodeBuilder.buildRootNode(input);
        const lexerResult = internals.lexerResult = this.lexer.tokenize(input);
        this.wrapper.input = lexerResult.tokens;
        const ruleMethod = options.rule ? this.allRules.get(options.rule) : this.mainRule;
        if (!ruleMethod) {
            throw new Error(options.rule ? `No rule found with name '${options.rule}'` : 'No main rule available.');
        }
        const result = internals.doParse(ruleMethod);
        internals.nodeBuilder.addHiddenNodes(lexerResult.hidden);
        this.unorderedGroups.clear();
        internals.lexerResult = undefined;
        linkContainers(result);
        return {
            value: result as T,
            lexerErrors: lexerResult.errors,
            lexerReport: lexerResult.report,
            parserErrors: this.wrapper.errors,
        };
    }
}

/** The container links of a node, which Langium's typings make read-only. */
interface Linked {
    $container?: AstNode;
    $containerProperty?: string;
    $containerIndex?: number;
}

/** What `linkContentToContainer(node, { deep: true })` sets, by plain loops. */
function linkContainers(node: AstNode): void {
    const fields = node as unknown as Fields;
    for (const property in fields) {
        if (property.startsWith('$')) continue;
        const value = fields[property];
        if (Array.isArray(value)) {
            for (let index = 0; index < value.length; index++) link(value[index], node, property, index);
        } else link(value, node, property);
    }
}

function link(value: unknown, container: AstNode, property: string, index?: number): void {
    if (!isAstNode(value)) return;
    const child = value as Linked;
    child.$container = container;
    child.$containerProperty = property;
    if (index !== undefined) child.$containerIndex = index;
    linkContainers(value);
}

/** Langium's `createLangiumParser`, with this parser. */
export function createBosParser(services: LangiumCoreServices): BosParser {
    const parser = createParser(services.Grammar, new BosParser(services), services.parser.Lexer.definition);
    parser.finalize();
    return parser;
}
