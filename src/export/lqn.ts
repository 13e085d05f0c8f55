// A scenario as a Layered Queueing Network model (LQN XML, `.lqnx`), for a queueing
// expert to solve with LQNS or LQSim and compare with BOS's numbers (spec section 7).
//
// Mapping: every loaded capability and resource is a processor with one task and one
// entry. The processor is the node's queue: `multiplicity` its servers per instance k,
// `replication` its instances N (each copy takes an even share of the load), FCFS; a
// delay station, or a node without a time model, is an infinite-server processor. The
// entry's host demand is the node's latency S (seconds; 0 without one). Tasks are
// infinite-threaded, so a caller's thread never waits for a free thread of its callee:
// BOS leaves that software contention out. Each `calls`, `runs on` and `depends on` is a
// synchronous call with its weight as the mean number of calls; a call into a node of N
// instances fans out to all N (`fan-out`), a weight of w/N to each. Each loaded flow is a
// task on one infinite processor whose entry receives the flow's rate as open arrivals
// and calls its steps (step weights), so the flow entry's response time is R(F). BOS's
// own figures for each node and flow are written beside them as comments.
import { duration, percent, rate } from '../analysis/format.js';
import type { FlowResult, NodeLoad, ScenarioResult } from '../analysis/scenario.js';
import type { ModelNode } from '../model/model.js';
import { facts, fits } from '../model/relations.js';
import { ExportError } from './errors.js';
import { unique } from './identifiers.js';
import { decimal, integer, xml } from './text.js';

/** A number as xsd:double reads it: a weight too large for a double (a `bos/number` error) is `INF`. */
function double(x: number): string {
    if (Number.isFinite(x)) return decimal(x);
    if (Number.isNaN(x)) return 'NaN';
    return x > 0 ? 'INF' : '-INF';
}

/** An XML comment cannot hold `--`. */
const comment = (text: string) => `<!-- ${text.replace(/-(?=-)/g, '- ').replace(/-$/, '- ')} -->`;

interface Call {
    target: ModelNode;
    weight: number;
}

/** Calls to the same target add up (`runs on R, R x 2` is three requests). */
function summed(calls: Iterable<Call>): Call[] {
    const out = new Map<ModelNode, number>();
    for (const c of calls) out.set(c.target, (out.get(c.target) ?? 0) + c.weight);
    return [...out].map(([target, weight]) => ({ target, weight }));
}

function* loadCalls(node: ModelNode): Generator<Call> {
    for (const d of node.structural) {
        if (d.target && facts(d.relation).carriesLoad) yield { target: d.target, weight: d.weight };
    }
}

function* steps(flow: ModelNode): Generator<Call> {
    for (const d of flow.deps) {
        if (d.relation === 'step' && d.target && fits('step', d.target.keyword)) {
            yield { target: d.target, weight: d.weight };
        }
    }
}

function nodeFigures(l: NodeLoad): string {
    const parts = [`load ${rate(l.load)}`];
    if (l.capacity !== undefined) parts.push(`capacity ${rate(l.capacity)}${l.derived ? ' (derived)' : ''}`);
    if (l.utilisation !== undefined) parts.push(`utilisation ${percent(l.utilisation)}`);
    if (l.servers !== null) parts.push(`k ${l.servers} per instance`);
    if (l.waitProbability !== null) parts.push(`P(wait) ${decimal(Number(l.waitProbability.toPrecision(3)))}`);
    if (l.saturated) parts.push('saturated');
    else if (l.responseTime !== null) parts.push(`R ${duration(l.responseTime)} (W ${duration(l.wait ?? 0)})`);
    if (l.latency === null) parts.push('no latency: no time model');
    return `BOS: ${l.node.id} ${parts.join(', ')}`;
}

function flowFigures(f: FlowResult): string {
    let latency = f.latency === null ? 'no latency' : `R(F) ${duration(f.latency)}`;
    if (f.saturated) latency = 'saturated';
    const slo = f.slo === null ? '' : `, SLO ${duration(f.slo)} (${f.status})`;
    return `BOS: ${f.flow.id} ${rate(f.rate)}, ${latency}${f.complete ? '' : ' (incomplete)'}${slo}`;
}

