// `bos export`: the resolved model as JSON, with every scenario's analysis (the shape
// of `bos analyze --format json`: loads, node times, flows, s* and bottleneck). Every
// number is finite or null.
import { fileURLToPath } from 'node:url';
import { finite, scenarioJson } from '../analysis/report.js';
import type { Analysis } from '../analysis/scenario.js';
import type { BosModel, Measure, ModelNode, Pattern, Price } from '../model/model.js';
import { displayPath } from './diagnostics.js';

function measure(m: Measure | undefined) {
    return m && { value: finite(m.value), unit: m.unit ?? null, base: finite(m.base) };
}

function price(p: Price | undefined) {
    return p && { amount: finite(p.amount.value), currency: p.amount.currency ?? null, per: finite(p.per) };
}

function pattern(p: Pattern) {
    switch (p.type) {
        case 'all':
            return { type: 'all' };
        case 'layer':
            return { type: 'layer', layer: p.layer };
        case 'kind':
            return { type: 'kind', kind: p.kind };
        case 'ref':
            return { type: 'ref', target: p.target?.id ?? null, children: p.children };
    }
}

function declaration(n: ModelNode) {
    const line = (n.source.$cstNode?.range.start.line ?? 0) + 1;
    return {
        name: n.id,
        keyword: n.keyword,
        layer: n.layer ?? null,
        kind: n.kind ?? null,
        title: n.title ?? null,
        description: n.description ?? null,
        owner: n.owner ?? null,
        tags: n.tags,
        region: n.region ?? null,
        parent: n.parent?.id ?? null,
        file: displayPath(fileURLToPath(n.uri)),
        line,
        capacity: measure(n.capacity),
        latency: measure(n.latency),
        instances: measure(n.instances),
        concurrency: measure(n.concurrency),
        slo: measure(n.slo),
        cost: price(n.cost),
        budget: price(n.budget),
        headroom: measure(n.headroom),
        loads: n.loads.map(l => ({ flow: l.dep.target?.id ?? null, rate: measure(l.rate) })),
        include: n.includes.map(pattern),
        exclude: n.excludes.map(pattern),
        dependencies: n.deps.filter(d => d.relation !== 'load').map(d => ({
            relation: d.relation,
            target: d.target?.id ?? null,
            weight: d.weight,
        })),
    };
}

/** Unset properties are dropped so that each declaration shows only what applies to it. */
function compact<T extends object>(o: T): Partial<T> {
    return Object.fromEntries(
        Object.entries(o).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)),
    ) as Partial<T>;
}

export function exportJson(model: BosModel, analysis: Analysis) {
    return {
        files: model.files.map(f => ({ file: displayPath(fileURLToPath(f.uri)), package: f.pkg })),
        declarations: model.nodes.filter(n => n.id !== undefined).map(n => compact(declaration(n))),
        analysis: {
            scenarios: analysis.scenarios.map(scenarioJson),
            ...(analysis.skipped ? { note: analysis.skipped } : {}),
        },
    };
}
