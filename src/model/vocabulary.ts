// The fixed vocabulary of the business-OS stack: layers and ranks, and the declaration
// keywords with what each one is (its AST type, layer, kinds, container, starter text).
// Everything else that names a declaration keyword derives from `DECLARATIONS`.

export type Layer = 'infrastructure' | 'platform' | 'commerce' | 'actors';

export const LAYERS: readonly Layer[] = ['actors', 'commerce', 'platform', 'infrastructure'];

/** Rank of each layer, bottom to top (spec section 4). */
export const LAYER_RANK: Readonly<Record<Layer, number>> = {
    infrastructure: 1,
    platform: 2,
    commerce: 3,
    actors: 4,
};

export type DeclarationKeyword =
    | 'actor'
    | 'infrastructure'
    | 'resource'
    | 'platform'
    | 'capability'
    | 'element'
    | 'flow'
    | 'scenario'
    | 'view';

export interface DeclarationFacts {
    /** The AST node type the grammar gives it. */
    type:
        | 'Actor'
        | 'Infrastructure'
        | 'Resource'
        | 'Platform'
        | 'Capability'
        | 'Element'
        | 'Flow'
        | 'Scenario'
        | 'View';
    layer?: Layer;
    /** The kinds it must choose from; a declaration without a list takes a free label. */
    kinds?: readonly string[];
    /** The declaration it is nested in, and whether it may also stand at top level. */
    container?: { keyword: DeclarationKeyword; optional: boolean };
    /** What a quick fix writes to create one named `$`. */
    starter: string;
}

export const DECLARATIONS: Readonly<Record<DeclarationKeyword, DeclarationFacts>> = {
    actor: { type: 'Actor', layer: 'actors', starter: 'actor $' },
    infrastructure: { type: 'Infrastructure', layer: 'infrastructure', starter: 'infrastructure $ { }' },
    resource: {
        type: 'Resource',
        layer: 'infrastructure',
        container: { keyword: 'infrastructure', optional: true },
        starter: 'resource $ : compute',
        kinds: ['compute', 'storage', 'database', 'cache', 'messaging', 'network', 'cdn', 'security', 'accelerator'],
    },
    platform: {
        type: 'Platform',
        layer: 'platform',
        starter: 'platform $ : business { }',
        kinds: ['business', 'data', 'intelligence', 'collaboration'],
    },
    capability: {
        type: 'Capability',
        layer: 'platform',
        container: { keyword: 'platform', optional: false },
        starter: 'capability $ { }',
    },
    element: {
        type: 'Element',
        layer: 'commerce',
        starter: 'element $ : sales',
        kinds: [
            'brand',
            'product',
            'sales',
            'marketing',
            'channel',
            'manufacturing',
            'service',
            'finance',
            'logistics',
            'organization',
            'it',
        ],
    },
    flow: { type: 'Flow', starter: 'flow $ { }' },
    scenario: { type: 'Scenario', starter: 'scenario $ { }' },
    view: { type: 'View', starter: 'view $ { }' },
};

export const DECLARATION_KEYWORDS = Object.keys(DECLARATIONS) as DeclarationKeyword[];

/** Reserved words (spec section 1): the declaration keywords and those of packages and imports. */
export const RESERVED: ReadonlySet<string> = new Set(['package', 'import', 'as', ...DECLARATION_KEYWORDS]);

const KEYWORD_OF_TYPE = new Map<string, DeclarationKeyword>(DECLARATION_KEYWORDS.map(k => [DECLARATIONS[k].type, k]));

/** The keyword of an AST declaration type (`Capability` → `capability`), or undefined for other types. */
export function keywordOfType(type: string): DeclarationKeyword | undefined {
    return KEYWORD_OF_TYPE.get(type);
}

export function layerOf(keyword: DeclarationKeyword): Layer | undefined {
    return DECLARATIONS[keyword].layer;
}

export function kindsOf(keyword: DeclarationKeyword | undefined): readonly string[] | undefined {
    return keyword && DECLARATIONS[keyword].kinds;
}

export const ALL_KINDS: readonly string[] = DECLARATION_KEYWORDS.flatMap(k => DECLARATIONS[k].kinds ?? []);

/** `a` or `an` before a keyword in messages (`an element`, `a resource`). */
export function article(word: string): string {
    return /^[aeiou]/i.test(word) ? 'an' : 'a';
}
