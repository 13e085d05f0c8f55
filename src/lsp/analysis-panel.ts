// `bos/analysisPanel`: what the analysis panel shows, worked out here so that the panel
// only draws. Per scenario: every loaded node with a utilisation bar coloured by
// status, the cost per 10k against the budget, each flow's latency against its SLO,
// and the sweep (as `bos analyze --sweep` runs it) drawn as a chart with the knee.
import { duration, factor, money, percent, rate } from '../analysis/format.js';
import { statusOf } from '../analysis/scenario.js';
import type { FlowResult, ScenarioResult, Status } from '../analysis/scenario.js';
import { kneeOf, runSweep } from '../cli/sweep.js';
import { statusBar, sweepChart, type SweepSeries } from '../diagram/charts.js';
import type { ThemeName } from '../diagram/theme.js';
import type { WorkspaceResult } from '../services/workspace-model.js';
import { sourceOf } from './diagram-request.js';
import type { AnalysisPanelResult, PanelRow, PanelScenario } from './protocol.js';

/** Steps of each scenario's sweep: enough for a smooth line, few enough to be instant. */
const SWEEP_STEPS = 16;
/** Flows drawn in one chart: more lines than this cannot be told apart. */
const CHART_FLOWS = 4;

export function analysisPanel(result: WorkspaceResult, defaultHeadroom: number, theme: ThemeName): AnalysisPanelResult {
    const { analysis } = result;
    if (analysis.skipped) return { scenarios: [], note: analysis.skipped, sources: [] };
    if (!analysis.scenarios.length) {
        return { scenarios: [], note: 'The model has no scenario to analyse.', sources: [] };
    }
    const shown = new Set(analysis.scenarios.flatMap(s => s.nodes.map(l => l.node)));
    return {
        scenarios: analysis.scenarios.map((s, k) => scenarioOf(s, sweepOf(result, k, defaultHeadroom, theme), theme)),
        sources: [...shown].map(sourceOf),
    };
}

function scenarioOf(s: ScenarioResult, sweep: string | undefined, theme: ThemeName): PanelScenario {
    const summary = [
        `${rate(s.transactionsPerSecond)} transactions`,
        `headroom ${percent(s.headroom)}`,
        ...(s.saturation === null ? [] : [`s* ${factor(s.saturation)}`]),
        ...(s.bottleneck ? [`bottleneck ${s.bottleneck.title ?? s.bottleneck.name}`] : []),
    ].join(', ');
    const nodes = s.nodes.map((l): PanelRow => ({
        id: `n${l.node.index}`,
        name: l.node.id!,
        cells: [
            l.node.title ?? l.node.name,
            rate(l.load),
            l.capacity === undefined ? '—' : rate(l.capacity),
            l.responseTime === null ? (l.saturated ? '∞' : '—') : duration(l.responseTime),
        ],
        status: l.status,
        ...(l.utilisation === undefined
            ? {}
            : { bar: statusBar(l.utilisation, l.status, theme, percent(l.utilisation)) }),
    }));
    return {
        id: s.scenario.id!,
        title: s.scenario.title ?? s.scenario.name,
        summary,
        nodes,
        flows: s.flows.map(f => flowRow(f, theme)),
        ...costOf(s, theme),
        ...(sweep ? { sweep } : {}),
    };
}

function flowRow(f: FlowResult, theme: ThemeName): PanelRow {
    const status: Status = f.status === 'ok' ? 'ok' : f.status === 'no-slo' ? 'unknown' : 'overload';
    const latency = f.saturated
        ? 'saturated'
        : f.latency === null
        ? '—'
        : `${f.complete ? '' : '≥'}${duration(f.latency)}`;
    const fraction = f.saturated ? 1 : f.slo && f.latency !== null ? f.latency / f.slo : undefined;
    return {
        id: `n${f.flow.index}`,
        name: f.flow.id!,
        cells: [f.flow.title ?? f.flow.name, rate(f.rate), latency, f.slo === null ? '—' : duration(f.slo)],
        status: f.status,
        ...(fraction === undefined ? {} : { bar: statusBar(fraction, status, theme, `${percent(fraction)} of SLO`) }),
    };
}

function costOf(s: ScenarioResult, theme: ThemeName): Pick<PanelScenario, 'cost'> {
    const { costPer10k: cost, budgetPer10k: budget } = s;
    if (!cost) return {};
    const text = `${money(cost.amount, cost.currency)} per 10k transactions${
        budget ? `, budget ${money(budget.amount, budget.currency)}` : ''
    }`;
    if (!budget || !(budget.amount > 0) || budget.currency !== cost.currency) {
        return { cost: { text, over: s.overBudget } };
    }
    const ratio = cost.amount / budget.amount;
    const status = s.overBudget ? 'overload' : statusOf(ratio, s.headroom);
    return { cost: { text, over: s.overBudget, bar: statusBar(ratio, status, theme, `${percent(ratio)} of budget`) } };
}

/**
 * The k-th scenario swept from ×0.25 to a little past its s* (×1.5 at least, ×100 at
 * most; ×3 without one), as `bos analyze --sweep` would run it.
 */
function sweepOf(result: WorkspaceResult, k: number, defaultHeadroom: number, theme: ThemeName): string | undefined {
    const head = result.analysis.scenarios[k];
    const top = head.saturation === null ? 3 : Math.min(100, Math.max(1.5, Math.ceil(head.saturation * 12.5) / 10));
    const run = runSweep({
        model: result.model,
        facts: result.facts,
        plan: { from: 0.25, to: top, steps: SWEEP_STEPS },
        overrides: new Map(),
        defaultHeadroom,
        pick: a => [a.scenarios[k]],
    });
    const steps = run.steps.map(step => ({ scale: step.scale, s: step.scenarios[0] }));
    if (!steps.length || !head.flows.length) return undefined;
    const all = head.flows.map((f, j) => {
        const series = steps.map(step => step.s.flows[j]);
        return { flow: f, series, knee: kneeOf(series) };
    });
    // Those that bend first, then those with an SLO.
    const rank = (f: (typeof all)[number]) => (f.knee >= 0 ? f.knee : SWEEP_STEPS + (f.flow.slo === null ? 1 : 0));
    const kept = [...all].sort((a, b) => rank(a) - rank(b)).slice(0, CHART_FLOWS);
    const series: SweepSeries = {
        scales: steps.map(step => step.scale),
        bottleneck: steps.map(step => (step.s.saturation === null ? null : 1 / step.s.saturation)),
        bottleneckName: head.bottleneck ? head.bottleneck.title ?? head.bottleneck.name : undefined,
        flows: kept.map(f => ({
            name: f.flow.flow.title ?? f.flow.flow.name,
            latency: f.series.map(x => x.latency),
            saturated: f.series.map(x => x.saturated),
            slo: f.flow.slo,
        })),
        knee: kept[0].knee,
    };
    return sweepChart(
        series,
        theme,
        `${head.scenario.title ?? head.scenario.name}: latency and bottleneck against load`,
    );
}
