// `bos analyze --sweep FROM..TO --steps N`: the analysis at each scale of every load,
// and per scale the bottleneck's utilisation, s* and every flow's latency (cli.md).
// The model and its facts are made once; each step is one run of the analysis over
// them, which redoes only per-node arithmetic (analysis/scenario.ts).
import { bar, duration, factor, percent } from '../analysis/format.js';
import {
    type Cell,
    type Colours,
    columns,
    finite,
    flowColour,
    flowJson,
    flowLatency,
    scenarioHeading,
    statusColours,
} from '../analysis/report.js';
import {
    analyse,
    type Analysis,
    type FlowResult,
    type Overrides,
    type ScenarioResult,
    statusOf,
} from '../analysis/scenario.js';
import type { ModelFacts } from '../model/graph.js';
import type { BosModel } from '../model/model.js';
import type { SweepPlan } from './what-if.js';

export interface SweepStep {
    scale: number;
    scenarios: ScenarioResult[];
}

export interface Sweep {
    /** Why nothing was analysed (a dependency cycle), if so. */
    skipped?: string;
    steps: SweepStep[];
}

/** FROM, …, TO in `steps` even steps; rounded so that 0.1 steps print as 0.6, not 0.6000000000000001. */
export function scalesOf({ from, to, steps }: SweepPlan): number[] {
    return Array.from({ length: steps }, (_, i) => Number((from + ((to - from) * i) / (steps - 1)).toPrecision(12)));
}

export interface SweepRun {
    model: BosModel;
    facts: ModelFacts;
    plan: SweepPlan;
    overrides: Overrides;
    defaultHeadroom: number;
    /** The scenarios to show, out of each step's analysis (`--scenario`). */
    pick(analysis: Analysis): ScenarioResult[];
}

export function runSweep(run: SweepRun): Sweep {
    const steps: SweepStep[] = [];
    let skipped: string | undefined;
    for (const scale of scalesOf(run.plan)) {
        const analysis = analyse(run.model, run.facts, {
            scale,
            overrides: run.overrides,
            defaultHeadroom: run.defaultHeadroom,
        });
        skipped = analysis.skipped;
        if (skipped) break;
        steps.push({ scale, scenarios: run.pick(analysis) });
    }
    return skipped ? { skipped, steps: [] } : { steps };
}

/** The bottleneck's utilisation, 1/s* by definition of s*; Infinity when s* is 0, null without one. */
function bottleneckUtilisation(s: ScenarioResult): number | null {
    return s.saturation === null ? null : 1 / s.saturation;
}

export function sweepJson(sweep: Sweep) {
    return {
        sweep: sweep.steps.map(step => ({
            scale: step.scale,
            scenarios: step.scenarios.map(s => ({
                name: s.scenario.id!,
                transactionsPerSecond: finite(s.transactionsPerSecond),
                saturation: finite(s.saturation),
                bottleneck: s.bottleneck?.id ?? null,
                bottleneckUtilisation: finite(bottleneckUtilisation(s)),
                flows: s.flows.map(flowJson),
            })),
        })),
        ...(sweep.skipped ? { note: sweep.skipped } : {}),
    };
}

interface Point {
    latency: number | null;
    saturated: boolean;
}

/**
 * Where a flow's latency bends upward: the first step whose rise over the step before is
 * more than twice the first step's rise and more than 1% of the latency at FROM (so that
 * a flat curve's rounding-sized rises are no knee), or the first saturated step if that
 * comes sooner; -1 when neither happens.
 */
export function kneeOf(points: readonly Point[]): number {
    const l0 = points[0]?.latency ?? null, l1 = points[1]?.latency ?? null;
    const first = l0 !== null && l1 !== null ? Math.max(0, l1 - l0) : NaN;
    for (let i = 0; i < points.length; i++) {
        if (points[i].saturated) return i;
        const now = points[i].latency, before = i >= 2 ? points[i - 1].latency : null;
        if (now === null || before === null || Number.isNaN(first)) continue;
        const rise = now - before;
        if (rise > 2 * first && rise > KNEE_RISE * l0!) return i;
    }
    return -1;
}

/** The smallest rise, as a fraction of the latency at FROM, that counts as a bend. */
const KNEE_RISE = 0.01;

