// The analysis for people and programs: the JSON shape of cli.md (v2 adds the
// performance model of spec section 7), and text tables with bars (used by `bos
// analyze`, `bos export` and the editor's analysis command).
import { cells, charCells } from './cells.js';
import { bar, change, duration, factor, money, percent, rate, scaled } from './format.js';
import type { Analysis, FlowResult, Money, NodeLoad, ScenarioResult } from './scenario.js';

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

/** What the numbers rest on and leave out (spec section 7), said once under every analysis. */
export const QUEUEING_MODEL = 'queueing model: each node an M/M/k queue of an open network, solved on its own; '
    + "not modelled: a synchronous caller's thread waiting on its callee, parallel calls";

/** JSON has no Infinity or NaN: a number beyond what a double holds, or none, is null. */
export function finite(x: number | null | undefined): number | null {
    return typeof x === 'number' && Number.isFinite(x) ? x : null;
}

function moneyJson(m: Money | null): Money | null {
    return m && Number.isFinite(m.amount) ? m : null;
}

export function nodeJson(n: NodeLoad) {
    return {
        name: n.node.id!,
        layer: n.node.layer!,
        load: finite(n.load),
        capacity: finite(n.capacity),
        utilisation: finite(n.utilisation),
        status: n.status,
        latency: finite(n.latency),
        instances: finite(n.instances),
        servers: finite(n.servers),
        wait: finite(n.wait),
        responseTime: finite(n.responseTime),
        saturated: n.saturated,
    };
}

export function flowJson(f: FlowResult) {
    return {
        name: f.flow.id!,
        rate: finite(f.rate),
        latency: finite(f.latency),
        complete: f.complete,
        slo: finite(f.slo),
        status: f.status,
    };
}

export function scenarioJson(s: ScenarioResult) {
    return {
        name: s.scenario.id!,
        title: s.scenario.title ?? null,
        transactionsPerSecond: finite(s.transactionsPerSecond),
        saturation: finite(s.saturation),
        bottleneck: s.bottleneck?.id ?? null,
        nodes: s.nodes.map(nodeJson),
        flows: s.flows.map(flowJson),
        costPer10k: moneyJson(s.costPer10k),
        budget: moneyJson(s.budgetPer10k),
    };
}

export function analysisJson(analysis: Analysis, scenarios: readonly ScenarioResult[]) {
    return { scenarios: scenarios.map(scenarioJson), ...(analysis.skipped ? { note: analysis.skipped } : {}) };
}

/** A table cell: its text, and the colour it is painted in once padded. */
export type Cell = string | readonly [text: string, paint: (s: string) => string];

/**
 * Display width of a cell. string-width segments graphemes, some microseconds a call,
 * and a 10k model's report has 10⁵ cells with bars in them; without combining marks or
 * joiners (names are letters, digits and `_`; bars and signs single code points) the
 * width is the sum of each code point's, which `charCells` looks up once.
 */
function width(text: string): number {
    if (/[\p{M}\u200d]/u.test(text) || text.includes('\u001b')) return cells(text);
    let w = 0;
    for (const ch of text) w += charCells(ch);
    return w;
}

/**
 * Rows of cells, each column padded to its widest cell in terminal cells (a CJK name
 * takes two a character), two spaces apart; `right` lists the right-aligned columns.
 * Widths are measured before painting, so colour codes count for nothing.
 */
export function columns(rows: readonly (readonly Cell[])[], right: readonly number[], indent = '  '): string[] {
    const text = (cell: Cell) => (typeof cell === 'string' ? cell : cell[0]);
    const widths: number[] = [];
    const measured = rows.map(row =>
        row.map((cell, i) => {
            const w = width(text(cell));
            widths[i] = Math.max(widths[i] ?? 0, w);
            return w;
        })
    );
    return rows.map((row, r) => {
        const line = row.map((cell, i) => {
            const pad = ' '.repeat(widths[i] - measured[r][i]);
            const painted = typeof cell === 'string' ? cell : cell[1](cell[0]);
            return right.includes(i) ? pad + painted : painted + pad;
        });
        return (indent + line.join('  ')).trimEnd();
    });
}

