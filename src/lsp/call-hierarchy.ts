// Call hierarchy as dependencies: incoming are the declarations that refer to this one
// (uses, runs on, calls, depends on, a flow's step, a scenario's load), outgoing those it
// refers to — the graph `bos query who-uses` and `uses` walk, one step at a time. Each
// entry's detail gives the reference's weight and the load through it in the chosen
// scenario (setting `bos.inlayHints.scenario`), as the inlay hints do.
import { CstUtils, GrammarUtils, type LangiumDocument } from 'langium';
import type { CallHierarchyProvider } from 'langium/lsp';
import {
    type CallHierarchyIncomingCall,
    type CallHierarchyIncomingCallsParams,
    type CallHierarchyItem,
    type CallHierarchyOutgoingCall,
    type CallHierarchyOutgoingCallsParams,
    type CallHierarchyPrepareParams,
    type Range,
    SymbolKind,
} from 'vscode-languageserver';
import { percent, rate, scaled } from '../analysis/format.js';
import type { ScenarioResult } from '../analysis/scenario.js';
import type { ModelNode } from '../model/model.js';
import type { DeclarationKeyword } from '../model/vocabulary.js';
import { dependencyGraph, type Edge } from '../query/dependencies.js';
import type { BosServices } from '../services/bos-module.js';
import type { WorkspaceResult } from '../services/workspace-model.js';
import { chosenScenario } from './scenario-choice.js';

const KIND: Readonly<Record<DeclarationKeyword, SymbolKind>> = {
    actor: SymbolKind.Interface,
    element: SymbolKind.Class,
    platform: SymbolKind.Namespace,
    capability: SymbolKind.Method,
    infrastructure: SymbolKind.Package,
    resource: SymbolKind.Struct,
    flow: SymbolKind.Event,
    scenario: SymbolKind.Constant,
    view: SymbolKind.File,
};

interface ItemData {
    id: string;
}

export class BosCallHierarchyProvider implements CallHierarchyProvider {
    constructor(private readonly services: BosServices) {}

    prepareCallHierarchy(document: LangiumDocument, params: CallHierarchyPrepareParams): CallHierarchyItem[] {
        const result = this.services.bos.WorkspaceModel.get();
        const node = this.nodeAt(document, params, result);
        return node ? [this.item(node, result, this.scenario(result))] : [];
    }

    incomingCalls(params: CallHierarchyIncomingCallsParams): CallHierarchyIncomingCall[] {
        return this.calls(params.item, 'in').map(({ node, detail, ranges }) => ({
            from: { ...this.item(node), detail },
            fromRanges: ranges,
        }));
    }

    outgoingCalls(params: CallHierarchyOutgoingCallsParams): CallHierarchyOutgoingCall[] {
        return this.calls(params.item, 'out').map(({ node, detail, ranges }) => ({
            to: { ...this.item(node), detail },
            fromRanges: ranges,
        }));
    }

    private scenario(result: WorkspaceResult): ScenarioResult | undefined {
        return chosenScenario(result, this.services.bos.Settings.scenario);
    }

    /** The declaration named or referred to at the position, else the innermost one around it. */
    private nodeAt(document: LangiumDocument, params: CallHierarchyPrepareParams, result: WorkspaceResult) {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const offset = document.textDocument.offsetAt(params.position);
        const nameRegexp = this.services.parser.GrammarConfig.nameRegexp;
        const leaf = CstUtils.findDeclarationNodeAtOffset(root, offset, nameRegexp);
        for (const target of leaf ? this.services.references.References.findDeclarations(leaf) : []) {
            const named = result.model.byAst.get(target);
            if (named?.id !== undefined) return named;
        }
        for (let n = CstUtils.findLeafNodeAtOffset(root, offset)?.astNode; n; n = n.$container) {
            const around = result.model.byAst.get(n);
            if (around?.id !== undefined) return around;
        }
        return undefined;
    }

    private item(node: ModelNode, result?: WorkspaceResult, scenario?: ScenarioResult): CallHierarchyItem {
        const cst = node.source.$cstNode!;
        const name = GrammarUtils.findNodeForProperty(cst, 'name') ?? cst;
        const data: ItemData = { id: node.id! };
        return {
            name: node.name,
            kind: KIND[node.keyword],
            detail: [node.id, result && scenario && loadOf(result, node, scenario)].filter(Boolean).join(' · '),
            uri: node.uri,
            range: cst.range,
            selectionRange: name.range,
            data,
        };
    }

    /** One entry per declaration at the other end, with every reference between the two. */
    private calls(item: CallHierarchyItem, direction: 'in' | 'out') {
        const result = this.services.bos.WorkspaceModel.get();
        const id = (item.data as ItemData | undefined)?.id;
        const node = id === undefined ? undefined : result.model.byId.get(id);
        if (!node) return [];
        const scenario = this.scenario(result);
        const groups = new Map<ModelNode, Edge[]>();
        for (const edge of dependencyGraph(result.model)[direction][node.index]) {
            const other = direction === 'in' ? edge.from : edge.to;
            // A container holds its children, but refers to them nowhere in the text.
            if (edge.relation === 'contains' || other.id === undefined || !other.source.$cstNode) continue;
            groups.set(other, [...(groups.get(other) ?? []), edge]);
        }
        return [...groups].map(([other, edges]) => ({
            node: other,
            detail: [other.id, ...edges.map(e => describe(e, result, scenario))].join(' · '),
            ranges: edges.map(rangeOf).filter((r): r is Range => r !== undefined),
        }));
    }
}

/** `runs on x 2 ⟶ 1.17M/s in Double11Peak`: the reference, and the load through it. */
function describe(edge: Edge, result: WorkspaceResult, scenario: ScenarioResult | undefined): string {
    const written = edge.relation === 'load'
        ? `load ${edge.weight === null ? '' : rate(edge.weight)}`.trim()
        : edge.weight === null
        ? edge.relation
        : `${edge.relation} x ${scaled(edge.weight)}`;
    const through = scenario && throughput(edge, result, scenario);
    return through === undefined ? written : `${written} ⟶ ${rate(through)} in ${scenario!.scenario.name}`;
}

/** Requests per second through a reference that carries load, in the scenario. */
function throughput(edge: Edge, result: WorkspaceResult, scenario: ScenarioResult): number | undefined {
    if (edge.weight === null || edge.relation === 'load') return undefined;
    if (edge.relation === 'step') {
        const lines = scenario.scenario.loads.filter(l => l.dep.target === edge.from && l.rate.base !== undefined);
        return lines.length ? lines.reduce((sum, l) => sum + l.rate.base!, 0) * edge.weight : undefined;
    }
    const load = result.loads.get(edge.from)?.find(l => l.scenario === scenario)?.load.load;
    return load === undefined ? undefined : load * edge.weight;
}

/** `2.33M/s, 46.6% in Double11Peak` for a loaded capability or resource. */
function loadOf(result: WorkspaceResult, node: ModelNode, scenario: ScenarioResult): string | undefined {
    const load = result.loads.get(node)?.find(l => l.scenario === scenario)?.load;
    if (!load) return undefined;
    const u = load.utilisation === undefined ? '' : `, ${percent(load.utilisation)}`;
    return `${rate(load.load)}${u} in ${scenario.scenario.name}`;
}

function rangeOf(edge: Edge): Range | undefined {
    return (edge.dep?.ref?.$refNode ?? edge.dep?.source.$cstNode)?.range;
}
