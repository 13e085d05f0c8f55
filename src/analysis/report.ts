// The analysis for people and programs: the JSON shape of cli.md, and a text table with
// utilisation bars (used by `bos analyze` and the editor's analysis command).
import { padEndCells, padStartCells, widestCells } from './cells.js';
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
        const name = widestCells(s.nodes.map(n => n.node.id!), 4);
        out.push(c.dim(nodeRow(name, ['node', 'load', 'capacity', 'util', '', 'status'])));
        for (const n of s.nodes) {
            const paint = colourOf[n.status];
            out.push(nodeRow(name, [
                n.node.id!,
                rate(n.load),
                n.capacity === undefined ? '—' : rate(n.capacity),
                n.utilisation === undefined ? '—' : percent(n.utilisation),
                paint(bar(n.utilisation ?? 0)),
                paint(n.status),
            ]));
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

/** One row of a scenario's node table: node, load, capacity, util, bar, status; `name` is the node column's width. */
function nodeRow(name: number, [node, load, capacity, util, bars, status]: readonly string[]): string {
    return `  ${padEndCells(node, name)}  ${padStartCells(load, 9)}  ${padStartCells(capacity, 9)}  ${
        padStartCells(util, 7)
    }  ${padEndCells(bars, 10)}  ${status}`;
}

/** Cost per 10k transactions side by side, when several scenarios have one. */
function costComparison(scenarios: readonly ScenarioResult[], c: Colours): string[] {
    const costed = scenarios.filter(s => s.costPer10k);
    if (costed.length < 2) return [];
    const max = costed.reduce((m, s) => Math.max(m, s.costPer10k!.amount), 0);
    const name = widestCells(costed.map(s => s.scenario.id!));
    return [
        c.bold('cost per 10k transactions by scenario'),
        ...costed.map(s =>
            `  ${padEndCells(s.scenario.id!, name)}  ${
                padStartCells(money(s.costPer10k!.amount, s.costPer10k!.currency), 12)
            }  `
            + c.cyan(bar(max > 0 ? s.costPer10k!.amount / max : 0, 30).trimEnd())
        ),
        '',
    ];
}
