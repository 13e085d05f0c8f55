// The numbers of the current run in one line per flow: each flow's latency against its
// SLO as a bar, the scenario's s* and bottleneck, and its cost against the budget.
import { duration, factor, money, rate } from '../../analysis/format.js';
import type { ScenarioResult } from '../../analysis/scenario.js';
import type { ModelNode } from '../../model/model.js';
import { bar, el } from './dom.js';
import type { WhatIf } from './whatif.js';

/** `link` makes a flow's name a link to its details. */
export function summary(
    s: ScenarioResult | undefined,
    whatIf: WhatIf,
    link: (node: ModelNode) => HTMLElement,
): HTMLElement {
    if (!s) {
        const why = whatIf.analysis.skipped ?? 'no scenario: the boxes show no load';
        return el('p', { class: 'hint' }, why);
    }
    const changed = whatIf.scale !== 1 || whatIf.overrides.size > 0;
    const flows = s.flows.map(f => {
        const latency = f.latency === null ? (f.saturated ? 'saturated' : '—') : duration(f.latency);
        const fraction = f.saturated ? 1 : f.latency !== null && f.slo ? f.latency / f.slo : 0;
        const status = f.status === 'ok' ? 'ok' : f.status === 'no-slo' ? 'unknown' : 'overload';
        return el(
            'tr',
            { 'data-flow': f.flow.id! },
            el('td', {}, link(f.flow)),
            el('td', {}, rate(f.rate)),
            el('td', { class: `status-${f.status}` }, latency),
            el('td', {}, f.slo === null ? '' : `SLO ${duration(f.slo)}`),
            el('td', {}, f.slo === null ? '' : bar(fraction, status)),
        );
    });
    const bottleneck = s.bottleneck ? `bottleneck ${s.bottleneck.title ?? s.bottleneck.name}` : '';
    const saturation = s.saturation === null ? 'no capacity to saturate' : `s* ${factor(s.saturation)} ${bottleneck}`;
    const cost = s.costPer10k
        ? `cost ${money(s.costPer10k.amount, s.costPer10k.currency)} per 10k${
            s.budgetPer10k ? ` (budget ${money(s.budgetPer10k.amount, s.budgetPer10k.currency)})` : ''
        }`
        : '';
    return el(
        'div',
        {},
        el('span', { id: 'saturation' }, saturation),
        cost && el('span', { class: s.overBudget ? 'status-overload' : '' }, ` · ${cost}`),
        changed && el('span', { class: 'hint' }, ' · what-if (files unchanged)'),
        el('table', {}, ...flows),
    );
}
