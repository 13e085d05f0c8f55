// Quick fixes, one family per module under fixes/: add a missing kind, correct an unknown
// one, import a name from another package, create the declaration a reference needs, fix
// a unit, remove an unused declaration, scale a node out to meet an SLO, match capacity
// and concurrency. What a fix needs comes in the diagnostic's `data` (set from the
// finding), never from its message; a fix may edit another file (`Fix.uri`).
import { type AstNode, CstUtils, type LangiumDocument } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import {
    type CodeAction,
    CodeActionKind,
    type CodeActionParams,
    type Diagnostic,
    type Range,
} from 'vscode-languageserver';
import type { BosServices } from '../services/bos-module.js';
import { relationOf } from './completion.js';
import { createDeclaration, removeDeclaration } from './fixes/declaration-fixes.js';
import { findingData, type Fix } from './fixes/fix.js';
import { addImport } from './fixes/import-fixes.js';
import { addKind, replaceKind } from './fixes/kind-fixes.js';
import { matchCapacity, scaleOut } from './fixes/performance-fixes.js';
import { fixUnit } from './fixes/unit-fixes.js';

export class BosCodeActionProvider implements CodeActionProvider {
    constructor(private readonly services: BosServices) {}

    getCodeActions(document: LangiumDocument, params: CodeActionParams): CodeAction[] {
        const out: CodeAction[] = [];
        for (const d of params.context.diagnostics) {
            const node = this.nodeAt(document, d.range);
            if (!node) continue;
            for (const fix of this.fixes(document, d, node)) {
                out.push({
                    title: fix.title,
                    kind: CodeActionKind.QuickFix,
                    diagnostics: [d],
                    isPreferred: fix.preferred,
                    edit: { changes: { [fix.uri ?? document.uri.toString()]: fix.edits } },
                });
            }
        }
        return out;
    }

    private nodeAt(document: LangiumDocument, range: Range): AstNode | undefined {
        const root = document.parseResult.value.$cstNode;
        return root && CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(range.start))?.astNode;
    }

    private fixes(document: LangiumDocument, d: Diagnostic, node: AstNode): Fix[] {
        const data = findingData(d.data);
        switch (d.code) {
            case 'bos/missing-kind':
                return addKind(node, data.choices ?? []);
            case 'bos/unknown-kind':
                return replaceKind(d.range, data.choices ?? []);
            case 'bos/unresolved':
                return [
                    ...addImport(document, node, this.qualifiedNames()),
                    ...createDeclaration(document, node, relationOf(node)),
                ];
            case 'bos/unit':
                return fixUnit(node, data.dimension, this.currenciesInUse());
            case 'bos/unused':
                return removeDeclaration(document, node);
            case 'bos/slo':
                return scaleOut(data, this.services.bos.WorkspaceModel.get().model);
            case 'bos/capacity-mismatch':
                return matchCapacity(document, node, data, this.services.bos.WorkspaceModel.get().model);
            default:
                return [];
        }
    }

    private qualifiedNames(): Iterable<string> {
        return this.services.shared.workspace.IndexManager.allElements().map(d => d.name);
    }

    /** Currencies of the workspace's costs and budgets, most used first. */
    private currenciesInUse(): string[] {
        const count = new Map<string, number>();
        for (const n of this.services.bos.WorkspaceModel.get().model.nodes) {
            for (const c of [n.cost?.amount.currency, n.budget?.amount.currency]) {
                if (c) count.set(c, (count.get(c) ?? 0) + 1);
            }
        }
        return [...count].sort((a, b) => b[1] - a[1]).map(([c]) => c);
    }
}
