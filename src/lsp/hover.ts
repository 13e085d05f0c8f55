// Hover: what a declaration is (title, layer, kind, description) and, for capabilities
// and resources, its load, capacity and utilisation in every scenario.
import type { AstNode } from 'langium';
import { AstNodeHoverProvider } from 'langium/lsp';
import { money, percent, rate } from '../analysis/format.js';
import { isDeclaration } from '../language/generated/ast.js';
import type { BosServices } from '../services/bos-module.js';

const STATUS_ICON = { ok: '🟢', headroom: '🟡', overload: '🔴', unknown: '⚪' } as const;

/** Markdown-safe text: model titles and descriptions are user text. */
function escape(text: string): string {
    return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, c => `\\${c}`);
}

export class BosHoverProvider extends AstNodeHoverProvider {
    private readonly bos: BosServices;

    constructor(services: BosServices) {
        super(services);
        this.bos = services;
    }

    protected getAstNodeHoverContent(node: AstNode): string | undefined {
        if (!isDeclaration(node)) return undefined;
        const result = this.bos.bos.WorkspaceModel.get();
        const n = result.model.byAst.get(node);
        if (!n) return undefined;
        const lines = [`**${n.keyword}** \`${n.id ?? n.name}\`${n.title ? ` — ${escape(n.title)}` : ''}`, ''];
        const facts = [
            n.layer && `layer: ${n.layer}`,
            n.kind && `kind: ${escape(n.kind)}`,
            n.owner && `owner: ${escape(n.owner)}`,
        ]
            .filter(Boolean);
        if (facts.length) lines.push(facts.join(' · '), '');
        if (n.description) lines.push(escape(n.description), '');
        if (n.keyword === 'scenario') {
            const s = result.analysis.scenarios.find(x => x.scenario === n);
            if (result.analysis.skipped) lines.push(`_${escape(result.analysis.skipped)}_`);
            else if (s) {
                const count = (status: string) => s.nodes.filter(x => x.status === status).length;
                lines.push(
                    `${rate(s.transactionsPerSecond)} transactions · headroom ${percent(s.headroom)}`,
                    '',
                    `cost per 10k transactions: ${
                        s.costPer10k ? money(s.costPer10k.amount, s.costPer10k.currency) : '—'
                    }`
                        + ` · budget: ${s.budgetPer10k ? money(s.budgetPer10k.amount, s.budgetPer10k.currency) : '—'}`,
                    '',
                    `${s.nodes.length} loaded · 🔴 ${count('overload')} overloaded · 🟡 ${
                        count('headroom')
                    } within headroom · ⚪ ${count('unknown')} without capacity`,
                );
            }
        }
        if (n.keyword === 'capability' || n.keyword === 'resource') {
            const loads = result.loads.get(n) ?? [];
            if (result.analysis.skipped) lines.push(`_${escape(result.analysis.skipped)}_`);
            else if (loads.length === 0) {
                lines.push(
                    `_No scenario loads it._${
                        n.capacity?.base !== undefined ? ` Capacity ${rate(n.capacity.base)}.` : ''
                    }`,
                );
            } else {
                lines.push('| scenario | load | capacity | utilisation | |', '| --- | ---: | ---: | ---: | --- |');
                for (const { scenario, load } of loads) {
                    lines.push(
                        `| ${escape(scenario.scenario.title ?? scenario.scenario.name)} | ${rate(load.load)} | ${
                            load.capacity === undefined ? '—' : rate(load.capacity)
                        } | `
                            + `${load.utilisation === undefined ? '—' : percent(load.utilisation)} | ${
                                STATUS_ICON[load.status]
                            } ${load.status} |`,
                    );
                }
            }
        }
        return lines.join('\n').trim();
    }
}
