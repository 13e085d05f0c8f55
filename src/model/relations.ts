// Every relation of the language, once: the words that write it, the AST property that
// holds it, which declarations may hold it, which they may point at, whether it is a
// dependency in the layering sense and whether load passes along it. Completion, code
// actions, inlay hints, the formatter, the model, the checks and the diagram read this.
import { article, type DeclarationKeyword } from './vocabulary.js';

export type Relation = 'uses' | 'runs on' | 'calls' | 'depends on' | 'step' | 'from' | 'load' | 'overlay';

export interface RelationFacts {
    /** The AST property of the holder that lists the references. */
    property: string;
    holders: readonly DeclarationKeyword[];
    /** What it may point at; the first is what a quick fix creates for a reference that names nothing. */
    targets: readonly DeclarationKeyword[];
    /** A dependency in the layering and cycle sense (spec section 4); drawn as an edge. */
    structural: boolean;
    /** Load passes along it from holder to target (spec section 5). */
    carriesLoad: boolean;
    /** Each reference may carry a weight (`x 2`). */
    weighted: boolean;
    /** Written at most once; a second one is `bos/repeated`. */
    single?: true;
    /** How a structural relation's edge is drawn (colours are the theme's): SVG dash pattern and stroke width. */
    edge?: { dash: string; width: number };
}

// An element first: what a quick fix creates for an unresolved `uses`.
const ANYTHING_BUT_FLOWS: readonly DeclarationKeyword[] = [
    'element',
    'actor',
    'platform',
    'capability',
    'infrastructure',
    'resource',
];

export const RELATIONS = {
    'uses': {
        property: 'uses',
        holders: ['actor', 'element', 'capability', 'resource'],
        targets: ANYTHING_BUT_FLOWS,
        structural: true,
        carriesLoad: false,
        weighted: false,
        edge: { dash: '', width: 1.2 },
    },
    'runs on': {
        property: 'runsOn',
        holders: ['capability'],
        targets: ['resource'],
        structural: true,
        carriesLoad: true,
        weighted: true,
        edge: { dash: '6 4', width: 1.2 },
    },
    'calls': {
        property: 'calls',
        holders: ['capability'],
        targets: ['capability'],
        structural: true,
        carriesLoad: true,
        weighted: true,
        edge: { dash: '', width: 1.8 },
    },
    'depends on': {
        property: 'dependsOn',
        holders: ['resource'],
        targets: ['resource'],
        structural: true,
        carriesLoad: true,
        weighted: true,
        edge: { dash: '2 3', width: 1.2 },
    },
    'step': {
        property: 'steps',
        holders: ['flow'],
        targets: ['capability'],
        structural: false,
        carriesLoad: false,
        weighted: true,
    },
    'from': {
        property: 'from',
        holders: ['flow'],
        targets: ['actor'],
        structural: false,
        carriesLoad: false,
        weighted: false,
        single: true,
    },
    'load': {
        property: 'loads',
        holders: ['scenario'],
        targets: ['flow'],
        structural: false,
        carriesLoad: false,
        weighted: false,
    },
    'overlay': {
        property: 'overlay',
        holders: ['view'],
        targets: ['scenario'],
        structural: false,
        carriesLoad: false,
        weighted: false,
        single: true,
    },
} as const satisfies Record<Relation, RelationFacts>;

export const RELATION_NAMES = Object.keys(RELATIONS) as Relation[];

/** A relation's facts, typed as the general shape (the table's literal types are for `StructuralRelation`). */
export function facts(relation: Relation): RelationFacts {
    return RELATIONS[relation];
}

/** Relations that are dependencies in the layering and cycle sense: the diagram's edges. */
export type StructuralRelation = {
    [R in Relation]: (typeof RELATIONS)[R]['structural'] extends true ? R : never;
}[Relation];

/** The structural relations in table order. */
export const STRUCTURAL_RELATIONS = RELATION_NAMES.filter(
    (r): r is StructuralRelation => RELATIONS[r].structural,
);

const STRUCTURAL: ReadonlySet<Relation> = new Set<Relation>(STRUCTURAL_RELATIONS);

export function isStructural(relation: Relation): boolean {
    return STRUCTURAL.has(relation);
}

const BY_PROPERTY = new Map<string, Relation>(RELATION_NAMES.map(r => [RELATIONS[r].property, r]));

/** The relation an AST property stands for (`runsOn` → `runs on`). */
export function relationOfProperty(property: string | undefined): Relation | undefined {
    return property === undefined ? undefined : BY_PROPERTY.get(property);
}

const BY_HOLDER = new Map<DeclarationKeyword, Relation[]>();
for (const r of RELATION_NAMES) {
    for (const h of facts(r).holders) BY_HOLDER.set(h, [...(BY_HOLDER.get(h) ?? []), r]);
}

/** The relations a declaration may hold, in table order. */
export function relationsOf(holder: DeclarationKeyword): readonly Relation[] {
    return BY_HOLDER.get(holder) ?? [];
}

/** Whether a relation may point at a declaration of this keyword (bos/target-kind). */
export function fits(relation: Relation, target: DeclarationKeyword): boolean {
    return facts(relation).targets.includes(target);
}

export function expectedTargets(relation: Relation): string {
    if (relation === 'uses') return 'an actor, element, platform, capability, infrastructure group or resource';
    return facts(relation).targets.map(n => `${article(n)} ${n}`).join(' or ');
}
