// Every property of a declaration body, once: where it may stand, what value it takes
// (a quantity of which dimension, a price, text, patterns) and whether it is written at
// most once. The grammar spells the words; the model, the unit check, completion, code
// actions and the formatter read this table. Adding a property means the grammar, this
// table, and the code that computes with it.
import type { Dimension } from './units.js';
import { DECLARATION_KEYWORDS, type DeclarationKeyword } from './vocabulary.js';

export type PropertyValue =
    | { sort: 'quantity'; dimension: Dimension }
    | { sort: 'price' }
    | { sort: 'text' }
    | { sort: 'texts' }
    | { sort: 'patterns' };

export interface PropertyFacts {
    on: readonly DeclarationKeyword[];
    value: PropertyValue;
    /** Written at most once; a second one is `bos/repeated` and the first counts. */
    single: boolean;
}

const EVERY = DECLARATION_KEYWORDS;
const NODES: readonly DeclarationKeyword[] = ['capability', 'resource'];
const quantity = (dimension: Dimension) => ({ sort: 'quantity', dimension }) as const;

export const PROPERTIES = {
    description: { on: EVERY, value: { sort: 'text' }, single: true },
    owner: { on: EVERY, value: { sort: 'text' }, single: true },
    tags: { on: EVERY, value: { sort: 'texts' }, single: false },
    region: { on: ['resource'], value: { sort: 'text' }, single: true },
    capacity: { on: NODES, value: quantity('rate'), single: true },
    latency: { on: NODES, value: quantity('duration'), single: true },
    instances: { on: NODES, value: quantity('count'), single: true },
    concurrency: { on: NODES, value: quantity('count'), single: true },
    cost: { on: ['resource'], value: { sort: 'price' }, single: true },
    slo: { on: ['flow'], value: quantity('duration'), single: true },
    budget: { on: ['scenario'], value: { sort: 'price' }, single: true },
    headroom: { on: ['scenario'], value: quantity('ratio'), single: true },
    include: { on: ['view'], value: { sort: 'patterns' }, single: false },
    exclude: { on: ['view'], value: { sort: 'patterns' }, single: false },
} as const satisfies Record<string, PropertyFacts>;

export type Property = keyof typeof PROPERTIES;

type OfSort<S extends PropertyValue['sort']> = {
    [P in Property]: (typeof PROPERTIES)[P]['value']['sort'] extends S ? P : never;
}[Property];

/** Properties whose value is one quantity (`capacity 3M/s`). */
export type QuantityProperty = OfSort<'quantity'>;
/** Properties whose value is a price (`cost 0.05 CNY per 10k`). */
export type PriceProperty = OfSort<'price'>;
/** Properties whose value is one string (`owner "交易团队"`). */
export type TextProperty = OfSort<'text'>;

export const PROPERTY_NAMES = Object.keys(PROPERTIES) as Property[];

export const QUANTITY_PROPERTIES = PROPERTY_NAMES.filter(
    (p): p is QuantityProperty => PROPERTIES[p].value.sort === 'quantity',
);
export const PRICE_PROPERTIES = PROPERTY_NAMES.filter((p): p is PriceProperty => PROPERTIES[p].value.sort === 'price');

const BY_KEYWORD = new Map<DeclarationKeyword, Property[]>(
    DECLARATION_KEYWORDS.map(k => [k, PROPERTY_NAMES.filter(p => (PROPERTIES[p].on as readonly string[]).includes(k))]),
);

/** The properties a declaration may hold, in table order. */
export function propertiesOf(keyword: DeclarationKeyword): readonly Property[] {
    return BY_KEYWORD.get(keyword) ?? [];
}

/** The dimension of a quantity written at `property` (an AST property), or of a `load` rate. */
export function dimensionOf(property: string | undefined): Dimension | undefined {
    if (property === 'rate') return 'rate';
    if (property === 'amount') return 'money';
    const facts = property === undefined ? undefined : (PROPERTIES as Record<string, PropertyFacts>)[property];
    return facts?.value.sort === 'quantity' ? facts.value.dimension : undefined;
}
