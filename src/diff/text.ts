// `bos diff` for people at a terminal: the summary line, then each section that has
// something to say. Findings print in validate's GNU form, so an editor can jump to
// those introduced (the resolved ones point into the base, at its lines).
import { type Colours, columns } from '../analysis/report.js';
import type { ModelDiff } from './diff.js';
import type { FindingRow } from './findings.js';
import type { BaseInfo } from './json.js';
import { costPair, durationPair, factorPair, NONE, percentPair, wordPair } from './numbers.js';
import type { ScenarioChange } from './scenarios.js';
import { summaryLine } from './summary.js';

/** `origin/main (4f2c1ab)`, or the folder. */
export function baseName(base: BaseInfo): string {
    return base.commit === undefined ? base.given : `${base.given} (${base.commit.slice(0, 7)})`;
}

const arrow = (pair: readonly [string, string]) => (pair[0] === pair[1] ? pair[0] : `${pair[0]} → ${pair[1]}`);

export function diffText(diff: ModelDiff, base: BaseInfo, c: Colours): string {
    const out = [c.bold(`bos diff against ${baseName(base)}`), summaryLine(diff), ''];
    if (diff.baseSyntaxErrors) {
        out.push(c.yellow(`note: the base has syntax errors; its model is what parsed, and its findings count`), '');
    }
    for (const note of diff.notes) out.push(c.yellow(`note: ${note}`), '');
    out.push(...declarations(diff, c), ...findings(diff, c));
    for (const s of diff.scenarios) out.push(...scenario(s, c));
    return out.join('\n').replace(/\n*$/, '\n');
}

function declarations(diff: ModelDiff, c: Colours): string[] {
    const { added, removed, renamed, changed } = diff.declarations;
    if (!added.length && !removed.length && !renamed.length && !changed.length) return [];
    const out = [c.bold('declarations')];
    for (const name of added) out.push(`  ${c.green(`+ ${name}`)}`);
    for (const name of removed) out.push(`  ${c.red(`− ${name}`)}`);
    for (const r of renamed) out.push(`  ${c.cyan(`→ ${r.before} → ${r.after}`)}`);
    for (const d of changed) {
        out.push(`  ${c.yellow(`~ ${d.name}`)}`);
        out.push(
            ...columns(d.changes.map(x => [x.property, arrow([x.before ?? NONE, x.after ?? NONE])]), [], '      '),
        );
    }
    return [...out, ''];
}

/** GNU's `file:line:column: severity: message [code]`, as `bos validate` prints it. */
export function findingLine(f: FindingRow): string {
    return `${f.file}:${f.line}:${f.screenColumn ?? f.column}: ${f.severity === 'hint' ? 'note' : f.severity}: ${
        f.message.replace(/\p{Cc}/gu, ' ')
    } [${f.code}]`;
}

function findings(diff: ModelDiff, c: Colours): string[] {
    const out: string[] = [];
    const { introduced, resolved } = diff.findings;
    if (introduced.length) out.push(c.bold('findings introduced'), ...introduced.map(f => `  ${findingLine(f)}`), '');
    if (resolved.length) {
        out.push(
            c.bold('findings resolved (lines of the base)'),
            ...resolved.map(f => `  ${c.dim(findingLine(f))}`),
            '',
        );
    }
    return out;
}

function scenario(s: ScenarioChange, c: Colours): string[] {
    const out = [c.bold(`scenario ${s.name}`)];
    const facts: string[][] = [];
    if (s.costPer10k) {
        const cost = costPair(s.costPer10k);
        facts.push(['cost per 10k', `${cost.text}${cost.change ? ` (${cost.change})` : ''}`]);
    }
    if (s.saturation) facts.push(['saturation', arrow(factorPair(s.saturation))]);
    out.push(...columns(facts, []));
    if (s.nodes.length) {
        const rows = s.nodes.map(n => [n.name, arrow(percentPair(n.utilisation)), wordPair(n.status)]);
        const [head, ...body] = columns([['node', 'utilisation', 'status'], ...rows], []);
        out.push(c.dim(head), ...body);
    }
    if (s.flows.length) {
        const rows = s.flows.map(f => [f.name, arrow(durationPair(f.latency)), wordPair(f.status)]);
        const [head, ...body] = columns([['flow', 'latency', 'status'], ...rows], []);
        out.push(c.dim(head), ...body);
    }
    return [...out, ''];
}
