// The resolved model: every declaration of the workspace with its qualified name,
// layer, quantities and dependencies, in file-path then text order. Checks, analysis
// and diagrams read this, not the syntax tree; `source` nodes are kept only so that
// findings can point back at the text.
import type { AstNode, LangiumDocument, Reference } from 'langium';
import * as ast from '../language/generated/ast.js';
import { packageOf, qualifiedName } from '../language/names.js';
import { declarationsOf } from '../language/scope.js';
import { type Dimension, unitInfo } from './units.js';
import { type DeclarationKeyword, type Layer, LAYER_RANK, layerOf, type Relation } from './vocabulary.js';

/** A quantity as written, with its value in the base unit when the unit fits. */
export interface Measure {
    value: number;
    unit?: string;
    /**
     * Value in the base unit (per second, seconds, fraction); undefined if the unit is
     * not `expected` or the number is too large.
     */
    base?: number;
    /** The number (or it in the base unit) is beyond what a double holds (about 1.8e308). */
    tooLarge: boolean;
    currency?: string;
    expected: Dimension;
    source: ast.Quantity;
}

export interface Price {
    amount: Measure;
    /** How many requests (or transactions) the amount pays for. */
    per: number;
    source: ast.Price;
}

export interface Dependency {
    relation: Relation;
    holder: ModelNode;
    /** Undefined when the reference names nothing (the linker reports it). */
    target?: ModelNode;
    weight: number;
    /** The syntax node holding the reference, and the property it is in. */
    source: AstNode;
    property: string;
    /** The reference itself, to tell cheaply on the next build whether it still lands on `target`. */
    ref?: Reference;
}

export type Pattern =
    | { type: 'all' }
    | { type: 'layer'; layer: string; source: ast.LayerPattern }
    | { type: 'kind'; kind: string; source: ast.KindPattern }
    | { type: 'ref'; target?: ModelNode; children: boolean; source: ast.RefPattern };

/** A single-valued property written more than once; the first one counts. */
export interface Repeat {
    node: ModelNode;
    property: string;
    index: number;
}

export interface ModelNode {
    /** Position in `BosModel.nodes` (file path, then text order). */
    index: number;
    /** Qualified name; undefined for a declaration that lost its name to a syntax error. */
    id?: string;
    name: string;
    pkg: string;
    keyword: DeclarationKeyword;
    kind?: string;
    layer?: Layer;
    rank?: number;
    title?: string;
    description?: string;
    owner?: string;
    tags: string[];
    region?: string;
    parent?: ModelNode;
    children: ModelNode[];
    uri: string;
    capacity?: Measure;
    latency?: Measure;
    cost?: Price;
    budget?: Price;
    headroom?: Measure;
    /** Every outgoing reference in text order: uses, runs on, calls, depends on, step, from, load, overlay. */
    deps: Dependency[];
    /** `structuralEdges(this)`, kept until the dependencies are rebuilt. */
    structural?: Dependency[];
    /** Scenario `load` lines: dependency on the flow, plus its rate. */
    loads: { dep: Dependency; rate: Measure }[];
    includes: Pattern[];
    excludes: Pattern[];
    source: ast.Declaration;
}

export interface BosModel {
    nodes: ModelNode[];
    byId: Map<string, ModelNode>;
    /** Files in path order, each with its package and imports. */
    files: { uri: string; pkg: string; source: ast.Model }[];
    packages: Set<string>;
    repeats: Repeat[];
    /** The model node of each declaration's syntax node. */
    byAst: Map<AstNode, ModelNode>;
}

const KEYWORD_OF: Readonly<Record<ast.Declaration['$type'], DeclarationKeyword>> = {
    Actor: 'actor',
    Infrastructure: 'infrastructure',
    Resource: 'resource',
    Platform: 'platform',
    Capability: 'capability',
    Element: 'element',
    Flow: 'flow',
    Scenario: 'scenario',
    View: 'view',
};

