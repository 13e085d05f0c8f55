// `--fail-on`: the conditions of a diff that fail a pull request, each with the line that
// says why. Only what got worse counts: an error or warning introduced, a cost per 10k
// that rose, a flow's latency that rose (or became unbounded), an s* that fell.
import type { ModelDiff } from './diff.js';
import { costPair, durationPair, factorPair, plural } from './numbers.js';
import type { FlowChange, ScenarioChange } from './scenarios.js';

export const FAIL_ON = ['errors', 'warnings', 'cost', 'latency', 'saturation'] as const;
export type FailOn = (typeof FAIL_ON)[number];

function rose(f: FlowChange): boolean {
    const { before, after } = f.latency;
    if (before === null) return false;
    return after === null ? f.status.after === 'saturated' : after > before;
}

/** Where in each scenario a condition holds, described; the first few, then how many more. */
function where<T>(
    scenarios: readonly ScenarioChange[],
    pick: (s: ScenarioChange) => T[],
    say: (t: T, s: string) => string,
) {
    const all = scenarios.flatMap(s => pick(s).map(t => say(t, s.name)));
    return all.length > 3 ? [...all.slice(0, 3), `${all.length - 3} more`] : all;
}

/** One line per condition that holds, in the order asked. */
export function failures(diff: ModelDiff, conditions: readonly FailOn[]): string[] {
    const out: string[] = [];
    const introduced = (severity: string) => diff.findings.introduced.filter(f => f.severity === severity).length;
    for (const condition of new Set(conditions)) {
        let found: string[] = [];
        if (condition === 'errors' || condition === 'warnings') {
            const n = introduced(condition.slice(0, -1));
            if (n) found = [`${plural(n, condition.slice(0, -1))} introduced`];
        } else if (condition === 'cost') {
            found = where(diff.scenarios, s => {
                const c = s.costPer10k;
                const up = c?.before && c.after && c.before.currency === c.after.currency
                    && c.after.amount > c.before.amount;
                return up ? [c] : [];
            }, (c, s) => `${s} costs ${costPair(c).text} per 10k`);
        } else if (condition === 'latency') {
            found = where(diff.scenarios, s => s.flows.filter(rose), (f, s) => {
                const [b, a] = durationPair(f.latency);
                return `flow ${f.name} takes ${b} → ${f.latency.after === null ? 'unbounded (saturated)' : a} in ${s}`;
            });
        } else {
            found = where(diff.scenarios, s => {
                const d = s.saturation;
                return d && d.before !== null && d.after !== null && d.after < d.before ? [d] : [];
            }, (d, s) => `${s} saturates sooner: s* ${factorPair(d).join(' → ')}`);
        }
        if (found.length) out.push(`${condition}: ${found.join('; ')}`);
    }
    return out;
}
