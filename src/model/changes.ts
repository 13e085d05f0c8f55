// What one build of the model changed against the previous build with the same parts,
// so that the analysis can keep what depends on no changed node. A node is unchanged
// when it is the same object (its file was neither parsed nor linked again) or when a
// parsed-again file made a node with the same id whose values and dependencies mean the
// same; a dependency means the same when its target is the same node or the node that
// replaced it. Whatever is unsure counts as changed.
import type { Dependency, Measure, ModelNode, Pattern, Price } from './model.js';
import { PROPERTIES, PROPERTY_NAMES } from './properties.js';

export class ModelChanges {
    /** The node of this build that replaced one of the previous build, paired by id within a file. */
    private readonly successor = new Map<ModelNode, ModelNode>();
    /** Replaced nodes that mean the same as before: the previous node, by itself. */
    private readonly renewed = new Map<ModelNode, ModelNode>();
    /** Kept nodes whose dependencies now point at other nodes. */
    private readonly moved = new Set<ModelNode>();
    /**
     * The dependency graph is the previous build's, node for node: the same nodes at the
     * same indices, each with the same keyword and its dependencies to the same nodes with
     * the same weights (values such as capacities may differ). Known after `settle`.
     */
    sameGraph = false;

    /** `nodes` is this build's list (a kept node is still at its index in it), `before` the previous build's. */
    constructor(private readonly nodes: readonly ModelNode[], private readonly before: readonly ModelNode[] = []) {}

    /** A parsed-again file: pairs its new nodes with the previous ones by id (ambiguous ids are not paired). */
    replaced(before: readonly ModelNode[], after: readonly ModelNode[]): void {
        const byId = new Map<string, ModelNode | null>();
        for (const n of before) if (n.id !== undefined) byId.set(n.id, byId.has(n.id) ? null : n);
        const seen = new Set<string>();
        for (const n of after) {
            if (n.id === undefined) continue;
            const old = seen.has(n.id) ? null : byId.get(n.id);
            seen.add(n.id);
            if (old) this.successor.set(old, n);
        }
    }

    /** A kept node pointed at its targets again (`before`: `targetsOf` it before): did one move? */
    retargeted(node: ModelNode, before: readonly (ModelNode | undefined)[]): void {
        if (targetsOf(node).some((t, i) => !this.same(before[i], t))) this.moved.add(node);
    }

    /** Once every dependency is resolved: which replaced nodes mean what their previous node meant. */
    settle(): void {
        let sameGraph = this.moved.size === 0 && this.nodes.length === this.before.length
            && this.before.every((n, i) => n === this.nodes[i] || this.successor.get(n) === this.nodes[i]);
        for (const [old, now] of this.successor) {
            if (this.equal(old, now)) this.renewed.set(old, now);
            else if (sameGraph) {
                sameGraph = old.keyword === now.keyword && sameList(old.deps, now.deps, (a, b) => this.sameEdge(a, b));
            }
        }
        this.sameGraph = sameGraph;
    }

    /** The node of this build that a node of the previous build is, when it means the same; else undefined. */
    carried(old: ModelNode): ModelNode | undefined {
        if (this.nodes[old.index] === old) return this.moved.has(old) ? undefined : old;
        return this.renewed.get(old);
    }

    private same(old: ModelNode | undefined, now: ModelNode | undefined): boolean {
        return old === now || (old !== undefined && now !== undefined && this.successor.get(old) === now);
    }

    private equal(a: ModelNode, b: ModelNode): boolean {
        const own = a.keyword === b.keyword && a.name === b.name && a.kind === b.kind && a.title === b.title
            && a.parent?.id === b.parent?.id && a.children.length === b.children.length
            && a.tags.join('\n') === b.tags.join('\n');
        return own && PROPERTY_NAMES.every(p => sameValue(p, a, b))
            && sameList(a.deps, b.deps, (x, y) => this.sameDependency(x, y))
            && sameList(
                a.loads,
                b.loads,
                (x, y) => sameMeasure(x.rate, y.rate) && a.deps.indexOf(x.dep) === b.deps.indexOf(y.dep),
            )
            && sameList(a.includes, b.includes, (x, y) => this.samePattern(x, y))
            && sameList(a.excludes, b.excludes, (x, y) => this.samePattern(x, y));
    }

    private sameDependency(a: Dependency, b: Dependency): boolean {
        return a.property === b.property && this.sameEdge(a, b);
    }

    private sameEdge(a: Dependency, b: Dependency): boolean {
        return a.relation === b.relation && Object.is(a.weight, b.weight) && this.same(a.target, b.target);
    }

    private samePattern(a: Pattern, b: Pattern): boolean {
        if (a.type === 'ref' && b.type === 'ref') return a.children === b.children && this.same(a.target, b.target);
        if (a.type === 'layer' && b.type === 'layer') return a.layer === b.layer;
        if (a.type === 'kind' && b.type === 'kind') return a.kind === b.kind;
        return a.type === 'all' && b.type === 'all';
    }
}

/** Every node a node's references name: its dependencies', then its view patterns'. */
export function targetsOf(node: ModelNode): (ModelNode | undefined)[] {
    const out = node.deps.map(d => d.target);
    for (const p of [...node.includes, ...node.excludes]) if (p.type === 'ref') out.push(p.target);
    return out;
}

function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
    return a.length === b.length && a.every((x, i) => same(x, b[i]));
}

function sameValue(property: (typeof PROPERTY_NAMES)[number], a: ModelNode, b: ModelNode): boolean {
    const sort = PROPERTIES[property].value.sort;
    if (sort === 'quantity') return sameMeasure(a[property as 'capacity'], b[property as 'capacity']);
    if (sort === 'price') return samePrice(a[property as 'cost'], b[property as 'cost']);
    if (sort === 'text') return a[property as 'owner'] === b[property as 'owner'];
    // Tags and patterns are compared with the node.
    return true;
}

function sameMeasure(a: Measure | undefined, b: Measure | undefined): boolean {
    if (!a || !b) return a === b;
    return Object.is(a.value, b.value) && a.unit === b.unit && Object.is(a.base, b.base) && a.tooLarge === b.tooLarge
        && a.currency === b.currency && a.expected === b.expected;
}

function samePrice(a: Price | undefined, b: Price | undefined): boolean {
    if (!a || !b) return a === b;
    return Object.is(a.per, b.per) && sameMeasure(a.amount, b.amount);
}
