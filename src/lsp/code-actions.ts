// Quick fixes: add a missing kind, correct an unknown one, import a name from another
// package, create the declaration a reference needs, fix a unit, remove an unused
// declaration.
import { closest } from 'fastest-levenshtein';
import { type AstNode, AstUtils, CstUtils, GrammarUtils, type LangiumDocument } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import {
    type CodeAction,
    CodeActionKind,
    type CodeActionParams,
    type Diagnostic,
    type Range,
    type TextEdit,
} from 'vscode-languageserver';
import * as ast from '../language/generated/ast.js';
import { packageOf } from '../language/names.js';
import { isCurrencyCode } from '../model/units.js';
import { KINDS } from '../model/vocabulary.js';
import type { BosServices } from '../services/bos-module.js';
import { relationOf } from './completion.js';

type Fix = { title: string; edits: TextEdit[]; preferred?: boolean };

const UNIT_FIXES: Readonly<Record<string, readonly string[]>> = {
    rate: ['/s', '/min', '/h'],
    duration: ['ms', 's'],
    ratio: ['%'],
};
const EXPECTED_DIMENSION: Readonly<Record<string, string>> = {
    capacity: 'rate',
    latency: 'duration',
    headroom: 'ratio',
    rate: 'rate',
    amount: 'money',
};

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
                    edit: { changes: { [document.uri.toString()]: fix.edits } },
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
        switch (d.code) {
            case 'bos/missing-kind':
                return this.addKind(node);
            case 'bos/unknown-kind':
                return this.replaceKind(d);
            case 'bos/unresolved':
                return [...this.addImport(document, node), ...this.createDeclaration(document, node)];
            case 'bos/unit':
                return this.fixUnit(node);
            case 'bos/unused':
                return this.remove(document, node);
            default:
                return [];
        }
    }

    private addKind(node: AstNode): Fix[] {
        const decl = AstUtils.getContainerOfType(node, ast.isDeclaration);
        const after = decl
            && (GrammarUtils.findNodeForProperty(decl.$cstNode, 'title')
                ?? GrammarUtils.findNodeForProperty(decl.$cstNode, 'name'));
        const kinds = decl && KINDS[decl.$type.toLowerCase() as keyof typeof KINDS];
        if (!after || !kinds) return [];
        return kinds.map((k, i) => ({
            title: `Add kind '${k}'`,
            preferred: i === 0,
            edits: [{ range: { start: after.range.end, end: after.range.end }, newText: ` : ${k}` }],
        }));
    }

    private replaceKind(d: Diagnostic): Fix[] {
        const message = typeof d.message === 'string' ? d.message : d.message.value;
        const written = /^'([^']+)'/.exec(message)?.[1];
        const options = /\(one of: ([^)]+)\)/.exec(message)?.[1].split(', ') ?? [];
        if (!written || !options.length) return [];
        const best = closest(written, options);
        return [best, ...options.filter(o => o !== best)].map((k, i) => ({
            title: `Change to '${k}'`,
            preferred: i === 0,
            edits: [{ range: d.range, newText: k }],
        }));
    }

    /** `import pkg.X` for a reference that names a declaration of another package. */
    private addImport(document: LangiumDocument, node: AstNode): Fix[] {
        const ref = AstUtils.streamReferences(node).head();
        const root = document.parseResult.value as ast.Model;
        if (!ref || !ast.isModel(root)) return [];
        const text = ref.reference.$refText;
        const first = text.split('.')[0];
        const own = packageOf(root);
        const imports = new Set<string>();
        for (const desc of this.services.shared.workspace.IndexManager.allElements()) {
            if (!desc.name.endsWith(`.${text}`)) continue;
            const prefix = desc.name.slice(0, -text.length - 1);
            if (prefix === own) continue;
            imports.add(`${prefix}.${first}`);
        }
        const anchor = root.imports.at(-1)?.$cstNode ?? GrammarUtils.findNodeForProperty(root.$cstNode, 'package');
        const position = anchor ? anchor.range.end : { line: 0, character: 0 };
        const lead = anchor ? '\n' : '';
        const tail = anchor ? '' : '\n';
        return [...imports].sort().map((path, i) => ({
            title: `Add 'import ${path}'`,
            preferred: i === 0,
            edits: [{ range: { start: position, end: position }, newText: `${lead}import ${path}${tail}` }],
        }));
    }

    /** Declares what an unresolved reference names, in the container it names or at the end of the file. */
    private createDeclaration(document: LangiumDocument, node: AstNode): Fix[] {
        const ref = AstUtils.streamReferences(node).head();
        if (!ref) return [];
        const relation = relationOf(node);
        const parts = ref.reference.$refText.split('.');
        const name = parts.at(-1)!;
        const root = document.parseResult.value as ast.Model;
        const holder = AstUtils.getContainerOfType(node, ast.isDeclaration);
        let text: string | undefined;
        let container: ast.Platform | ast.Infrastructure | undefined;
        const findContainer = <T extends ast.Declaration>(is: (n: unknown) => n is T) =>
            parts.length === 2
                ? root.declarations.find((d): d is T => is(d) && d.name === parts[0])
                : parts.length === 1 && holder?.$container && is(holder.$container)
                ? holder.$container
                : undefined;
        if (relation === 'runs on' || relation === 'depends on') {
            container = findContainer(ast.isInfrastructure);
            text = `resource ${name} : compute`;
        } else if (relation === 'calls' || relation === 'step') {
            container = findContainer(ast.isPlatform);
            if (!container) return [];
            text = `capability ${name} { }`;
        } else if (relation === 'from') text = `actor ${name}`;
        else if (relation === 'overlay') text = `scenario ${name} { }`;
        else if (relation === 'load') text = `flow ${name} { }`;
        else if (relation === 'uses') text = `element ${name} : sales`;
        if (!text || (parts.length > 1 && !container)) return [];
        const close = container && GrammarUtils.findNodeForKeyword(container.$cstNode, '}');
        if (container && !close) return [];
        const at = close ? close.range.start : document.textDocument.positionAt(document.textDocument.getText().length);
        const newText = close
            ? `  ${text}\n`
            : `${document.textDocument.getText().endsWith('\n') ? '' : '\n'}${text}\n`;
        return [{
            title: `Create ${text.split(' ')[0]} '${name}'${container ? ` in ${container.name}` : ''}`,
            edits: [{ range: { start: at, end: at }, newText }],
        }];
    }

    private fixUnit(node: AstNode): Fix[] {
        const q = AstUtils.getContainerOfType(node, ast.isQuantity);
        if (!q?.$cstNode) return [];
        const numberText = GrammarUtils.findNodeForProperty(q.$cstNode, 'value')?.text ?? String(q.value);
        const dimension = EXPECTED_DIMENSION[q.$containerProperty ?? '']
            ?? (ast.isLoad(q.$container) ? 'rate' : undefined);
        const replace = (title: string, newText: string, preferred = false): Fix => ({
            title,
            preferred,
            edits: [{ range: q.$cstNode!.range, newText }],
        });
        const unit = q.unit ?? '';
        const fixes: Fix[] = [];
        const spaced = /^([kMB])(\/.+)?$/.exec(unit);
        if (spaced) fixes.push(replace(`Write '${numberText}${unit}'`, `${numberText}${unit}`, true));
        if (dimension === 'money') {
            if (isCurrencyCode(unit.toUpperCase())) {
                fixes.push(replace(`Change to '${unit.toUpperCase()}'`, `${numberText} ${unit.toUpperCase()}`, true));
            }
            const used = this.currenciesInUse();
            for (const c of [...used, ...['CNY', 'USD', 'EUR'].filter(c => !used.includes(c))]) {
                fixes.push(replace(`Use ${c}`, `${numberText} ${c}`, fixes.length === 0));
            }
        } else if (dimension === 'ratio' && !unit && q.value <= 1) {
            fixes.push(replace(`Write '${+(q.value * 100).toFixed(6)}%'`, `${+(q.value * 100).toFixed(6)}%`, true));
        } else if (dimension) {
            for (const u of UNIT_FIXES[dimension] ?? []) {
                fixes.push(replace(`Use '${numberText}${u}'`, `${numberText}${u}`, fixes.length === 0));
            }
        }
        return fixes;
    }

    private currenciesInUse(): string[] {
        const count = new Map<string, number>();
        for (const n of this.services.bos.WorkspaceModel.get().model.nodes) {
            for (const c of [n.cost?.amount.currency, n.budget?.amount.currency]) {
                if (c) count.set(c, (count.get(c) ?? 0) + 1);
            }
        }
        return [...count].sort((a, b) => b[1] - a[1]).map(([c]) => c);
    }

    /** Deletes the declaration with its whole lines when it stands on lines of its own. */
    private remove(document: LangiumDocument, node: AstNode): Fix[] {
        const decl = AstUtils.getContainerOfType(node, ast.isDeclaration);
        const cst = decl?.$cstNode;
        if (!decl || !cst) return [];
        const text = document.textDocument.getText();
        let start = cst.offset;
        let end = cst.end;
        const lineStart = text.lastIndexOf('\n', start - 1) + 1;
        const lineEnd = text.indexOf('\n', end);
        if (
            /^\s*$/.test(text.slice(lineStart, start))
            && /^\s*$/.test(text.slice(end, lineEnd < 0 ? text.length : lineEnd))
        ) {
            start = lineStart;
            end = lineEnd < 0 ? text.length : lineEnd + 1;
        }
        const range = { start: document.textDocument.positionAt(start), end: document.textDocument.positionAt(end) };
        return [{ title: `Remove unused ${decl.$type.toLowerCase()} '${decl.name}'`, edits: [{ range, newText: '' }] }];
    }
}