function measure(q: ast.Quantity | undefined, expected: Dimension): Measure | undefined {
    if (!q || typeof q.value !== 'number') return undefined;
    const info = unitInfo(q.unit);
    const fitting = info?.dimension === expected;
    const base = fitting ? q.value * info.factor : undefined;
    const tooLarge = !Number.isFinite(q.value) || (base !== undefined && !Number.isFinite(base));
    return {
        value: q.value,
        unit: q.unit,
        expected,
        source: q,
        tooLarge,
        base: tooLarge ? undefined : base,
        currency: fitting ? info.currency : undefined,
    };
}

function price(p: ast.Price | undefined): Price | undefined {
    const amount = measure(p?.amount, 'money');
    return p && amount ? { amount, per: p.per ?? 1, source: p } : undefined;
}

/**
 * What one file contributes, kept between builds while the file's syntax tree is the
 * same: an edit re-creates only the edited file's nodes, and the dependencies of a file
 * are re-resolved only when one of its references now lands elsewhere.
 */
interface FilePart {
    nodes: ModelNode[];
    repeats: Repeat[];
    /**
     * The document's `references` array when the dependencies were last found to hold.
     * Langium gives a document a new array whenever it relinks it, so the same array
     * means no reference of the file has moved since.
     */
    links?: readonly unknown[];
}

export type ModelCache = WeakMap<ast.Model, FilePart>;

/** Builds the model from linked documents; the order of `documents` does not matter. */
export function buildModel(documents: readonly LangiumDocument[], cache: ModelCache = new WeakMap()): BosModel {
    // Path order on the decoded path, so that non-ASCII file names sort as people read them.
    const docs = documents.filter(d => ast.isModel(d.parseResult.value))
        .map(d => ({ d, path: d.uri.path }))
        .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
        .map(x => x.d);
    const byAst = new Map<AstNode, ModelNode>();
    const model: BosModel = { nodes: [], byId: new Map(), files: [], packages: new Set(), repeats: [], byAst };
    const parts: { part: FilePart; doc: LangiumDocument }[] = [];
    const fresh = new Set<FilePart>();

    for (const doc of docs) {
        const root = doc.parseResult.value as ast.Model;
        const uri = doc.uri.toString();
        const pkg = packageOf(root);
        model.files.push({ uri, pkg, source: root });
        model.packages.add(pkg);
        let part = cache.get(root);
        if (!part) {
            const local = new Map<AstNode, ModelNode>();
            const repeats: Repeat[] = [];
            const nodes = declarationsOf(root).map(decl => {
                const node = createNode(decl, uri, pkg, local, repeats);
                local.set(decl, node);
                return node;
            });
            part = { nodes, repeats };
            cache.set(root, part);
            fresh.add(part);
        }
        parts.push({ part, doc });
        for (const r of part.repeats) model.repeats.push(r);
        for (const node of part.nodes) {
            node.index = model.nodes.length;
            model.nodes.push(node);
            byAst.set(node.source, node);
            if (node.id !== undefined && !model.byId.has(node.id)) model.byId.set(node.id, node);
        }
    }
    // Second pass: the targets exist now.
    for (const { part, doc } of parts) {
        const unchanged = !fresh.has(part)
            && (part.links === doc.references || part.nodes.every(n => dependenciesHold(n, byAst)));
        if (!unchanged) { for (const node of part.nodes) addDependencies(node, byAst); }
        part.links = doc.references;
    }
    return model;
}

/** Whether every reference of a kept node still resolves to the node its dependency names. */
function dependenciesHold(node: ModelNode, byAst: Map<AstNode, ModelNode>): boolean {
    for (const d of node.deps) {
        const target = d.ref?.ref;
        if ((target && byAst.get(target)) !== d.target) return false;
    }
    return (!ast.isView(node.source)
        || [...node.includes, ...node.excludes].every(p =>
            p.type !== 'ref' || p.target === (p.source.target?.ref && byAst.get(p.source.target.ref))
        ));
}

