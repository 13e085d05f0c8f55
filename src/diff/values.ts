// What a declaration says, name aside, each value written as the language writes it
// (`650k/s`, `0.06 CNY per 10k`, `"下单"`, `tmall.cloud.PolarDB x 2`): the facts a diff
// compares and prints. Properties come from the property table, so a new property is
// compared without a change here. Quantities are exact: `1.234k`, never a rounded `1.23k`.
import type { Dependency, Measure, ModelNode, Pattern, Price } from '../model/model.js';
import { PROPERTIES, PROPERTY_NAMES } from '../model/properties.js';
import { facts } from '../model/relations.js';
import { unitInfo } from '../model/units.js';

/** How a target is named: its qualified name, or (for a base) the name it has after a rename. */
export type NameOf = (node: ModelNode) => string;

/** A value as written, and what it means: values that mean the same (`1s`, `1000ms`) share a key. */
export interface Value {
    text: string;
    key: string;
}

export interface DependencyFact {
    relation: string;
    target: string;
    /** The weight (`x 2`) or a load's rate (`583k/s`); empty when the relation has neither. */
    amount: Value;
}

export interface DeclarationFacts {
    /** Property → value, in a fixed order; absent properties are left out. */
    properties: Map<string, Value>;
    dependencies: DependencyFact[];
}

const plain = (text: string): Value => ({ text, key: text });

/** Twelve digits: a value in another unit (`0.15s`, `150ms`) is the same after the factor's rounding. */
const meaning = (x: number) => x.toPrecision(12);

function quantityValue(m: Measure): Value {
    const text = writtenQuantity(m);
    return { text, key: m.base === undefined ? text : `${m.expected} ${meaning(m.base)}` };
}

function priceValue(p: Price): Value {
    const text = writtenPrice(p);
    const base = p.amount.base;
    return { text, key: base === undefined ? text : `${p.amount.currency} ${meaning(base / p.per)}` };
}

/** A number as written: the shortest exact form, scaled or not (583000 → `583k`, 1.5e6 → `1.5M`, 1234 → `1234`). */
export function writtenNumber(value: number): string {
    let best = String(value);
    for (const [limit, suffix] of [[1e9, 'B'], [1e6, 'M'], [1e3, 'k']] as const) {
        const scaled = value / limit;
        const text = `${String(scaled)}${suffix}`;
        if (Math.abs(value) >= limit && scaled * limit === value && text.length < best.length) best = text;
    }
    return best;
}

export function writtenQuantity(m: Measure): string {
    const n = writtenNumber(m.value);
    if (m.unit === undefined) return n;
    // `583k/s`, `150ms`, `20%` against the number; a currency (or a word that is no unit) after a space.
    const info = unitInfo(m.unit);
    return info && !info.currency ? `${n}${m.unit}` : `${n} ${m.unit}`;
}

function writtenPrice(p: Price): string {
    return p.per === 1 ? writtenQuantity(p.amount) : `${writtenQuantity(p.amount)} per ${writtenNumber(p.per)}`;
}

const quoted = (text: string) => JSON.stringify(text);

function writtenPattern(p: Pattern, nameOf: NameOf): string {
    switch (p.type) {
        case 'all':
            return '*';
        case 'layer':
            return `layer ${p.layer}`;
        case 'kind':
            return `kind ${p.kind}`;
        case 'ref':
            return `${p.target ? nameOf(p.target) : (p.source.target?.$refText ?? '?')}${p.children ? '.*' : ''}`;
    }
}

function targetName(d: Dependency, nameOf: NameOf): string {
    return d.target ? nameOf(d.target) : (d.ref?.$refText ?? '?');
}

/** The facts of one declaration; `nameOf` names the declarations it refers to. */
export function factsOf(node: ModelNode, nameOf: NameOf): DeclarationFacts {
    const properties = new Map<string, Value>();
    properties.set('keyword', plain(node.keyword));
    if (node.kind !== undefined) properties.set('kind', plain(node.kind));
    if (node.title !== undefined) properties.set('title', plain(quoted(node.title)));
    for (const property of PROPERTY_NAMES) {
        const value = valueOf(node, property, nameOf);
        if (value !== undefined) properties.set(property, value);
    }
    const rates = new Map(node.loads.map(l => [l.dep, quantityValue(l.rate)]));
    const amount = (d: Dependency) =>
        rates.get(d) ?? plain(facts(d.relation).weighted ? `x ${writtenNumber(d.weight)}` : '');
    const dependencies = node.deps.map(d => ({
        relation: d.relation,
        target: targetName(d, nameOf),
        amount: amount(d),
    }));
    return { properties, dependencies };
}

function valueOf(node: ModelNode, property: (typeof PROPERTY_NAMES)[number], nameOf: NameOf): Value | undefined {
    const sort = PROPERTIES[property].value.sort;
    if (sort === 'texts') return node.tags.length ? plain(node.tags.map(quoted).join(', ')) : undefined;
    if (sort === 'patterns') {
        const patterns = property === 'include' ? node.includes : node.excludes;
        return patterns.length ? plain(patterns.map(p => writtenPattern(p, nameOf)).join(', ')) : undefined;
    }
    const value = (node as unknown as Record<string, Measure | Price | string | undefined>)[property];
    if (value === undefined) return undefined;
    if (sort === 'text') return plain(quoted(value as string));
    if (sort === 'price') return priceValue(value as Price);
    return quantityValue(value as Measure);
}

/** A dependency as a change prints it: `tmall.cloud.PolarDB x 2`. */
export function writtenDependency(d: DependencyFact): string {
    return d.amount.text ? `${d.target} ${d.amount.text}` : d.target;
}

/** One string for what a declaration means: equal strings, identical declarations. */
export function signature(f: DeclarationFacts): string {
    const deps = f.dependencies.map(d => `${d.relation} ${d.target} ${d.amount.key}`).sort();
    return JSON.stringify([[...f.properties].map(([p, v]) => [p, v.key]), deps]);
}
