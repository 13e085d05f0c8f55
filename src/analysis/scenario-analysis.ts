// One scenario in one run of the analysis (spec sections 5 and 7), phase by phase:
// utilisation and status of every loaded node, then the SLOs of the flows that declare
// one; cost comes with the scenario's load (scenario-load.ts). Every node, every flow
// and the saturation are worked out when first read.
import type { LoadGraph } from '../model/graph.js';
import type { ModelNode } from '../model/model.js';
import type { Money } from './cost.js';
import { type FlowResult, flowResult, type ScenarioView } from './flows.js';
import { type Saturation, saturationOf, timesAt, waitAt } from './performance.js';
import type { FlowRate } from './propagation.js';
import { byName, type ScenarioLoad } from './scenario-load.js';
import type { NodeLoad, ScenarioResult } from './scenario.js';
import type { Stations } from './stations.js';
import { statusOf, utilisationOf } from './status.js';

/** One run of the analysis: its graph, stations and what-if scale. */
export interface Run {
    graph: LoadGraph;
    stations: Stations;
    scale: number;
    defaultHeadroom: number;
    scratch: Scratch;
}

/**
 * Buffers by load-graph position, reused by every scenario of every run over the graph,
 * and filled for one scenario at a time (`enter`): no scenario allocates per node.
 */
interface Scratch {
    /** Index among the current scenario's loaded nodes (valid for its loaded positions only). */
    slot: Int32Array;
    /** Utilisation by index among the current scenario's loaded nodes. */
    utilisation: Float64Array;
    /** Mean wait, worked out when a flow first needs it: valid where `stamp` is `serial`. */
    wait: Float64Array;
    stamp: Int32Array;
    serial: number;
    /** Whose loads are in the buffers. */
    current?: ScenarioAnalysis;
}

const scratches = new WeakMap<LoadGraph, Scratch>();

export function runOf(graph: LoadGraph, stations: Stations, scale: number, defaultHeadroom: number): Run {
    return { graph, stations, scale, defaultHeadroom, scratch: scratchOf(graph) };
}

function scratchOf(graph: LoadGraph): Scratch {
    let s = scratches.get(graph);
    const n = graph.order.length;
    if (!s) {
        const buffers = { slot: new Int32Array(n), utilisation: new Float64Array(n), wait: new Float64Array(n) };
        scratches.set(graph, s = { ...buffers, stamp: new Int32Array(n), serial: 0 });
    }
    return s;
}

export class ScenarioAnalysis implements ScenarioResult {
    readonly transactionsPerSecond: number;
    readonly headroom: number;
    readonly flagged: NodeLoad[];
    readonly missedSlos: FlowResult[];
    readonly costPer10k: Money | null;
    readonly budgetPer10k: Money | null;
    readonly currencies: string[];
    readonly overBudget: boolean;
    private readonly flowResults = new Map<ModelNode, FlowResult>();
    private nodeList?: NodeLoad[];
    private flowList?: FlowResult[];
    private saturationMemo?: Saturation;
    readonly scenario: ModelNode;

    constructor(private run: Run, private base: ScenarioLoad) {
        this.scenario = base.scenario;
        this.headroom = base.scenario.headroom?.base ?? run.defaultHeadroom;
        this.transactionsPerSecond = base.transactions * run.scale;
        // Utilisation and status: most loaded nodes are fine, only the others become objects.
        const utilisation = this.enter();
        const positions = base.reach.positions;
        this.flagged = [];
        for (let i = 0; i < positions.length; i++) {
            if (statusOf(utilisation[i], this.headroom) !== 'ok') this.flagged.push(this.loadAt(i));
        }
        this.flagged.sort((a, b) => byId(a.node, b.node));
        // No scale changes the cost per 10k transactions: it comes with the scenario's load.
        this.costPer10k = base.cost.costPer10k;
        this.budgetPer10k = base.cost.budgetPer10k;
        this.currencies = base.cost.currencies;
        this.overBudget = base.cost.overBudget;
        // SLOs: only the flows that declare one are worked out now.
        this.missedSlos = base.flows.filter(f => f.flow.slo?.base !== undefined).map(f => this.flow(f))
            .filter(f => f.status === 'over-slo' || f.status === 'saturated');
    }

