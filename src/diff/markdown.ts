// `bos diff --format markdown`: a pull-request comment for GitHub and GitLab. A hidden
// marker first (what a CI job finds its own comment by), one summary line, the picture
// of the change, then a collapsible section with a table for each of declarations,
// findings and scenarios. A comment holds at most 65,536 characters: long tables are
// cut, then the picture goes, before that limit.
import type { ModelDiff } from './diff.js';
import { markdownCode, markdownText } from './escape.js';
import type { FindingRow } from './findings.js';
import type { BaseInfo } from './json.js';
import { mermaidFlowchart } from './mermaid.js';
import { costPair, durationPair, factorPair, NONE, percentPair, wordPair } from './numbers.js';
import type { Picture } from './picture.js';
import type { Delta, ScenarioChange } from './scenarios.js';
import { summaryLine } from './summary.js';

/** The first line of every comment `bos diff` writes, for finding it again. */
export const MARKER = '<!-- bos-diff -->';

const COMMENT_LIMIT = 60_000;

const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
const text = (s: string | null) => (s === null ? NONE : markdownText(s));
const arrow = (pair: readonly [string, string]) =>
    pair[0] === pair[1] ? markdownText(pair[0]) : `${markdownText(pair[0])} → ${markdownText(pair[1])}`;

/** A table of at most `limit` rows, and a line saying how many more there are. */
function table(header: readonly string[], align: readonly string[], rows: string[][], limit: number): string[] {
    const out = [row(header), row(align), ...rows.slice(0, limit).map(row)];
    if (rows.length > limit) out.push('', `… and ${rows.length - limit} more (\`bos diff --format json\` lists all)`);
    return out;
}

function details(summary: string, body: string[]): string[] {
    return ['<details>', `<summary>${summary}</summary>`, '', ...body, '', '</details>', ''];
}

const counted = (parts: [number, string][]) =>
    parts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`).join(', ');

function declarations(diff: ModelDiff, limit: number): string[] {
    const { added, removed, renamed, changed } = diff.declarations;
    const rows: string[][] = [
        ...added.map(n => ['+', markdownCode(n), 'added', '', '']),
        ...removed.map(n => ['−', markdownCode(n), 'removed', '', '']),
        ...renamed.map(r => ['→', `${markdownCode(r.before)} → ${markdownCode(r.after)}`, 'renamed', '', '']),
        ...changed.flatMap(d =>
            d.changes.map((c, i) => [
                i ? '' : '~',
                i ? '' : markdownCode(d.name),
                markdownText(c.property),
                text(c.before),
                text(c.after),
            ])
        ),
    ];
    if (!rows.length) return [];
    const what = counted([
        [added.length, 'added'],
        [removed.length, 'removed'],
        [changed.length, 'changed'],
        [renamed.length, 'renamed'],
    ]);
    const header = ['', 'declaration', 'property', 'before', 'after'];
    return details(`<b>Declarations</b>: ${what}`, table(header, [':-:', '---', '---', '---', '---'], rows, limit));
}

function findingRow(sign: string, f: FindingRow, where: string): string[] {
    return [
        sign,
        f.severity,
        markdownCode(f.code),
        `${markdownText(`${f.file}:${f.line}`)}${where}`,
        markdownText(f.message),
    ];
}

function findings(diff: ModelDiff, limit: number): string[] {
    const { introduced, resolved } = diff.findings;
    const rows = [
        ...introduced.map(f => findingRow('+', f, '')),
        ...resolved.map(f => findingRow('−', f, ' (base)')),
    ];
    if (!rows.length) return [];
    const what = counted([[introduced.length, 'introduced'], [resolved.length, 'resolved']]);
    const header = ['', 'severity', 'code', 'where', 'message'];
    return details(`<b>Findings</b>: ${what}`, table(header, [':-:', '---', '---', '---', '---'], rows, limit));
}

function scenario(s: ScenarioChange, limit: number): string[] {
    const facts: string[] = [];
    if (s.costPer10k) {
        const cost = costPair(s.costPer10k);
        facts.push(`cost per 10k ${markdownText(cost.text)}${cost.change ? ` (${markdownText(cost.change)})` : ''}`);
    }
    if (s.saturation) facts.push(`s* ${arrow(factorPair(s.saturation))}`);
    const out = [`**${markdownCode(s.name)}**${facts.length ? `: ${facts.join(' · ')}` : ''}`, ''];
    const status = (d: Delta<string>) => markdownText(wordPair(d));
    if (s.nodes.length) {
        const rows = s.nodes.map(n => [markdownCode(n.name), arrow(percentPair(n.utilisation)), status(n.status)]);
        out.push(...table(['node', 'utilisation', 'status'], ['---', '--:', '---'], rows, limit), '');
    }
    if (s.flows.length) {
        const rows = s.flows.map(f => [markdownCode(f.name), arrow(durationPair(f.latency)), status(f.status)]);
        out.push(...table(['flow', 'latency', 'status'], ['---', '--:', '---'], rows, limit), '');
    }
    return out;
}

function scenarios(diff: ModelDiff, limit: number): string[] {
    if (!diff.scenarios.length) return [];
    const shown = diff.scenarios.slice(0, limit);
    const body = shown.flatMap(s => scenario(s, limit));
    if (diff.scenarios.length > limit) body.push(`… and ${diff.scenarios.length - limit} more scenarios`);
    const n = diff.scenarios.length;
    return details(`<b>Scenarios</b>: ${n} changed`, body);
}

function diagram(picture: Picture | undefined): string[] {
    if (!picture?.nodes.length) return [];
    const left = picture.left ? ` (${picture.left} more changed declarations not drawn)` : '';
    return [
        '<details open>',
        `<summary><b>Diagram</b>: what changed and its neighbours${left}</summary>`,
        '',
        '```mermaid',
        mermaidFlowchart(picture),
        '```',
        '',
        '<sub>green added · yellow changed · red removed (dashed) · thick arrow added, dotted arrow removed</sub>',
        '',
        '</details>',
        '',
    ];
}

function render(diff: ModelDiff, base: BaseInfo, picture: Picture | undefined, limit: number): string {
    const against = base.commit === undefined
        ? markdownCode(base.given)
        : `${markdownCode(base.given)} (${markdownCode(base.commit.slice(0, 7))})`;
    const out = [MARKER, `**bos diff** against ${against}: ${markdownText(summaryLine(diff))}`, ''];
    if (diff.baseSyntaxErrors) {
        out.push('> **Note**: the base has syntax errors; its model is what parsed, and its findings count.', '');
    }
    for (const note of diff.notes) out.push(`> ${markdownText(note)}`, '');
    out.push(...diagram(picture), ...declarations(diff, limit), ...findings(diff, limit), ...scenarios(diff, limit));
    return out.join('\n').replace(/\n*$/, '\n');
}

export function diffMarkdown(diff: ModelDiff, base: BaseInfo, picture?: Picture): string {
    for (const [limit, drawn] of [[100, picture], [100, undefined], [25, undefined], [5, undefined]] as const) {
        const out = render(diff, base, drawn, limit);
        if (out.length <= COMMENT_LIMIT) return out;
    }
    return render(diff, base, undefined, 1).slice(0, COMMENT_LIMIT);
}
