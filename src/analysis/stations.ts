// Each capability and resource as a queueing station (spec section 7, "Servers and
// capacity of node n"): its capacity (declared, or derived from instances × concurrency
// / latency), its service time and its servers per instance, after what-if overrides.
import type { LoadGraph } from '../model/graph.js';
import type { ModelNode } from '../model/model.js';

/** The inputs a what-if changes (spec section 7): `--set`, the preview's menu, the site's fields. */
export const TUNABLES = ['capacity', 'latency', 'instances', 'concurrency'] as const;
export type Tunable = (typeof TUNABLES)[number];

/** What-if values in base units (per second, seconds, counts), for one run of the analysis. */
export type Override = Partial<Record<Tunable, number>>;

export type Overrides = ReadonlyMap<ModelNode, Override>;

/** The four inputs of a station; undefined when not declared (or not usable). */
export interface StationInputs {
    capacity?: number;
    latency?: number;
    instances?: number;
    concurrency?: number;
}

export interface Station {
    /** Requests per second, declared or derived; undefined when there is none. */
    capacity?: number;
    /** The capacity is N·k/S (latency and concurrency declared, capacity not). */
    derived: boolean;
    /** S, seconds; undefined without a time model. */
    latency?: number;
    /** N as declared; undefined for one pooled queue. */
    instances?: number;
    /** k per instance; undefined without a queue (no latency, or a delay station). */
    servers?: number;
    /** N·k/S when all four are declared and it differs from the declared capacity by more than 1%. */
    mismatch?: number;
}

/** Servers per instance beyond this are all the same to the queue, and stay exact integers. */
const MAX_SERVERS = Number.MAX_SAFE_INTEGER;
const MISMATCH = 0.01;

const usable = (x: number | undefined, ok: (x: number) => boolean) => (x !== undefined && ok(x) ? x : undefined);
const positive = (x: number) => x > 0 && x < Infinity;
const duration = (x: number) => x >= 0 && x < Infinity;
const count = (x: number) => Number.isInteger(x) && x >= 1;

/** A node's inputs as declared, with the run's override on top; unusable values count as absent. */
export function inputsOf(node: ModelNode, override?: Override): StationInputs {
    return {
        // A capacity of 0 makes no queue and no utilisation (as in v1): it counts as absent.
        capacity: usable(override?.capacity ?? node.capacity?.base, positive),
        latency: usable(override?.latency ?? node.latency?.base, duration),
        instances: usable(override?.instances ?? node.instances?.base, count),
        concurrency: usable(override?.concurrency ?? node.concurrency?.base, count),
    };
}

/**
 * The servers rule. With S and c: c·S server slots in all, k = concurrency or
 * max(1, round(c·S/N)) per instance. With S and k but no c: c = N·k/S. With S alone: a
 * delay station (no servers). Without S: no time model, the declared capacity only.
 */
export function stationOf(inputs: StationInputs): Station {
    const { latency, instances, concurrency } = inputs;
    const n = instances ?? 1;
    let capacity = inputs.capacity;
    let derived = false;
    let servers: number | undefined;
    let mismatch: number | undefined;
    if (latency !== undefined && capacity !== undefined) {
        servers = concurrency ?? Math.min(MAX_SERVERS, Math.max(1, Math.round((capacity * latency) / n)));
        if (instances !== undefined && concurrency !== undefined) {
            const implied = (n * concurrency) / latency;
            if (!(Math.abs(capacity - implied) <= MISMATCH * capacity)) mismatch = implied;
        }
    } else if (latency !== undefined && concurrency !== undefined) {
        // A latency of 0 would make the capacity infinite: that node never queues.
        const implied = (n * concurrency) / latency;
        if (positive(implied)) {
            capacity = implied;
            derived = true;
            servers = concurrency;
        }
    }
    return { capacity, derived, latency, instances, servers, mismatch };
}

/**
 * The stations of every node of the load graph, by position, as typed arrays for the hot
 * loops (NaN where a value is undefined). Without overrides they depend on the model
 * only, so they are made once per load graph.
 */
export interface Stations {
    capacity: Float64Array;
    latency: Float64Array;
    instances: Float64Array;
    servers: Float64Array;
    derived: Uint8Array;
    /** The station of one position, as an object (reports, hovers, quick fixes). */
    at(p: number): Station;
}

const declared = new WeakMap<LoadGraph, Stations>();

export function stationsOf(graph: LoadGraph, overrides?: Overrides): Stations {
    if (overrides?.size) return tabulate(graph, overrides);
    let s = declared.get(graph);
    if (!s) declared.set(graph, s = tabulate(graph));
    return s;
}

function tabulate(graph: LoadGraph, overrides?: Overrides): Stations {
    const n = graph.order.length;
    const s: Stations = {
        capacity: new Float64Array(n),
        latency: new Float64Array(n),
        instances: new Float64Array(n),
        servers: new Float64Array(n),
        derived: new Uint8Array(n),
        at: p => stationOf(inputsOf(graph.order[p], overrides?.get(graph.order[p]))),
    };
    for (let p = 0; p < n; p++) fill(s, p, graph.order[p], overrides);
    return s;
}

/**
 * The declared stations of `to`, a load graph over `from`'s rows (a value edit): `from`'s,
 * but at the positions whose node was made again.
 */
export function carryStations(from: LoadGraph, to: LoadGraph): void {
    const before = declared.get(from);
    if (!before || declared.has(to) || to.start !== from.start) return;
    const s: Stations = {
        capacity: before.capacity.slice(),
        latency: before.latency.slice(),
        instances: before.instances.slice(),
        servers: before.servers.slice(),
        derived: before.derived.slice(),
        at: p => stationOf(inputsOf(to.order[p])),
    };
    for (let p = 0; p < to.order.length; p++) if (to.order[p] !== from.order[p]) fill(s, p, to.order[p]);
    declared.set(to, s);
}

function fill(s: Stations, p: number, node: ModelNode, overrides?: Overrides): void {
    // Most nodes declare a capacity at most: their station is that capacity, no objects needed.
    if (!node.latency && !node.instances && !node.concurrency && !overrides?.has(node)) {
        s.capacity[p] = usable(node.capacity?.base, positive) ?? NaN;
        s.latency[p] = s.instances[p] = s.servers[p] = NaN;
        s.derived[p] = 0;
        return;
    }
    const station = s.at(p);
    s.capacity[p] = station.capacity ?? NaN;
    s.latency[p] = station.latency ?? NaN;
    s.instances[p] = station.instances ?? NaN;
    s.servers[p] = station.servers ?? NaN;
    s.derived[p] = station.derived ? 1 : 0;
}
