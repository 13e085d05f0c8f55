// The resolved model as plain JSON for the site's page, and back: what the pure
// analysis (`analyse`) and the details panel read, without syntax nodes. The page
// revives it and runs the same analysis modules as `bos analyze`, so its what-if
// numbers are the CLI's, not a re-implementation.
import type { BosModel, Dependency, Measure, ModelNode, Price } from '../model/model.js';
import {
    PRICE_PROPERTIES,
    type PriceProperty,
    QUANTITY_PROPERTIES,
    type QuantityProperty,
    type TextProperty,
} from '../model/properties.js';
import type { Relation } from '../model/relations.js';
import type { Dimension } from '../model/units.js';

/** A quantity without its syntax node. */
export interface PageMeasure {
    value: number;
    unit?: string;
    base?: number;
    currency?: string;
    expected: Dimension;
}

/** The node's own words, as in the model; its references become model indices. */
export interface PageNode
    extends Pick<ModelNode, 'id' | 'name' | 'pkg' | 'keyword' | 'kind' | 'layer' | 'title' | 'tags'>
{
    description?: string;
    owner?: string;
    region?: string;
    parent?: number;
    quantities: Partial<Record<QuantityProperty, PageMeasure>>;
    prices: Partial<Record<PriceProperty, { amount: PageMeasure; per: number }>>;
    /** [relation, target model index or -1, weight, the name as written when it names nothing], in text order. */
    deps: [Relation, number, number, string?][];
    /** Indices into `deps` of the structural dependencies. */
    structural: number[];
    /** [index into `deps`, rate] of each `load` line. */
    loads: [number, PageMeasure][];
}

export interface PageModel {
    nodes: PageNode[];
}

const TEXTS: readonly TextProperty[] = ['description', 'owner', 'region'];

function plain(m: Measure): PageMeasure {
    return { value: m.value, unit: m.unit, base: m.base, currency: m.currency, expected: m.expected };
}

function pageNode(n: ModelNode): PageNode {
    const depIndex = new Map(n.deps.map((d, i) => [d, i]));
    const quantities: PageNode['quantities'] = {};
    for (const p of QUANTITY_PROPERTIES) if (n[p]) quantities[p] = plain(n[p]);
    const prices: PageNode['prices'] = {};
    for (const p of PRICE_PROPERTIES) if (n[p]) prices[p] = { amount: plain(n[p].amount), per: n[p].per };
    const node: PageNode = {
        id: n.id,
        name: n.name,
        pkg: n.pkg,
        keyword: n.keyword,
        kind: n.kind,
        layer: n.layer,
        title: n.title,
        tags: n.tags,
        parent: n.parent?.index,
        quantities,
        prices,
        deps: n.deps.map(d =>
            d.target ? [d.relation, d.target.index, d.weight] : [d.relation, -1, d.weight, d.ref?.$refText]
        ),
        structural: n.structural.map(d => depIndex.get(d)!),
        loads: n.loads.map(l => [depIndex.get(l.dep)!, plain(l.rate)]),
    };
    for (const t of TEXTS) if (n[t] !== undefined) node[t] = n[t];
    return node;
}

export function pageModel(model: BosModel): PageModel {
    return { nodes: model.nodes.map(pageNode) };
}

// The syntax nodes the page has none of; the analysis never reads them.
const NO_SOURCE = undefined as never;

/** The model again, shaped as `BosModel` for the analysis and the page's panels (no syntax nodes). */
export function reviveModel(page: PageModel): BosModel {
    const measure = (m: PageMeasure): Measure => ({ ...m, tooLarge: false, source: NO_SOURCE });
    const nodes: ModelNode[] = page.nodes.map((p, index) => {
        const node: ModelNode = {
            index,
            id: p.id,
            name: p.name,
            pkg: p.pkg,
            keyword: p.keyword,
            kind: p.kind,
            layer: p.layer,
            title: p.title,
            tags: p.tags,
            children: [],
            uri: '',
            deps: [],
            structural: [],
            loads: [],
            includes: [],
            excludes: [],
            source: NO_SOURCE,
        };
        for (const t of TEXTS) if (p[t] !== undefined) node[t] = p[t];
        for (const [q, m] of Object.entries(p.quantities)) node[q as QuantityProperty] = measure(m);
        for (const [q, v] of Object.entries(p.prices)) {
            node[q as PriceProperty] = { amount: measure(v.amount), per: v.per, source: NO_SOURCE } satisfies Price;
        }
        return node;
    });
    page.nodes.forEach((p, i) => {
        const node = nodes[i];
        if (p.parent !== undefined) {
            node.parent = nodes[p.parent];
            node.parent.children.push(node);
        }
        node.deps = p.deps.map(([relation, target, weight, written]): Dependency => ({
            relation,
            holder: node,
            target: target < 0 ? undefined : nodes[target],
            weight,
            source: NO_SOURCE,
            property: 'target',
            // Only its text is read (a sequence names the steps that name nothing).
            ref: written === undefined ? undefined : { $refText: written, ref: undefined },
        }));
        node.structural = p.structural.map(d => node.deps[d]);
        node.loads = p.loads.map(([d, rate]) => ({ dep: node.deps[d], rate: measure(rate) }));
    });
    const byId = new Map<string, ModelNode>();
    for (const n of nodes) if (n.id !== undefined && !byId.has(n.id)) byId.set(n.id, n);
    // The page runs the analysis, not the checks: it never looks for duplicates.
    return { nodes, byId, duplicates: [], files: [], packages: new Set(), repeats: [], byAst: new Map() };
}
