// Per scenario, what the analysis says differently: the cost per 10k transactions, the
// saturation factor s*, every node whose utilisation or status changed and every flow
// whose latency (or status) changed. Scenarios, nodes and flows are matched by qualified
// name after renames; one that is absent on a side has null there.
import type { Analysis, FlowStatus, Money, ScenarioResult, Status } from '../analysis/scenario.js';
import type { Renames } from './renames.js';

export interface Delta<T> {
    before: T | null;
    after: T | null;
}

export interface NodeChange {
    name: string;
    utilisation: Delta<number>;
    status: Delta<Status>;
}

export interface FlowChange {
    name: string;
    latency: Delta<number>;
    status: Delta<FlowStatus>;
}

export interface ScenarioChange {
    name: string;
    /** Only when it changed. */
    costPer10k?: Delta<Money>;
    saturation?: Delta<number>;
    nodes: NodeChange[];
    flows: FlowChange[];
}

/** Within rounding: the order of a sum must not make a change. */
function same(a: number | null, b: number | null): boolean {
    if (a === null || b === null) return a === b;
    return a === b || Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

const sameMoney = (a: Money | null, b: Money | null) =>
    a === null || b === null ? a === b : a.currency === b.currency && same(a.amount, b.amount);

/** JSON holds no Infinity or NaN. */
const finite = (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? null : x);

const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export function diffScenarios(before: Analysis, after: Analysis, renames: Renames): ScenarioChange[] {
    const rename = (id: string) => renames.get(id) ?? id;
    const old = new Map(before.scenarios.map(s => [rename(s.scenario.id!), s]));
    const out: ScenarioChange[] = [];
    for (const now of after.scenarios) {
        const change = diffScenario(now.scenario.id!, old.get(now.scenario.id!), now, rename);
        old.delete(now.scenario.id!);
        if (change) out.push(change);
    }
    for (const [name, gone] of old) {
        const change = diffScenario(name, gone, undefined, rename);
        if (change) out.push(change);
    }
    return out.sort(byName);
}

function diffScenario(
    name: string,
    before: ScenarioResult | undefined,
    after: ScenarioResult | undefined,
    rename: (id: string) => string,
): ScenarioChange | undefined {
    const cost = { before: before?.costPer10k ?? null, after: after?.costPer10k ?? null };
    const saturation = { before: finite(before?.saturation), after: finite(after?.saturation) };
    const nodes = changed(before?.nodes, after?.nodes, n => n.node.id!, n => n.utilisation, rename)
        .map(({ name, value, status }) => ({ name, utilisation: value, status }));
    const flows = changed(before?.flows, after?.flows, f => f.flow.id!, f => f.latency, rename)
        .map(({ name, value, status }) => ({ name, latency: value, status }));
    const change: ScenarioChange = {
        name,
        ...(sameMoney(cost.before, cost.after) ? {} : { costPer10k: cost }),
        ...(same(saturation.before, saturation.after) ? {} : { saturation }),
        nodes,
        flows,
    };
    return change.costPer10k || change.saturation || nodes.length || flows.length ? change : undefined;
}

/** The entries of both sides, by (after) qualified name, whose number or status differ; sorted by name. */
function changed<T extends { status: string }>(
    before: readonly T[] = [],
    after: readonly T[] = [],
    id: (t: T) => string,
    number: (t: T) => number | null | undefined,
    rename: (id: string) => string,
): { name: string; value: Delta<number>; status: Delta<T['status']> }[] {
    const pairs = new Map<string, [T | undefined, T | undefined]>();
    for (const b of before) pairs.set(rename(id(b)), [b, undefined]);
    for (const a of after) {
        const pair = pairs.get(id(a));
        if (pair) pair[1] = a;
        else pairs.set(id(a), [undefined, a]);
    }
    const out = [];
    for (const [name, [b, a]] of pairs) {
        const value = { before: finite(b && number(b)), after: finite(a && number(a)) };
        const status: Delta<T['status']> = { before: b?.status ?? null, after: a?.status ?? null };
        if (!same(value.before, value.after) || status.before !== status.after) out.push({ name, value, status });
    }
    return out.sort(byName);
}
