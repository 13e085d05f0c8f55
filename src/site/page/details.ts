// The details panel of one declaration: what it is, its properties, its numbers in
// every scenario of the current run, what it uses and what uses it, and the what-if
// inputs of a capability or resource.
import { duration, percent, rate } from '../../analysis/format.js';
import { type Analysis, type Tunable, TUNABLES } from '../../analysis/scenario.js';
import type { BosModel, Measure, ModelNode } from '../../model/model.js';
import { QUANTITY_PROPERTIES } from '../../model/properties.js';
import { bar, el } from './dom.js';

/** What a what-if input is typed in, and the factor to the analysis' base unit. */
const INPUT_UNIT: Readonly<Record<Tunable, { unit: string; toBase: number }>> = {
    capacity: { unit: '/s', toBase: 1 },
    latency: { unit: 'ms', toBase: 1e-3 },
    instances: { unit: '', toBase: 1 },
    concurrency: { unit: '', toBase: 1 },
};

export interface DetailsContext {
    model: BosModel;
    analysis: Analysis;
    /** Overridden values, in base units. */
    overrides: ReadonlyMap<ModelNode, Partial<Record<Tunable, number>>>;
    onSet(node: ModelNode, property: Tunable, value: number | undefined): void;
    link(node: ModelNode): HTMLElement;
    /** A link to the node's focus page or a flow's sequence page, when the site has one. */
    drill(node: ModelNode): HTMLElement | undefined;
}

function dependents(model: BosModel, node: ModelNode): ModelNode[] {
    const out = new Set<ModelNode>();
    for (const n of model.nodes) for (const d of n.deps) if (d.target === node && d.holder !== node) out.add(n);
    return [...out];
}

/** A quantity in the language's own notation (`650k/s`, `150ms`, `20%`); as written when its unit did not fit. */
function written(m: Measure): string {
    if (m.base === undefined) return `${m.value}${m.unit ?? ''}`;
    if (m.expected === 'rate') return rate(m.base);
    if (m.expected === 'duration') return duration(m.base);
    if (m.expected === 'ratio') return percent(m.base);
    return String(m.base);
}

function properties(node: ModelNode): HTMLElement {
    const rows: [string, string][] = [
        ['kind', `${node.keyword}${node.kind ? ` : ${node.kind}` : ''}`],
        ...(node.owner ? [['owner', node.owner] as [string, string]] : []),
        ...(node.description ? [['description', node.description] as [string, string]] : []),
        ...(node.tags.length ? [['tags', node.tags.join(', ')] as [string, string]] : []),
        ...(node.region ? [['region', node.region] as [string, string]] : []),
    ];
    for (const p of QUANTITY_PROPERTIES) {
        const m = node[p];
        if (m) rows.push([p, written(m)]);
    }
    for (const p of ['cost', 'budget'] as const) {
        const price = node[p];
        if (price) rows.push([p, `${price.amount.value} ${price.amount.unit ?? ''} per ${price.per}`]);
    }
    return el('dl', {}, ...rows.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
}

/** A flow's latency against its SLO in every scenario that loads it. */
function flowNumbers(node: ModelNode, analysis: Analysis): HTMLElement[] {
    return analysis.scenarios.flatMap(s => {
        const f = s.flows.find(x => x.flow === node);
        if (!f) return [];
        const latency = f.latency === null ? (f.saturated ? 'saturated' : '—') : duration(f.latency);
        return [el(
            'tr',
            {},
            el('td', {}, s.scenario.title ?? s.scenario.name),
            el('td', {}, rate(f.rate)),
            el('td', { class: `status-${f.status}`, title: f.status }, latency),
            el('td', {}, f.slo === null ? '' : `SLO ${duration(f.slo)}`),
        )];
    });
}

function numbers(node: ModelNode, analysis: Analysis): HTMLElement | undefined {
    if (node.keyword === 'flow') {
        const rows = flowNumbers(node, analysis);
        return rows.length ? el('table', { class: 'numbers' }, ...rows) : undefined;
    }
    const rows = analysis.scenarios.flatMap(s => {
        const l = s.nodes.find(x => x.node === node);
        if (!l) return [];
        return [el(
            'tr',
            {},
            el('td', {}, s.scenario.title ?? s.scenario.name),
            el('td', {}, rate(l.load)),
            el(
                'td',
                { class: `status-${l.status}`, title: l.status },
                l.utilisation === undefined ? '—' : percent(l.utilisation),
            ),
            el('td', {}, l.utilisation === undefined ? '' : bar(l.utilisation, l.status)),
            el('td', {}, l.responseTime === null ? (l.saturated ? 'saturated' : '') : `R ${duration(l.responseTime)}`),
        )];
    });
    if (!rows.length) return undefined;
    return el('table', { class: 'numbers' }, ...rows);
}

function whatIfInputs(node: ModelNode, ctx: DetailsContext): HTMLElement {
    const set = ctx.overrides.get(node) ?? {};
    const inputs = TUNABLES.map(p => {
        const { unit, toBase } = INPUT_UNIT[p];
        const declared = node[p]?.base;
        const input = el('input', {
            type: 'number',
            min: '0',
            step: 'any',
            name: p,
            'data-whatif': p,
            placeholder: declared === undefined ? 'not declared' : String(declared / toBase),
        });
        if (set[p] !== undefined) input.value = String(set[p] / toBase);
        input.addEventListener('change', () => {
            const v = input.value.trim() === '' ? undefined : Number(input.value) * toBase;
            ctx.onSet(node, p, v !== undefined && Number.isFinite(v) && v > 0 ? v : undefined);
        });
        return el('label', {}, `${p} `, input, unit ? ` ${unit}` : '');
    });
    return el('fieldset', { class: 'whatif' }, el('legend', {}, 'What if (this page only)'), ...inputs);
}

export function details(node: ModelNode, ctx: DetailsContext): HTMLElement {
    const uses = node.deps.filter(d => d.target).map(d => el('li', {}, `${d.relation} `, ctx.link(d.target!)));
    const usedBy = dependents(ctx.model, node).map(n => el('li', {}, ctx.link(n)));
    const tunable = node.keyword === 'capability' || node.keyword === 'resource';
    return el(
        'div',
        { 'data-details': node.id ?? node.name },
        el('h2', {}, node.title ?? node.name),
        el('p', { class: 'hint' }, node.id ?? node.name, ' ', ctx.drill(node)),
        properties(node),
        numbers(node, ctx.analysis),
        tunable && whatIfInputs(node, ctx),
        uses.length > 0 && el('h3', {}, 'Uses'),
        uses.length > 0 && el('ul', {}, ...uses),
        usedBy.length > 0 && el('h3', {}, 'Used by'),
        usedBy.length > 0 && el('ul', {}, ...usedBy),
    );
}
