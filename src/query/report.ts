// The answers for people and programs: the JSON that `bos query --format json` prints
// and the MCP tools return, and text tables (numbers as `bos analyze` prints them).
import { percent, rate, scaled } from '../analysis/format.js';
import { type Colours, columns, finite } from '../analysis/report.js';
import type { ModelNode } from '../model/model.js';
import type { Edge } from './dependencies.js';
import type { Impact } from './impact.js';
import { relativeId } from './names.js';
import type { Paths } from './paths.js';
import type { Direction, Reached } from './reach.js';

const id = (n: ModelNode) => n.id ?? n.name;

export function impactJson(impact: Impact) {
    const { target } = impact;
    return {
        query: 'impact',
        name: id(target),
        keyword: target.keyword,
        ...(impact.members.length > 1 ? { members: impact.members.map(id) } : {}),
        flows: impact.flows.map(f => ({ name: id(f.flow), share: finite(f.share), visits: finite(f.visits) })),
        scenarios: impact.scenarios.map(s => ({
            name: id(s.scenario.scenario),
            load: finite(s.load),
            capacity: finite(s.capacity),
            utilisation: finite(s.utilisation),
            status: s.status,
            flows: s.flows.map(f => ({
                name: id(f.flow),
                rate: finite(f.rate),
                load: finite(f.load),
                part: finite(f.part),
            })),
        })),
        ...(impact.note ? { note: impact.note } : {}),
    };
}

export function impactText(impact: Impact, c: Colours): string {
    const { target } = impact;
    const head = `${id(target)} (${target.keyword})`;
    if (impact.note) return `${c.bold(head)}\n${c.yellow(`note: ${impact.note}`)}\n`;
    const held = impact.members.filter(m => m !== target).length;
    const inside = held ? `, counting the ${held} it holds` : '';
    const out = [
        c.bold(head) + `: reached by ${plural(impact.flows.length, 'flow')}, `
        + `loaded in ${plural(impact.scenarios.length, 'scenario')}${inside}`,
    ];
    if (impact.flows.length) {
        const rows = impact.flows.map(f => [id(f.flow), f.share === null ? '—' : percent(f.share), scaled(f.visits)]);
        out.push('', ...table(['flow', 'share', 'visits'], rows, [1, 2], c));
    }
    for (const s of impact.scenarios) {
        const u = s.utilisation === null ? '' : `, ${percent(s.utilisation)} of capacity (${s.status})`;
        const what = target.keyword === 'flow' ? rate(s.load) : `${rate(s.load)} on it${u}`;
        out.push('', `${c.bold(id(s.scenario.scenario))}  ${what}`);
        const rows = s.flows.map(
            f => [id(f.flow), rate(f.rate), rate(f.load), f.part === null ? '—' : percent(f.part)],
        );
        out.push(...table(['flow', 'rate', 'load on it', 'part'], rows, [1, 2, 3], c, '    '));
    }
    out.push(
        '',
        c.dim("share: of the flow's step requests, the fraction that reaches it; visits: its requests per transaction"),
        c.dim("part: of the scenario's load on it, the fraction that comes from the flow"),
    );
    return out.join('\n') + '\n';
}

function hopJson(e: Edge) {
    return { from: id(e.from), relation: e.relation, to: id(e.to), weight: finite(e.weight) };
}

export function pathsJson(p: Paths) {
    return {
        query: 'path',
        from: id(p.from),
        to: id(p.to),
        count: finite(p.count),
        shown: p.paths.length,
        truncated: p.truncated,
        total: finite(p.total),
        paths: p.paths.map(path => ({ weight: finite(path.weight), hops: path.edges.map(hopJson) })),
    };
}

export function pathsText(p: Paths, c: Colours): string {
    const ends = `from ${id(p.from)} to ${id(p.to)}`;
    if (p.paths.length === 0) return `no path ${ends}\n`;
    const all = p.count === null ? `${p.paths.length}${p.truncated ? ' or more' : ''}` : scaled(p.count);
    const shown = p.truncated ? ` (the ${p.paths.length} found first, shortest first; the search stops there)` : '';
    // A path from a scenario starts with a `load`: its weights are requests per second.
    const perSecond = p.from.keyword === 'scenario';
    const total = p.total === null
        ? ''
        : perSecond
        ? `; together they put ${rate(p.total)} on ${relativeId(p.to)}`
        : `; one request at ${relativeId(p.from)} makes ${scaled(p.total)} at ${relativeId(p.to)} along them`;
    const out = [c.bold(`${all} ${p.count === 1 ? 'path' : 'paths'} ${ends}`) + shown + total, ''];
    const rows = p.paths.map(path => [
        path.weight === null ? '—' : perSecond ? rate(path.weight) : `×${scaled(path.weight)}`,
        [relativeId(path.edges[0].from), ...path.edges.map(e => `─${hop(e)}→ ${relativeId(e.to)}`)].join(' '),
    ]);
    out.push(...columns(rows, [0]));
    const unit = perSecond ? 'requests per second at the end' : '×: requests at the end per request at the start';
    out.push('', c.dim(`${unit} (— where a uses or contains passes no load)`));
    return out.join('\n') + '\n';
}

/** The reference as the language writes it: `Business.PlaceOrder runs on AlibabaCloud.PolarDB x 2`. */
function reference(e: Edge): string {
    const to = relativeId(e.to);
    const written = e.weight === null
        ? to
        : e.relation === 'load'
        ? `${to} ${rate(e.weight)}`
        : `${to} x ${scaled(e.weight)}`;
    return `${relativeId(e.from)} ${e.relation} ${written}`;
}

function hop(e: Edge): string {
    if (e.weight === null) return e.relation;
    return e.relation === 'load' ? `load ${rate(e.weight)}` : `${e.relation} x ${scaled(e.weight)}`;
}

export function reachJson(start: ModelNode, direction: Direction, found: readonly Reached[]) {
    return {
        query: direction,
        name: id(start),
        results: found.map(r => ({
            name: id(r.node),
            keyword: r.node.keyword,
            layer: r.node.layer ?? null,
            depth: r.depth,
            via: id(r.via),
            reference: hopJson(r.edge),
        })),
    };
}

export function reachText(start: ModelNode, direction: Direction, found: readonly Reached[], c: Colours): string {
    const verb = direction === 'uses' ? 'depends on' : 'is depended on by';
    const out = [c.bold(`${id(start)} ${verb} ${plural(found.length, 'declaration')}`)];
    if (found.length) {
        const rows = found.map(r => [String(r.depth), id(r.node), r.node.keyword, reference(r.edge)]);
        out.push('', ...table(['depth', 'name', 'keyword', 'by the reference'], rows, [0], c));
    }
    return out.join('\n') + '\n';
}

function table(header: string[], body: string[][], right: number[], c: Colours, indent = '  '): string[] {
    const [head, ...rest] = columns([header, ...body], right, indent);
    return [c.dim(head), ...rest];
}

function plural(n: number, word: string): string {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
