// The resolved model: every declaration of the workspace with its qualified name,
// layer, quantities and dependencies, in file-path then text order. Checks, analysis
// and diagrams read this, not the syntax tree; `source` nodes are kept only so that
// findings can point back at the text.
import type { AstNode, LangiumDocument, Reference } from 'langium';
import * as ast from '../language/generated/ast.js';
import { packageOf } from '../language/names.js';
import { declarationsOf } from '../language/scope.js';
import { ModelChanges, targetsOf } from './changes.js';
import { addDependencies, createNode, retarget } from './node.js';
import type { PriceProperty, QuantityProperty, TextProperty } from './properties.js';
import type { Relation } from './relations.js';
import type { Dimension } from './units.js';
import type { DeclarationKeyword, Layer } from './vocabulary.js';

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
    /** The reference itself (rename and navigation start from it). */
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

/** The quantities, prices and texts of the property table (`properties.ts`), by property. */
type PropertyValues =
    & Partial<Record<QuantityProperty, Measure>>
    & Partial<Record<PriceProperty, Price>>
    & Partial<Record<TextProperty, string>>;

export interface ModelNode extends PropertyValues {
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
    tags: string[];
    parent?: ModelNode;
    children: ModelNode[];
    uri: string;
    /** Every outgoing reference in text order: uses, runs on, calls, depends on, step, from, load, overlay. */
    deps: Dependency[];
    /** The dependencies in the layering sense (uses, runs on, calls, depends on) that name the right sort of target. */
    structural: Dependency[];
    /** Scenario `load` lines: dependency on the flow, plus its rate. */
    loads: { dep: Dependency; rate: Measure }[];
    includes: Pattern[];
    excludes: Pattern[];
    source: ast.Declaration;
}

export interface BosModel {
    nodes: ModelNode[];
    byId: Map<string, ModelNode>;
    /** The declarations whose qualified name an earlier one in the model already has. */
    duplicates: ModelNode[];
    /** Files in path order, each with its package and imports, and its nodes (the same array while it is kept). */
    files: { uri: string; pkg: string; source: ast.Model; nodes: readonly ModelNode[] }[];
    packages: Set<string>;
    repeats: Repeat[];
    /** The model node of each declaration's syntax node. */
    byAst: Map<AstNode, ModelNode>;
}

/**
 * What one file contributes: its nodes and repeated properties, made again only when the
 * file is parsed again, and its dependencies, resolved again only when the file was
 * linked again since.
 */
interface FilePart {
    root: ast.Model;
    version: number;
    pkg: string;
    nodes: ModelNode[];
    repeats: Repeat[];
    /** The dependencies have been resolved at least once. */
    resolved: boolean;
}

/**
 * The per-file parts kept between builds, owned by whoever builds the model again and
 * again (the workspace model of the language server). Keyed by document URI and checked
 * against the document's version and syntax tree.
 */
export class ModelParts {
    private readonly parts = new Map<string, FilePart>();
    /** What the last build changed against the one before it. */
    changes = new ModelChanges([]);
    /** The last build's nodes. */
    nodes: readonly ModelNode[] = [];
    /** The last build's maps, with the files they were made from in path order (see `keptMaps`). */
    maps?: {
        uris: readonly string[];
        parts: readonly FilePart[];
        byAst: Map<AstNode, ModelNode>;
        byId: Map<string, ModelNode>;
        /** Model indices of the duplicates: the same while the maps are kept. */
        duplicates: readonly number[];
    };

    /** The kept part of a document, when its text and syntax tree are the ones it was made from. */
    get(uri: string, root: ast.Model, version: number): FilePart | undefined {
        const part = this.parts.get(uri);
        return part && part.root === root && part.version === version ? part : undefined;
    }

    /** The part a document had, whatever its version. */
    previous(uri: string): FilePart | undefined {
        return this.parts.get(uri);
    }

    set(uri: string, part: FilePart): void {
        this.parts.set(uri, part);
    }

    /** Drops the parts of documents that are gone. */
    keepOnly(uris: ReadonlySet<string>): void {
        for (const uri of this.parts.keys()) if (!uris.has(uri)) this.parts.delete(uri);
    }
}

/**
 * Builds the model from linked documents; the order of `documents` does not matter.
 * `relinked` says which documents Langium linked again since the last build with the same
 * `parts` (their references may land elsewhere now); without it every file's dependencies
 * are resolved again. `touched` says which kept their links, but into a document whose
 * nodes were made again from the same syntax tree (a patched one): only their
 * dependencies on a node that is gone are resolved again.
 */
