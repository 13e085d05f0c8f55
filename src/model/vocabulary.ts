// The fixed vocabulary of the business-OS stack: layers, ranks, kinds, relations.

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

const KEYWORD_LAYER: Partial<Record<DeclarationKeyword, Layer>> = {
    actor: 'actors',
    infrastructure: 'infrastructure',
    resource: 'infrastructure',
    platform: 'platform',
    capability: 'platform',
    element: 'commerce',
};

export function layerOf(keyword: DeclarationKeyword): Layer | undefined {
    return KEYWORD_LAYER[keyword];
}

/** The kinds a declaration must choose from; declarations not listed take a free label. */
export const KINDS: Readonly<Partial<Record<DeclarationKeyword, readonly string[]>>> = {
    resource: ['compute', 'storage', 'database', 'cache', 'messaging', 'network', 'cdn', 'security', 'accelerator'],
    platform: ['business', 'data', 'intelligence', 'collaboration'],
    element: [
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
};

export const ALL_KINDS: readonly string[] = Object.values(KINDS).flat();

export type Relation = 'uses' | 'runs on' | 'calls' | 'depends on' | 'step' | 'from' | 'load' | 'overlay';

/** Relations that are dependencies in the layering and cycle sense (spec section 4). */
export const STRUCTURAL: ReadonlySet<Relation> = new Set<Relation>(['uses', 'runs on', 'calls', 'depends on']);

const TARGETS: Readonly<Record<Relation, readonly DeclarationKeyword[]>> = {
    'uses': ['actor', 'element', 'platform', 'capability', 'infrastructure', 'resource'],
    'runs on': ['resource'],
    'depends on': ['resource'],
    'calls': ['capability'],
    'step': ['capability'],
    'from': ['actor'],
    'load': ['flow'],
    'overlay': ['scenario'],
};

/** Whether a relation may point at a declaration of this keyword (bos/target-kind). */
export function fits(relation: Relation, target: DeclarationKeyword): boolean {
    return TARGETS[relation].includes(target);
}

export function expectedTargets(relation: Relation): string {
    const names = TARGETS[relation];
    return relation === 'uses'
        ? 'an actor, element, platform, capability, infrastructure group or resource'
        : names.map(n => `${article(n)} ${n}`).join(' or ');
}

/** `a` or `an` before a keyword in messages (`an element`, `a resource`). */
export function article(word: string): string {
    return /^[aeiou]/i.test(word) ? 'an' : 'a';
}
