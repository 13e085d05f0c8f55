// One declaration of the syntax tree as a node of the resolved model: its properties
// read through the property table, its references through the relation table.
import type { AstNode } from 'langium';
import * as ast from '../language/generated/ast.js';
import { qualifiedName } from '../language/names.js';
import type { Dependency, Measure, ModelNode, Pattern, Price, Repeat } from './model.js';
import {
    type PriceProperty,
    PROPERTIES,
    propertiesOf,
    type QuantityProperty,
    type TextProperty,
} from './properties.js';
import { facts, fits, isStructural, RELATIONS, relationsOf } from './relations.js';
import { baseValue, type Dimension, unitInfo } from './units.js';
import { keywordOfType, LAYER_RANK, layerOf } from './vocabulary.js';

/** The syntax node's lists by property name: every property and relation is a list in the grammar. */
type Fields = Record<string, unknown[] | undefined>;

export function measure(q: ast.Quantity | undefined, expected: Dimension): Measure | undefined {
    if (!q || typeof q.value !== 'number') return undefined;
    const base = baseValue(q.value, q.unit, expected);
    const tooLarge = !Number.isFinite(q.value) || (base !== undefined && !Number.isFinite(base));
    return {
        value: q.value,
        unit: q.unit,
        expected,
        source: q,
        tooLarge,
        base: tooLarge ? undefined : base,
        currency: base === undefined ? undefined : unitInfo(q.unit)?.currency,
    };
}

function price(p: ast.Price | undefined): Price | undefined {
    const amount = measure(p?.amount, 'money');
    return p && amount ? { amount, per: p.per ?? 1, source: p } : undefined;
}

/** A node with its properties; its dependencies come later, once every target exists. */
export function createNode(
    decl: ast.Declaration,
    uri: string,
    pkg: string,
    byAst: Map<AstNode, ModelNode>,
    repeats: Repeat[],
): ModelNode {
    const keyword = keywordOfType(decl.$type)!;
    const layer = layerOf(keyword);
    const parent = decl.$container && byAst.get(decl.$container);
    const node: ModelNode = {
        index: -1,
        id: qualifiedName(decl),
        name: decl.name ?? '',
        pkg,
        keyword,
        kind: decl.kind,
        layer,
        rank: layer && LAYER_RANK[layer],
        title: decl.title,
        tags: [],
        parent,
        children: [],
        uri,
        deps: [],
        structural: [],
        loads: [],
        includes: [],
        excludes: [],
        source: decl,
    };
    parent?.children.push(node);
    const fields = decl as unknown as Fields;
    const markRepeats = (property: string) => {
        const count = fields[property]?.length ?? 0;
        for (let index = 1; index < count; index++) repeats.push({ node, property, index });
    };
    for (const property of propertiesOf(keyword)) {
        const facts = PROPERTIES[property];
        if (facts.single) markRepeats(property);
        const first = fields[property]?.[0];
        const value = facts.value;
        if (value.sort === 'quantity') {
            node[property as QuantityProperty] = measure(first as ast.Quantity | undefined, value.dimension);
        } else if (value.sort === 'price') node[property as PriceProperty] = price(first as ast.Price | undefined);
        else if (value.sort === 'text') node[property as TextProperty] = first as string | undefined;
        else if (value.sort === 'texts') node.tags = (fields[property] as string[] | undefined) ?? [];
    }
    for (const relation of relationsOf(keyword)) {
        if (facts(relation).single) markRepeats(facts(relation).property);
    }
    return node;
}

type RefHolder = ast.Reference | ast.WeightedRef | ast.Load;

/** Resolves the node's references against the model's nodes (every target exists by now). */
export function addDependencies(node: ModelNode, byAst: Map<AstNode, ModelNode>): void {
    const fields = node.source as unknown as Fields;
    node.deps = [];
    node.loads = [];
    for (const relation of relationsOf(node.keyword)) {
        const property = relation === 'load' ? 'flow' : 'target';
        for (const source of (fields[RELATIONS[relation].property] ?? []) as RefHolder[]) {
            const ref = ast.isLoad(source) ? source.flow : source.target;
            const target = ref?.ref && byAst.get(ref.ref);
            const weight = ast.isWeightedRef(source) && typeof source.weight === 'number' ? source.weight : 1;
            const dep: Dependency = { relation, holder: node, target, weight, source, property, ref };
            node.deps.push(dep);
            const rate = ast.isLoad(source) ? measure(source.rate, 'rate') : undefined;
            if (rate) node.loads.push({ dep, rate });
        }
    }
    if (ast.isView(node.source)) {
        node.includes = node.source.includes.map(p => pattern(p, byAst));
        node.excludes = node.source.excludes.map(p => pattern(p, byAst));
    }
    // Text order, whatever the property: `bos/cycle` reports the first reference of a member.
    if (node.deps.length > 1) {
        const offset = new Map(node.deps.map(d => [d, d.source.$cstNode?.offset ?? 0]));
        node.deps.sort((a, b) => offset.get(a)! - offset.get(b)!);
    }
    node.structural = structuralOf(node);
}

/**
 * Points the node's dependencies, made by `addDependencies` from the same syntax tree,
 * at the nodes their references name now: a relinked file's references may land on
 * another file's new nodes, but its own dependencies, weights and loads are as they were.
 */
export function retarget(node: ModelNode, byAst: Map<AstNode, ModelNode>): void {
    for (const dep of node.deps) dep.target = dep.ref?.ref && byAst.get(dep.ref.ref);
    if (ast.isView(node.source)) {
        node.includes = node.source.includes.map(p => pattern(p, byAst));
        node.excludes = node.source.excludes.map(p => pattern(p, byAst));
    }
    node.structural = structuralOf(node);
}

function structuralOf(node: ModelNode): Dependency[] {
    return node.deps.filter(d => isStructural(d.relation) && d.target && fits(d.relation, d.target.keyword));
}

function pattern(p: ast.Pattern, byAst: Map<AstNode, ModelNode>): Pattern {
    if (ast.isLayerPattern(p)) return { type: 'layer', layer: p.layer, source: p };
    if (ast.isKindPattern(p)) return { type: 'kind', kind: p.kind, source: p };
    if (ast.isRefPattern(p)) {
        const target = p.target?.ref && byAst.get(p.target.ref);
        return { type: 'ref', target, children: p.children, source: p };
    }
    return { type: 'all' };
}