/** The header row of a table, dimmed, and its body. */
function table(header: readonly string[], body: readonly (readonly Cell[])[], right: readonly number[], c: Colours) {
    const [head, ...rest] = columns([header, ...body], right);
    return [c.dim(head), ...rest];
}

export function analysisText(analysis: Analysis, scenarios: readonly ScenarioResult[], c: Colours): string {
    if (analysis.skipped) return c.yellow(`note: ${analysis.skipped}`) + '\n';
    if (scenarios.length === 0) return 'no scenarios to analyse\n';
    const out: string[] = [];
    for (const s of scenarios) {
        // Capacity and cost (spec section 5), then what the flows feel and how far loads can grow (section 7).
        out.push(scenarioTitle(s, c), ...nodeTable(s, c), costLine(s, c));
        out.push(...flowTable(s.flows, c), saturationLine(s, c), '');
    }
    out.push(...costComparison(scenarios, c), c.dim(QUEUEING_MODEL), '');
    return out.join('\n');
}

/** `tmall.scenarios.Double11Peak "双11零点峰值 (2020)"`, bold, then `detail`. */
export function scenarioHeading(s: ScenarioResult, detail: string, c: Colours): string {
    return c.bold(`${s.scenario.id}${s.scenario.title ? ` "${s.scenario.title}"` : ''}`) + `  ${detail}`;
}

function scenarioTitle(s: ScenarioResult, c: Colours): string {
    return scenarioHeading(s, `${rate(s.transactionsPerSecond)} transactions, headroom ${percent(s.headroom)}`, c);
}

export function statusColours(c: Colours) {
    return { ok: c.green, headroom: c.yellow, overload: c.red, unknown: c.dim } as const;
}

/**
 * Load, capacity, utilisation and status of every loaded node; with a time model
 * somewhere in the scenario, also its servers (instances × servers each, or one pool)
 * and response time R.
 */
function nodeTable(s: ScenarioResult, c: Colours): string[] {
    const paint = statusColours(c);
    const timed = s.nodes.some(n => n.latency !== null);
    const derived = s.nodes.some(n => n.derived);
    const header = ['node', 'load', 'capacity', 'util', '', 'status', ...(timed ? ['servers', 'R'] : [])];
    const rows = s.nodes.map((n): Cell[] => {
        const colour = paint[n.status];
        const row: Cell[] = [
            n.node.id!,
            rate(n.load),
            n.capacity === undefined ? '—' : `${rate(n.capacity)}${n.derived ? '*' : ''}`,
            n.utilisation === undefined ? '—' : percent(n.utilisation),
            [bar(n.utilisation ?? 0), colour],
            [n.status, colour],
        ];
        if (timed) {
            row.push(servers(n), n.saturated ? ['∞', c.red] : n.responseTime === null ? '—' : duration(n.responseTime));
        }
        return row;
    });
    const lines = table(header, rows, [1, 2, 3, ...(timed ? [6, 7] : [])], c);
    if (derived) lines.push(c.dim('  * derived capacity: instances × concurrency / latency'));
    return lines;
}

/** `1k×98`: instances × servers each; `90k`: one pooled queue; `delay`: a delay station (no queue). */
function servers(n: NodeLoad): string {
    if (n.servers === null) return n.latency === null ? '—' : 'delay';
    return n.instances === null ? scaled(n.servers) : `${scaled(n.instances)}×${scaled(n.servers)}`;
}

/** A flow's latency as text: `≥` when a visited node has no time model (R(F) counts only the others). */
export function flowLatency(f: FlowResult, c: Colours): Cell {
    if (f.saturated) return ['saturated', c.red];
    if (f.latency === null) return '—';
    return `${f.complete ? '' : '≥'}${duration(f.latency)}`;
}

