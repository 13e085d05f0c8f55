// The analysis for people and programs: the JSON shape of cli.md, and a text table with
// utilisation bars (used by `bos analyze` and the editor's analysis command).
import { bar, money, percent, rate } from './format.js';
import type { Analysis, ScenarioResult } from './scenario.js';

/** Styling hooks; identity functions give plain text. */
export interface Colours {
    bold(s: string): string;
    dim(s: string): string;
    red(s: string): string;
    green(s: string): string;
    yellow(s: string): string;
    cyan(s: string): string;
}

const same = (s: string) => s;
export const PLAIN: Colours = { bold: same, dim: same, red: same, green: same, yellow: same, cyan: same };

export function scenarioJson(s: ScenarioResult) {
    return {
        name: s.scenario.id!,
        title: s.scenario.title ?? null,
        transactionsPerSecond: s.transactionsPerSecond,
        nodes: s.nodes.map(n => ({
            name: n.node.id!,
            layer: n.node.layer!,
            load: n.load,
            capacity: n.capacity ?? null,
            utilisation: n.utilisation ?? null,
            status: n.status,
        })),
        costPer10k: s.costPer10k,
        budget: s.budgetPer10k,
    };
}

export function analysisJson(analysis: Analysis, scenarios: readonly ScenarioResult[]) {
    return { scenarios: scenarios.map(scenarioJson), ...(analysis.skipped ? { note: analysis.skipped } : {}) };
}

export function analysisText(analysis: Analysis, scenarios: readonly ScenarioResult[], c: Colours): string {
    if (analysis.skipped) return c.yellow(`note: ${analysis.skipped}`) + '\n';
    if (scenarios.length === 0) return 'no scenarios to analyse\n';
    const colourOf = { ok: c.green, headroom: c.yellow, overload: c.red, unknown: c.dim } as const;
    const out: string[] = [];
    for (const s of scenarios) {
        out.push(
            c.bold(`${s.scenario.id}${s.scenario.title ? ` "${s.scenario.title}"` : ''}`)
                + `  ${rate(s.transactionsPerSecond)} transactions, headroom ${percent(s.headroom)}`,
        );
        const name = s.nodes.reduce((m, n) => Math.max(m, n.node.id!.length), 4);
        out.push(
            c.dim(
                `  ${'node'.padEnd(name)}  ${'load'.padStart(9)}  ${'capacity'.padStart(9)}  ${'util'.padStart(7)}  ${
                    ''.padEnd(10)
                }  status`,
            ),
        );
        for (const n of s.nodes) {
            const paint = colourOf[n.status];
            out.push(
                `  ${n.node.id!.padEnd(name)}  ${rate(n.load).padStart(9)}  ${
                    (n.capacity === undefined ? '—' : rate(n.capacity)).padStart(9)
                }  `
                    + `${(n.utilisation === undefined ? '—' : percent(n.utilisation)).padStart(7)}  ${
                        paint(bar(n.utilisation ?? 0))
                    }  ${paint(n.status)}`,
            );
        }
        const cost = s.costPer10k ? money(s.costPer10k.amount, s.costPer10k.currency) : '—';
        const budget = s.budgetPer10k ? money(s.budgetPer10k.amount, s.budgetPer10k.currency) : '—';
        const costLine = `  cost per 10k transactions: ${cost}   budget: ${budget}`;
        if (s.costPer10k && s.budgetPer10k && s.budgetPer10k.amount > 0) {
            const ratio = s.costPer10k.amount / s.budgetPer10k.amount;
            const paint = s.overBudget ? c.red : c.green;
            out.push(`${costLine}   ${paint(bar(ratio))} ${paint(percent(ratio))} of budget`);
        } else out.push(costLine);
        out.push('');
    }
    out.push(...costComparison(scenarios, c));
    return out.join('\n');
}

/** Cost per 10k transactions side by side, when several scenarios have one. */
function costComparison(scenarios: readonly ScenarioResult[], c: Colours): string[] {
    const costed = scenarios.filter(s => s.costPer10k);
    if (costed.length < 2) return [];
    const max = costed.reduce((m, s) => Math.max(m, s.costPer10k!.amount), 0);
    const name = costed.reduce((m, s) => Math.max(m, s.scenario.id!.length), 0);
    return [
        c.bold('cost per 10k transactions by scenario'),
        ...costed.map(s =>
            `  ${s.scenario.id!.padEnd(name)}  ${money(s.costPer10k!.amount, s.costPer10k!.currency).padStart(12)}  `
            + c.cyan(bar(max > 0 ? s.costPer10k!.amount / max : 0, 30).trimEnd())
        ),
        '',
    ];
}
