// The one line that says what a change does: `+3 −1 ~2 declarations · 1 new error ·
// Double11Peak cost 0.10 → 0.12 CNY per 10k (+20%) · PolarDB 71% → 94%`. The text and
// the Markdown both start with it.
import type { ModelDiff } from './diff.js';
import { costPair, durationPair, factorPair, percentPair, plural, shortName } from './numbers.js';
import type { Delta } from './scenarios.js';

const SHOWN_COSTS = 2;

/** The change of largest size among `items`, by `size`, when any has both sides. */
function largest<T>(items: readonly T[], size: (t: T) => number | undefined): T | undefined {
    let best: T | undefined, most = 0;
    for (const t of items) {
        const s = size(t);
        if (s !== undefined && s > most) [best, most] = [t, s];
    }
    return best;
}

/** The change when both sides have a number. */
function both(d: Delta<number>): { before: number; after: number } | undefined {
    return d.before === null || d.after === null ? undefined : { before: d.before, after: d.after };
}

export function summaryParts(diff: ModelDiff): string[] {
    const parts: string[] = [];
    const { added, removed, renamed, changed } = diff.declarations;
    const touched = changed.length + renamed.length;
    if (added.length || removed.length || touched) {
        const renames = renamed.length ? ` (${renamed.length} renamed)` : '';
        parts.push(`+${added.length} −${removed.length} ~${touched} declarations${renames}`);
    }
    const introduced = (severity: string) => diff.findings.introduced.filter(f => f.severity === severity).length;
    for (const severity of ['error', 'warning', 'info']) {
        const n = introduced(severity);
        if (n) parts.push(plural(n, `new ${severity}`));
    }
    if (diff.findings.resolved.length) parts.push(`${plural(diff.findings.resolved.length, 'finding')} resolved`);
    const costs = diff.scenarios.filter(s => s.costPer10k?.before && s.costPer10k.after);
    for (const s of costs.slice(0, SHOWN_COSTS)) {
        const cost = costPair(s.costPer10k!);
        parts.push(`${shortName(s.name)} cost ${cost.text} per 10k${cost.change ? ` (${cost.change})` : ''}`);
    }
    if (costs.length > SHOWN_COSTS) parts.push(`${costs.length - SHOWN_COSTS} more costs changed`);
    const several = diff.scenarios.length > 1;
    const inScenario = (name: string) => (several ? ` in ${shortName(name)}` : '');
    const saturations = diff.scenarios.filter(s => s.saturation && both(s.saturation));
    const s = largest(saturations, x => Math.abs(Math.log(x.saturation!.after! / x.saturation!.before!)));
    if (s) parts.push(`${shortName(s.name)} s* ${factorPair(s.saturation!).join(' → ')}`);
    const nodes = diff.scenarios.flatMap(x => x.nodes.map(n => ({ n, in: x.name })));
    const node = largest(nodes, ({ n }) => {
        const d = both(n.utilisation);
        return d && Math.abs(d.after - d.before);
    });
    if (node) {
        parts.push(`${shortName(node.n.name)} ${percentPair(node.n.utilisation).join(' → ')}${inScenario(node.in)}`);
    }
    const flows = diff.scenarios.flatMap(x => x.flows.map(f => ({ f, in: x.name })));
    const flow = largest(flows, ({ f }) => {
        const d = both(f.latency);
        return d && Math.abs(Math.log(d.after / d.before));
    });
    if (flow) parts.push(`${shortName(flow.f.name)} ${durationPair(flow.f.latency).join(' → ')}${inScenario(flow.in)}`);
    if (diff.baseSyntaxErrors) parts.push(`the base has ${plural(diff.baseSyntaxErrors, 'syntax error')}`);
    return parts.length ? parts : ['no semantic change'];
}

export function summaryLine(diff: ModelDiff): string {
    return summaryParts(diff).join(' · ');
}