export function toLqn(result: ScenarioResult): string {
    if (!result.nodes.length && !result.flows.length) {
        throw new ExportError(`no LQN model: scenario ${result.scenario.id} loads nothing`);
    }
    const loads = new Map(result.nodes.map(l => [l.node, l]));
    const taken = new Set<string>();
    // Processor, task and entry of a node share its qualified name (each kind has its own namespace).
    const names = new Map<ModelNode, string>();
    for (const l of result.nodes) names.set(l.node, unique(l.node.id!, taken));
    for (const f of result.flows) names.set(f.flow, unique(f.flow.id!, taken));
    const replicas = (n: ModelNode) => loads.get(n)?.instances ?? 1;

    const entry = (name: string, demand: number, calls: Call[], arrivals?: number) => {
        const lines = calls.filter(c => names.has(c.target)).map(c => {
            const n = replicas(c.target);
            return `          <synch-call dest="${xml(names.get(c.target)!)}" calls-mean="${double(c.weight / n)}"/>`;
        });
        const open = arrivals === undefined ? '' : ` open-arrival-rate="${double(arrivals)}"`;
        const activity = `          <activity name="${xml(name)}_1" phase="1" host-demand-mean="${double(demand)}"`;
        return [
            `      <entry name="${xml(name)}" type="PH1PH2"${open}>`,
            '        <entry-phase-activities>',
            ...(lines.length
                ? [`${activity}>`, ...lines.map(l => `  ${l}`), '          </activity>']
                : [`${activity}/>`]),
            '        </entry-phase-activities>',
            '      </entry>',
        ];
    };
    const fanOuts = (calls: Call[]) =>
        calls.filter(c => names.has(c.target) && replicas(c.target) > 1)
            .map(c => `      <fan-out dest="${xml(names.get(c.target)!)}" value="${integer(replicas(c.target))}"/>`);

    const s = result.scenario;
    const out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        comment(
            `BOS scenario ${s.id}, written by bos export. Rates per second, times in seconds. `
                + 'Each loaded capability and resource is a processor (servers per instance as multiplicity, instances '
                + 'as replication) with one infinite-threaded task and one entry (host demand: its latency); calls, '
                + 'runs on and depends on are synchronous calls (weights as mean calls); each flow is an entry with '
                + 'open arrivals at its rate that calls its steps.',
        ),
        `<lqn-model name="${xml(s.id!)}" description="${xml(s.title ?? s.name)}" `
        + 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:noNamespaceSchemaLocation="lqn.xsd">',
        `  <solver-params comment="${xml(`BOS scenario ${s.id}`)}" conv_val="1e-06" it_limit="100" `
        + 'underrelax_coeff="0.9" print_int="10"/>',
    ];
    if (result.flows.length) {
        out.push(`  <processor name="${xml(unique('BOS flows', taken))}" scheduling="inf">`);
        for (const f of result.flows) {
            const name = names.get(f.flow)!;
            const calls = summed(steps(f.flow));
            out.push(
                `    ${comment(flowFigures(f))}`,
                `    <task name="${xml(name)}" scheduling="inf">`,
                ...fanOuts(calls),
                ...entry(name, 0, calls, f.rate),
                '    </task>',
            );
        }
        out.push('  </processor>');
    }
    for (const l of result.nodes) {
        const name = names.get(l.node)!;
        const calls = summed(loadCalls(l.node));
        const n = l.instances ?? 1;
        const queue = l.servers !== null
            ? ` scheduling="fcfs" multiplicity="${integer(l.servers)}"`
            : ' scheduling="inf"';
        const replication = n > 1 ? ` replication="${integer(n)}"` : '';
        out.push(
            `  ${comment(nodeFigures(l))}`,
            `  <processor name="${xml(name)}"${queue}${replication}>`,
            `    <task name="${xml(name)}" scheduling="inf"${replication}>`,
            ...fanOuts(calls),
            ...entry(name, l.latency ?? 0, calls),
            '    </task>',
            '  </processor>',
        );
    }
    out.push('</lqn-model>');
    return out.join('\n') + '\n';
}
