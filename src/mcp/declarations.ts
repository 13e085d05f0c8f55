// Declarations as the MCP tools show them: a row per declaration for listing, and one
// declaration in full — its properties as written, its references both ways, and what
// each scenario does to it.
import { URI } from 'langium';
import { flowJson, nodeJson } from '../analysis/report.js';
import { displayPath } from '../cli/diagnostics.js';
import type { ModelNode } from '../model/model.js';
import { PROPERTIES, propertiesOf } from '../model/properties.js';
import { RELATIONS } from '../model/relations.js';
import { dependencyGraph } from '../query/dependencies.js';
import type { WorkspaceResult } from '../services/workspace-model.js';

/** The file a declaration is in, as validation reports it (relative to the server's folder), and its line. */
export function placeOf(node: ModelNode) {
    return {
        file: displayPath(URI.parse(node.uri).fsPath),
        line: (node.source.$cstNode?.range.start.line ?? 0) + 1,
    };
}

export function declarationRow(node: ModelNode) {
    return {
        name: node.id!,
        keyword: node.keyword,
        kind: node.kind ?? null,
        layer: node.layer ?? null,
        title: node.title ?? null,
        ...placeOf(node),
    };
}

/** Every property written on the declaration, as written (`5M/s`, `0.06 CNY per 10k`). */
function writtenProperties(node: ModelNode): Record<string, string | string[]> {
    const out: Record<string, string | string[]> = {};
    for (const p of propertiesOf(node.keyword)) {
        const sort = PROPERTIES[p].value.sort;
        if (sort === 'texts') {
            if (node.tags.length) out[p] = node.tags;
            continue;
        }
        if (sort === 'patterns') continue;
        const value = (node as unknown as Record<string, unknown>)[p];
        if (typeof value === 'string') out[p] = value;
        else if (value && typeof value === 'object' && 'source' in value) {
            const text = (value as { source: { $cstNode?: { text: string } } }).source.$cstNode?.text;
            if (text !== undefined) out[p] = text;
        }
    }
    return out;
}

export function describeDeclaration(result: WorkspaceResult, node: ModelNode) {
    const graph = dependencyGraph(result.model);
    const weighted = (
        relation: keyof typeof RELATIONS,
        weight: number,
    ) => (RELATIONS[relation].weighted ? weight : null);
    return {
        ...declarationRow(node),
        container: node.parent?.id ?? null,
        children: node.children.filter(c => c.id !== undefined).map(c => c.id!),
        properties: writtenProperties(node),
        dependencies: node.deps.map(d => ({
            relation: d.relation,
            target: d.target?.id ?? null,
            written: d.ref?.$refText ?? null,
            weight: weighted(d.relation, d.weight),
        })),
        dependents: graph.in[node.index].filter(e => e.relation !== 'contains').map(e => ({
            relation: e.relation,
            from: e.from.id ?? null,
            weight: e.weight,
        })),
        dependedOnBy: result.dependents[node.index],
        ...scenariosOf(result, node),
    };
}

/** What each scenario does to the declaration: load on a capability or resource, latency of a flow. */
function scenariosOf(result: WorkspaceResult, node: ModelNode) {
    if (node.keyword === 'capability' || node.keyword === 'resource') {
        const loads = result.loads.get(node) ?? [];
        return { scenarios: loads.map(l => ({ scenario: l.scenario.scenario.id!, ...nodeJson(l.load) })) };
    }
    if (node.keyword === 'flow') {
        const flows = result.analysis.scenarios.flatMap(s => {
            const f = s.flows.find(x => x.flow === node);
            return f ? [{ scenario: s.scenario.id!, ...flowJson(f) }] : [];
        });
        return { scenarios: flows };
    }
    return {};
}