/** Per scenario: a row per scale with the bottleneck's utilisation, s*, every flow's latency and a latency bar. */
export function sweepText(sweep: Sweep, c: Colours): string {
    if (sweep.skipped) return c.yellow(`note: ${sweep.skipped}`) + '\n';
    const first = sweep.steps[0];
    if (!first || first.scenarios.length === 0) return 'no scenarios to analyse\n';
    const out: string[] = [];
    first.scenarios.forEach((_, k) => {
        out.push(
            ...scenarioSweep(sweep.steps.map(step => ({ scale: step.scale, scenario: step.scenarios[k] })), c),
            '',
        );
    });
    return out.join('\n');
}

/** More flows than this would make the table too wide to read: the first that bend, then those with an SLO. */
const MOST_FLOWS = 6;

function scenarioSweep(rows: readonly { scale: number; scenario: ScenarioResult }[], c: Colours): string[] {
    const head = rows[0].scenario;
    const bottleneck = rows.find(r => r.scenario.bottleneck)?.scenario.bottleneck?.id;
    const all = head.flows.map((f, j) => ({ flow: f.flow, series: rows.map(r => r.scenario.flows[j]) }))
        .map(f => ({ ...f, knee: kneeOf(f.series) }));
    const rank = (f: (typeof all)[number]) => (f.knee >= 0 ? f.knee : rows.length + (f.series[0].slo !== null ? 0 : 1));
    const kept = new Set([...all].sort((a, b) => rank(a) - rank(b)).slice(0, MOST_FLOWS));
    const shownFlows = all.filter(f => kept.has(f));
    const flows = shownFlows.map(f => f.flow);
    const series = shownFlows.map(f => f.series);
    const knees = shownFlows.map(f => f.knee);
    // The bar follows the flow that bends first (ties: the first by name), else the first with an SLO.
    const bends = knees.map((k, j) => ({ k, j })).filter(x => x.k >= 0).sort((a, b) => a.k - b.k)[0];
    const watched = bends?.j ?? Math.max(0, series.findIndex(s => s[0].slo !== null));
    const shown = series[watched] ?? [];
    const slo = shown[0]?.slo ?? null;
    const largest = Math.max(0, ...shown.map(f => (f.latency === null ? 0 : f.latency)));
    const label = (j: number) => {
        const name = flows[j].name;
        return flows.some((f, i) => i !== j && f.name === name) ? flows[j].id! : name;
    };
    const paint = statusColours(c);
    const body = rows.map((r, i): Cell[] => {
        const s = r.scenario;
        const u = bottleneckUtilisation(s);
        const f: FlowResult | undefined = shown[i];
        const fill = !f ? 0 : f.saturated ? 1 : f.latency === null ? 0 : f.latency / (slo ?? (largest || 1));
        return [
            factor(r.scale),
            u === null ? '—' : [Number.isFinite(u) ? percent(u) : '∞', paint[statusOf(u, s.headroom)]],
            s.saturation === null ? '—' : factor(s.saturation),
            ...series.map(list => flowLatency(list[i], c)),
            ...(f ? [[bar(fill) + (i === knees[watched] ? ' ◀ knee' : ''), flowColour(f, c)] as const] : []),
        ];
    });
    const against = !shown.length ? '' : slo !== null ? `${label(watched)} / SLO ${duration(slo)}` : label(watched);
    const header = ['scale', 'bottleneck', 's*', ...flows.map((_, j) => label(j)), against];
    const right = [0, 1, 2, ...flows.map((_, j) => 3 + j)];
    const [top, ...lines] = columns([header, ...body], right);
    const knee = flows.map((_, j) => `${label(j)} ${knees[j] < 0 ? '—' : factor(rows[knees[j]].scale)}`).join(', ');
    const rule = 'the first step that rises more than twice the first step did and over 1% of the first latency, '
        + 'or saturates';
    return [
        scenarioHeading(
            head,
            `every load ${factor(rows[0].scale)} to ${factor(rows[rows.length - 1].scale)}, headroom ${
                percent(head.headroom)
            }; bottleneck ${bottleneck ?? '—'}`,
            c,
        ),
        c.dim(top),
        ...lines,
        ...(flows.length ? [c.dim(`  knee: ${knee} (${rule})`)] : []),
        ...(all.length > flows.length
            ? [c.dim(`  ${all.length - flows.length} more flows not shown; --format json has every one`)]
            : []),
    ];
}