    /**
     * This scenario in `run`, a later run over the same rows, as it is, when nothing it
     * reads changed: the same reach and cost (kept by `carryLoads`, whose kept load has
     * this scenario's flows and rates in order, the flows maybe made again), flow nodes,
     * scale and headroom, and the same node at every position it reaches (a node made
     * again may have new stations). Moved onto `run`, so no earlier graph stays reachable
     * through it.
     */
    carriedTo(run: Run, base: ScenarioLoad): ScenarioAnalysis | undefined {
        const before = this.base;
        if (base.reach !== before.reach || base.cost !== before.cost) return undefined;
        if (run.scale !== this.run.scale || run.defaultHeadroom !== this.run.defaultHeadroom) return undefined;
        if (base.flows.some((f, i) => f.flow !== before.flows[i].flow)) return undefined;
        const old = this.run.graph.order, now = run.graph.order;
        for (const p of before.reach.positions) if (old[p] !== now[p]) return undefined;
        this.run = run;
        this.base = base;
        return this;
    }

    get nodes(): NodeLoad[] {
        return this.nodeList ??= byName(this.run.graph, this.base).map(i => this.loadAt(i));
    }

    get flows(): FlowResult[] {
        return this.flowList ??= this.base.flows.map(f => this.flow(f));
    }

    get saturation(): number | null {
        return this.saturationNow().saturation;
    }

    get bottleneck(): ModelNode | null {
        return this.saturationNow().bottleneck;
    }

    private saturationNow(): Saturation {
        return this.saturationMemo ??= saturationOf(this.base.reach.positions, this.run.graph, this.enter());
    }

    /** Puts this scenario's loaded positions and utilisation into the scratch buffers. */
    private enter(): Float64Array {
        const { scratch, stations, scale } = this.run;
        const { slot, utilisation } = scratch;
        if (scratch.current === this) return utilisation;
        const { positions, loads } = this.base.reach;
        for (let i = 0; i < positions.length; i++) {
            slot[positions[i]] = i;
            utilisation[i] = utilisationOf(loads[i] * scale, stations.capacity[positions[i]]);
        }
        scratch.current = this;
        scratch.serial++;
        return utilisation;
    }

    get reached(): readonly number[] {
        return this.base.reach.positions;
    }

    loadAt(i: number): NodeLoad {
        return nodeLoad(
            this.run,
            this.base.reach.positions[i],
            this.base.reach.loads[i] * this.run.scale,
            this.headroom,
        );
    }

    private flow(f: FlowRate): FlowResult {
        let result = this.flowResults.get(f.flow);
        if (!result) {
            this.enter();
            this.flowResults.set(f.flow, result = flowResult(f.flow, f.rate * this.run.scale, this.view()));
        }
        return result;
    }

    /** The scenario as its flows see it; valid while this scenario is in the scratch buffers. */
    private view(): ScenarioView {
        const { graph, stations, scale, scratch } = this.run;
        const { slot, wait, stamp, serial } = scratch;
        const loads = this.base.reach.loads;
        const load = (p: number) => loads[slot[p]] * scale;
        return {
            graph,
            stations,
            load,
            wait: p => {
                if (stamp[p] !== serial) {
                    wait[p] = waitAt(stations.capacity[p], stations.latency[p], stations.servers[p], load(p));
                    stamp[p] = serial;
                }
                return wait[p];
            },
        };
    }
}

/** Read off the station tables: a report or a hover may ask for every node of every scenario. */
function nodeLoad(run: Run, p: number, load: number, headroom: number): NodeLoad {
    const { capacity, latency, instances, servers, derived } = run.stations;
    const node = run.graph.order[p];
    const utilisation = utilisationOf(load, capacity[p]);
    const t = timesAt(capacity[p], latency[p], servers[p], load);
    return {
        node,
        load,
        // A declared capacity of 0 is shown as written, though it counts as none.
        capacity: Number.isNaN(capacity[p]) ? node.capacity?.base : capacity[p],
        derived: derived[p] === 1,
        utilisation: Number.isNaN(utilisation) ? undefined : utilisation,
        status: statusOf(utilisation, headroom),
        latency: orNull(latency[p]),
        instances: orNull(instances[p]),
        servers: orNull(servers[p]),
        wait: t.wait,
        responseTime: t.response,
        waitProbability: t.waitProbability,
        saturated: t.saturated,
    };
}

const orNull = (x: number) => (Number.isNaN(x) ? null : x);

function byId(a: ModelNode, b: ModelNode): number {
    return a.id! < b.id! ? -1 : a.id! > b.id! ? 1 : 0;
}