export function flowColour(f: FlowResult, c: Colours): (s: string) => string {
    return f.status === 'ok' ? c.green : f.status === 'no-slo' ? c.dim : c.red;
}

/** Rate, latency, SLO and status of every loaded flow, with a bar of the latency against the SLO. */
function flowTable(flows: readonly FlowResult[], c: Colours): string[] {
    if (flows.length === 0) return [];
    const rows = flows.map((f): Cell[] => {
        const paint = flowColour(f, c);
        const fill = f.saturated ? 1 : f.slo !== null && f.latency !== null ? f.latency / f.slo : 0;
        return [
            f.flow.id!,
            rate(f.rate),
            flowLatency(f, c),
            f.slo === null ? '—' : duration(f.slo),
            [f.slo === null && !f.saturated ? '' : bar(fill), paint],
            [f.status, paint],
        ];
    });
    const lines = table(['flow', 'rate', 'latency', 'SLO', 'of SLO', 'status'], rows, [1, 2, 3], c);
    if (flows.some(f => !f.complete && f.latency !== null && !f.saturated)) {
        lines.push(c.dim('  ≥ a visited node has no latency: the flow takes at least this'));
    }
    return lines;
}

/** `saturation ×1.03 — bottleneck tmall.platforms.Business.PlaceOrder`: how far every load can grow. */
export function saturationLine(s: ScenarioResult, c: Colours): string {
    const star = s.saturation;
    if (star === null) return `  saturation — ${c.dim('(no loaded node has a capacity, or nothing is loaded)')}`;
    // Below 1 something is over capacity; below 1/(1 − headroom) something is within the headroom.
    const paint = star < 1 ? c.red : star * (1 - s.headroom) < 1 ? c.yellow : c.green;
    return `  saturation ${paint(factor(star))} — bottleneck ${s.bottleneck?.id ?? '—'}`;
}

function costLine(s: ScenarioResult, c: Colours): string {
    const cost = s.costPer10k ? money(s.costPer10k.amount, s.costPer10k.currency) : '—';
    const budget = s.budgetPer10k ? money(s.budgetPer10k.amount, s.budgetPer10k.currency) : '—';
    const line = `  cost per 10k transactions: ${cost}   budget: ${budget}`;
    if (!(s.costPer10k && s.budgetPer10k && s.budgetPer10k.amount > 0)) return line;
    const ratio = s.costPer10k.amount / s.budgetPer10k.amount;
    const paint = s.overBudget ? c.red : c.green;
    return `${line}   ${paint(bar(ratio))} ${paint(percent(ratio))} of budget`;
}

/**
 * Cost per 10k transactions side by side when several scenarios have one, each with its
 * change against the most expensive scenario of its currency (`−80%`).
 */
function costComparison(scenarios: readonly ScenarioResult[], c: Colours): string[] {
    const costed = scenarios.filter(s => s.costPer10k && Number.isFinite(s.costPer10k.amount));
    if (costed.length < 2) return [];
    const most = new Map<string, ScenarioResult>();
    for (const s of costed) {
        const top = most.get(s.costPer10k!.currency);
        if (!top || s.costPer10k!.amount > top.costPer10k!.amount) most.set(s.costPer10k!.currency, s);
    }
    const rows = costed.map((s): Cell[] => {
        const { amount, currency } = s.costPer10k!;
        const top = most.get(currency)!;
        const max = top.costPer10k!.amount;
        const against = top === s || !(max > 0) ? '' : `${change(amount / max - 1)} against ${top.scenario.name}`;
        return [s.scenario.id!, money(amount, currency), [bar(max > 0 ? amount / max : 0, 30), c.cyan], against];
    });
    return [c.bold('cost per 10k transactions by scenario'), ...columns(rows, [1]), ''];
}