function createNode(
    decl: ast.Declaration,
    uri: string,
    pkg: string,
    byAst: Map<AstNode, ModelNode>,
    repeats: Repeat[],
): ModelNode {
    const keyword = KEYWORD_OF[decl.$type];
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
        tags: decl.tags ?? [],
        description: decl.description?.[0],
        owner: decl.owner?.[0],
        parent,
        children: [],
        uri,
        deps: [],
        structural: undefined,
        loads: [],
        includes: [],
        excludes: [],
        source: decl,
    };
    parent?.children.push(node);
    const single = (property: string, values: unknown[] | undefined) => {
        for (let index = 1; index < (values?.length ?? 0); index++) repeats.push({ node, property, index });
    };
    single('description', decl.description);
    single('owner', decl.owner);
    if (ast.isResource(decl)) {
        node.capacity = measure(decl.capacity[0], 'rate');
        node.cost = price(decl.cost[0]);
        node.region = decl.region[0];
        single('capacity', decl.capacity);
        single('cost', decl.cost);
        single('region', decl.region);
    } else if (ast.isCapability(decl)) {
        node.capacity = measure(decl.capacity[0], 'rate');
        node.latency = measure(decl.latency[0], 'duration');
        single('capacity', decl.capacity);
        single('latency', decl.latency);
    } else if (ast.isFlow(decl)) {
        single('from', decl.from);
    } else if (ast.isScenario(decl)) {
        node.budget = price(decl.budget[0]);
        node.headroom = measure(decl.headroom[0], 'ratio');
        single('budget', decl.budget);
        single('headroom', decl.headroom);
    } else if (ast.isView(decl)) {
        single('overlay', decl.overlay);
    }
    return node;
}

function addDependencies(node: ModelNode, byAst: Map<AstNode, ModelNode>): void {
    const decl = node.source;
    node.deps = [];
    node.loads = [];
    node.structural = undefined;
    const add = (
        relation: Relation,
        source: ast.Reference | ast.WeightedRef | ast.Load,
        property: 'target' | 'flow',
    ) => {
        const ref = ast.isLoad(source) ? source.flow : source.target;
        const target = ref?.ref && byAst.get(ref.ref);
        const weight = ast.isWeightedRef(source) && typeof source.weight === 'number' ? source.weight : 1;
        const dep: Dependency = { relation, holder: node, target, weight, source, property, ref };
        node.deps.push(dep);
        return dep;
    };
    if ('uses' in decl) { for (const r of decl.uses) add('uses', r, 'target'); }
    if (ast.isResource(decl)) { for (const r of decl.dependsOn) add('depends on', r, 'target'); }
    if (ast.isCapability(decl)) {
        for (const r of decl.runsOn) add('runs on', r, 'target');
        for (const r of decl.calls) add('calls', r, 'target');
    }
    if (ast.isFlow(decl)) {
        for (const r of decl.from) add('from', r, 'target');
        for (const r of decl.steps) add('step', r, 'target');
    }
    if (ast.isScenario(decl)) {
        for (const l of decl.loads) {
            const dep = add('load', l, 'flow');
            const rate = measure(l.rate, 'rate');
            if (rate) node.loads.push({ dep, rate });
        }
    }
    if (ast.isView(decl)) {
        for (const r of decl.overlay) add('overlay', r, 'target');
        node.includes = decl.includes.map(p => pattern(p, byAst));
        node.excludes = decl.excludes.map(p => pattern(p, byAst));
    }
    // Text order, whatever the property: `bos/cycle` reports the first reference of a member.
    if (node.deps.length > 1) {
        const offset = new Map(node.deps.map(d => [d, d.source.$cstNode?.offset ?? 0]));
        node.deps.sort((a, b) => offset.get(a)! - offset.get(b)!);
    }
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