export function buildModel(
    documents: readonly LangiumDocument[],
    parts: ModelParts = new ModelParts(),
    relinked?: ReadonlySet<string>,
    touched?: ReadonlySet<string>,
): BosModel {
    // Path order on the decoded path, so that non-ASCII file names sort as people read them.
    const docs = documents.filter(d => ast.isModel(d.parseResult.value))
        .map(d => ({ d, path: d.uri.path }))
        .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
        .map(x => x.d);
    const used: { part: FilePart; uri: string }[] = [];
    const nodes: ModelNode[] = [];
    const changes = parts.changes = new ModelChanges(nodes, parts.nodes);
    for (const doc of docs) {
        const root = doc.parseResult.value as ast.Model;
        const uri = doc.uri.toString();
        const pkg = packageOf(root);
        const version = doc.textDocument.version;
        let part = parts.get(uri, root, version);
        if (!part) {
            part = { root, version, pkg, ...fileNodes(root, uri, pkg), resolved: false };
            const before = parts.previous(uri);
            if (before) changes.replaced(before.nodes, part.nodes);
            parts.set(uri, part);
        }
        used.push({ part, uri });
    }
    const kept = keptMaps(parts.maps, used);
    const byAst = kept?.byAst ?? new Map<AstNode, ModelNode>();
    const duplicates: number[] = [];
    const model: BosModel = {
        nodes,
        byId: kept?.byId ?? new Map(),
        // Filled once every node has its index, below.
        duplicates: [],
        files: [],
        packages: new Set(),
        repeats: [],
        byAst,
    };
    for (const { part, uri } of used) {
        model.packages.add(part.pkg);
        model.files.push({ uri, pkg: part.pkg, source: part.root, nodes: part.nodes });
        for (const r of part.repeats) model.repeats.push(r);
        for (const node of part.nodes) {
            node.index = model.nodes.length;
            model.nodes.push(node);
            if (kept) continue;
            byAst.set(node.source, node);
            if (node.id === undefined) continue;
            if (model.byId.has(node.id)) duplicates.push(node.index);
            else model.byId.set(node.id, node);
        }
    }
    const duplicateAt = kept?.duplicates ?? duplicates;
    model.duplicates = duplicateAt.map(i => model.nodes[i]);
    parts.maps = {
        uris: used.map(u => u.uri),
        parts: used.map(u => u.part),
        byAst,
        byId: model.byId,
        duplicates: duplicateAt,
    };
    parts.keepOnly(new Set(used.map(u => u.uri)));
    // Second pass: the targets exist now.
    const gone = (t: ModelNode | undefined) => t !== undefined && model.nodes[t.index] !== t;
    // Most nodes are no view: their targets are their dependencies', looked at without a list.
    const stale = (node: ModelNode) =>
        node.deps.some(d => gone(d.target))
        || (node.includes.length + node.excludes.length > 0 && targetsOf(node).some(gone));
    for (const { part, uri } of used) {
        const linksKept = part.resolved && relinked && !relinked.has(uri);
        if (linksKept && !touched?.has(uri)) continue;
        if (part.resolved) {
            for (const node of part.nodes) {
                if (linksKept && !stale(node)) continue;
                const before = targetsOf(node);
                retarget(node, byAst);
                changes.retargeted(node, before);
            }
        } else for (const node of part.nodes) addDependencies(node, byAst);
        part.resolved = true;
    }
    changes.settle();
    parts.nodes = model.nodes;
    return model;
}

/**
 * The last build's `byAst` and `byId`, patched for the files made again, when the same
 * files come in the same order and each file made again has the same qualified names in
 * the same order: then the first declaration of each name is where it was, the
 * duplicates are at the same indices, and only the replaced nodes change places in the
 * maps (a 10k model has 13k nodes; an edit replaces one file's). Otherwise undefined,
 * and the maps are filled afresh. The maps are shared with the last model, which, like
 * its kept nodes, is the next build's to change.
 */
function keptMaps(
    maps: ModelParts['maps'],
    used: readonly { part: FilePart; uri: string }[],
): Omit<NonNullable<ModelParts['maps']>, 'uris' | 'parts'> | undefined {
    if (!maps || maps.uris.length !== used.length) return undefined;
    const replaced: [FilePart, FilePart][] = [];
    for (let i = 0; i < used.length; i++) {
        const [before, now] = [maps.parts[i], used[i].part];
        if (maps.uris[i] !== used[i].uri) return undefined;
        if (before === now) continue;
        if (before.nodes.length !== now.nodes.length) return undefined;
        if (before.nodes.some((n, j) => n.id !== now.nodes[j].id)) return undefined;
        replaced.push([before, now]);
    }
    for (const [before, now] of replaced) {
        before.nodes.forEach((old, j) => {
            const node = now.nodes[j];
            maps.byAst.delete(old.source);
            maps.byAst.set(node.source, node);
            if (node.id !== undefined && maps.byId.get(node.id) === old) maps.byId.set(node.id, node);
        });
    }
    return maps;
}

function fileNodes(root: ast.Model, uri: string, pkg: string): { nodes: ModelNode[]; repeats: Repeat[] } {
    const local = new Map<AstNode, ModelNode>();
    const repeats: Repeat[] = [];
    const nodes = declarationsOf(root).map(decl => {
        const node = createNode(decl, uri, pkg, local, repeats);
        local.set(decl, node);
        return node;
    });
    return { nodes, repeats };
}
