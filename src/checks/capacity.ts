// bos/overload, bos/headroom, bos/no-capacity, bos/over-budget, bos/currency: the
// scenario analysis seen as findings, one per scenario and node. A capacity derived from
// instances × concurrency / latency (spec section 7) has no line of its own: its
// findings point at the node's name. Each says in `data` which scenario and node, and
// the capacity that would keep the load under the headroom line.
import { money, percent, rate } from '../analysis/format.js';
import type { Analysis } from '../analysis/scenario.js';
import { atName, type Finding, finding, label } from './finding.js';

/** Data reaches the editor as JSON: no Infinity or NaN. */
const finite = (x: number) => (Number.isFinite(x) ? x : null);

export function checkCapacity(analysis: Analysis): Finding[] {
    const out: Finding[] = [];
    for (const s of analysis.scenarios) {
        const scenario = label(s.scenario);
        for (const n of s.flagged) {
            const what = `${n.node.keyword} ${label(n.node)}`;
            const capacityLine = n.derived ? atName(n.node) : { node: n.node.source, property: 'capacity', index: 0 };
            const derived = n.derived ? 'derived ' : '';
            const data = {
                scenario: s.scenario.id,
                node: n.node.id,
                load: finite(n.load),
                capacity: n.capacity ?? null,
                needed: s.headroom < 1 ? finite(n.load / (1 - s.headroom)) : null,
            };
            // A capacity with the wrong unit already has its bos/unit error.
            if (n.status === 'unknown' && !n.node.capacity) {
                out.push(
                    finding(
                        'bos/no-capacity',
                        `${what} carries ${rate(n.load)} in ${scenario} but declares no capacity`,
                        atName(n.node),
                        undefined,
                        data,
                    ),
                );
            } else if (n.status === 'overload') {
                out.push(
                    finding(
                        'bos/overload',
                        `${scenario} overloads ${what}: load ${rate(n.load)} on ${derived}capacity ${
                            rate(n.capacity!)
                        } is ${percent(n.utilisation!)}`,
                        capacityLine,
                        undefined,
                        data,
                    ),
                );
            } else if (n.status === 'headroom') {
                out.push(
                    finding(
                        'bos/headroom',
                        `${scenario} loads ${what} to ${percent(n.utilisation!)} (${rate(n.load)} of ${
                            derived && 'derived capacity '
                        }${rate(n.capacity!)}), above the ${percent(1 - s.headroom)} headroom line`,
                        capacityLine,
                        undefined,
                        data,
                    ),
                );
            }
        }
        if (s.currencies.length > 1) {
            out.push(
                finding(
                    'bos/currency',
                    `${scenario} reaches costs and a budget in more than one currency: ${s.currencies.join(', ')}`,
                    atName(s.scenario),
                ),
            );
        }
        if (s.overBudget) {
            out.push(
                finding(
                    'bos/over-budget',
                    `${scenario} costs ${
                        money(s.costPer10k!.amount, s.costPer10k!.currency)
                    } per 10k transactions, over its budget of ${
                        money(s.budgetPer10k!.amount, s.budgetPer10k!.currency)
                    }`,
                    { node: s.scenario.source, property: 'budget', index: 0 },
                ),
            );
        }
    }
    return out;
}
