// The graph the questions walk: every reference that makes one declaration depend on
// another — the structural ones (uses, runs on, calls, depends on), a flow's steps and a
// scenario's loads — and `contains`, from a platform or infrastructure group to each of
// its children, since depending on a container is depending on what it holds. Built
// once per model and kept with it.
import type { BosModel, Dependency, ModelNode } from '../model/model.js';
import { fits, RELATIONS, type StructuralRelation } from '../model/relations.js';

export type QueryRelation = StructuralRelation | 'step' | 'load' | 'contains';

export interface Edge {
    from: ModelNode;
    to: ModelNode;
    relation: QueryRelation;
    /**
     * The reference's weight (`x 2`); for `load`, the rate in transactions per second; null
     * where the relation takes none (uses, contains) or the rate is unusable.
     */
    weight: number | null;
    /** The reference; undefined for `contains`. */
    dep?: Dependency;
}

export interface DependencyGraph {
    /** Edges out of each node, by model index, in text order (children last). */
    out: Edge[][];
    /** Edges into each node, by model index, in model order of their holders. */
    in: Edge[][];
}

const graphs = new WeakMap<BosModel, DependencyGraph>();

export function dependencyGraph(model: BosModel): DependencyGraph {
    let graph = graphs.get(model);
    if (!graph) graphs.set(model, graph = build(model));
    return graph;
}

function build(model: BosModel): DependencyGraph {
    const out: Edge[][] = model.nodes.map(() => []);
    const into: Edge[][] = model.nodes.map(() => []);
    const add = (edge: Edge) => {
        out[edge.from.index].push(edge);
        into[edge.to.index].push(edge);
    };
    for (const node of model.nodes) {
        for (const dep of node.structural) add(edgeOf(dep, dep.relation as StructuralRelation));
        for (const dep of node.deps) {
            if (dep.relation === 'step' && dep.target && fits('step', dep.target.keyword)) add(edgeOf(dep, 'step'));
        }
        for (const { dep, rate } of node.loads) {
            if (dep.target && fits('load', dep.target.keyword)) {
                add({ ...edgeOf(dep, 'load'), weight: rate.base ?? null });
            }
        }
        for (const child of node.children) add({ from: node, to: child, relation: 'contains', weight: null });
    }
    return { out, in: into };
}

function edgeOf(dep: Dependency, relation: StructuralRelation | 'step' | 'load'): Edge {
    const weight = RELATIONS[relation].weighted ? dep.weight : null;
    return { from: dep.holder, to: dep.target!, relation, weight, dep };
}
