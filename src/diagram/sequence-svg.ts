// A flow's sequence (sequence.ts) → SVG: a grid, no ELK. Lifelines left to right in step
// order, one row per visit top-down with its label indented by depth, and under a
// scenario a waterfall of each visit's share of R(F) against the SLO line, the node that
// adds most highlighted. Same theme and escaping as svg.ts; rows and lifeline heads
// carry `data-node` so the preview reveals and focuses them like boxes.
import { duration, percent } from '../analysis/format.js';
import type { FlowResult } from '../analysis/scenario.js';
import type { ModelNode } from '../model/model.js';
import { textWidth } from './measure.js';
import { type Sequence, type SequenceRow, unresolvedNote } from './sequence.js';
import { escapeXml, type SvgOptions } from './svg.js';
import { FONT_SIZE, fontFamily, stylesheet } from './theme.js';

const MARGIN = 16;
const HEAD_Y = 40;
const HEAD_HEIGHT = 46;
const ROW_HEIGHT = 24;
const INDENT = 14;
const WATERFALL = 320;
const fmt = (n: number) => String(Math.round(n * 10) / 10);
const label = (n: ModelNode) => n.title ?? n.name;
const idOf = (n: ModelNode) => `n${n.index}`;

function rowText(r: SequenceRow): string {
    const weight = r.weight === 1 ? '' : ` ×${r.weight}`;
    return `${r.relation} ${label(r.node)}${weight}`;
}

function head(n: ModelNode | undefined, x: number, width: number): string {
    const text = n ? label(n) : 'start';
    const sub = n ? n.keyword : 'no actor';
    const inner =
        `<rect class="bos-box-${n?.layer ?? 'actors'}" x="${fmt(x)}" y="${HEAD_Y}" width="${
            fmt(width)
        }" height="${HEAD_HEIGHT}" rx="6"/>`
        + `<text class="bos-text" x="${fmt(x + 12)}" y="${HEAD_Y + 19}">${escapeXml(text)}</text>`
        + `<text class="bos-sub" x="${fmt(x + 12)}" y="${HEAD_Y + 35}">${escapeXml(sub)}</text>`;
    if (!n) return `<g>${inner}</g>`;
    return `<g class="bos-node" data-node="${idOf(n)}"><title>${escapeXml(n.id ?? n.name)}</title>${inner}</g>`;
}

/** What a row's time reads: its share, `saturated`, or why there is none. */
function timeText(r: SequenceRow): string {
    if (r.saturated) return 'saturated';
    if (!(r.visits > 0)) return 'not visited';
    return r.share === null ? 'no latency' : duration(r.share);
}

/** Where the waterfall starts and how many pixels a second takes. */
interface Waterfall {
    x: number;
    px: (seconds: number) => number;
}

/** A row's bar, starting where the rows above it end (`offset`, seconds), and its time. */
function bar(r: SequenceRow, top: boolean, offset: number, y: number, w: Waterfall): string {
    let width = 0;
    if (r.saturated) width = WATERFALL - w.px(offset);
    else if (r.share !== null) width = Math.max(1, w.px(r.share));
    const x = w.x + w.px(offset);
    let cls = top ? 'bos-seq-top' : 'bos-seq-bar';
    if (r.saturated) cls = 'bos-seq-saturated';
    const rect = width > 0
        ? `<rect class="${cls}" x="${fmt(x)}" y="${fmt(y + 5)}" width="${fmt(width)}" height="${ROW_HEIGHT - 10}"/>`
        : '';
    const text = `<text class="bos-sub" x="${fmt(x + width + 4)}" y="${fmt(y + ROW_HEIGHT / 2 + 4)}">${
        escapeXml(timeText(r))
    }</text>`;
    return rect + text;
}

/** The SLO line over the rows (`top` to `bottom`), and the flow's total bar under them. */
function totals(result: FlowResult, total: number, top: number, bottom: number, w: Waterfall): string[] {
    const out: string[] = [];
    if (result.slo !== null) {
        const x = w.x + w.px(result.slo);
        out.push(
            `<path class="bos-seq-slo" d="M${fmt(x)} ${fmt(top - 12)} L${fmt(x)} ${fmt(bottom + 26)}"/>`,
            `<text class="bos-seq-slo-text" x="${fmt(x + 4)}" y="${fmt(top - 4)}">SLO ${duration(result.slo)}</text>`,
        );
    }
    const width = result.saturated ? WATERFALL : Math.max(1, w.px(total));
    out.push(
        `<rect class="bos-seq-total-${result.status}" x="${fmt(w.x)}" y="${fmt(bottom + 4)}" width="${
            fmt(width)
        }" height="14"/>`,
        `<text class="bos-seq-status-${result.status}" x="${fmt(w.x + width + 4)}" y="${fmt(bottom + 16)}">${
            escapeXml(latencyText(result))
        }</text>`,
    );
    return out;
}

/** A row's label: the node that adds most stands out, steps are bold, what they visit muted. */
function labelClass(r: SequenceRow, top: boolean): string {
    if (top) return 'bos-seq-top-text';
    return r.depth === 0 ? 'bos-text' : 'bos-sub';
}

export function sequenceSvg(seq: Sequence, options: SvgOptions): string {
    const { result, rows } = seq;
    const timed = !!result;
    const lanes = [seq.actor, ...seq.lifelines];
    const laneWidth = Math.max(150, ...lanes.map(n => Math.ceil(textWidth(n ? label(n) : 'start')) + 28));
    const laneX = (col: number) => MARGIN + col * (laneWidth + 24);
    const lifeX = (col: number) => laneX(col) + laneWidth / 2;
    const labelX = laneX(lanes.length) + 8;
    const labelWidth = Math.max(
        160,
        ...rows.map(r => r.depth * INDENT + textWidth(rowText(r), r.depth ? FONT_SIZE.sub : FONT_SIZE.text) + 12),
    );
    const barX = labelX + labelWidth + 16;
    const rowY = (i: number) => HEAD_Y + HEAD_HEIGHT + 28 + i * ROW_HEIGHT;
    const bottom = rowY(rows.length) + 8;
    const total = rows.reduce((sum, r) => sum + (r.share ?? 0), 0);
    const span = Math.max(total, result?.slo ?? 0) * 1.08 || 1;
    const waterfall: Waterfall = { x: barX, px: seconds => (seconds / span) * WATERFALL };
    const parts: string[] = [];
    // Lifelines, then each step's activation over the rows beneath it.
    for (let col = 0; col < lanes.length; col++) {
        parts.push(
            `<path class="bos-seq-lifeline" d="M${fmt(lifeX(col))} ${HEAD_Y + HEAD_HEIGHT} L${fmt(lifeX(col))} ${
                fmt(bottom)
            }"/>`,
        );
    }
    let offset = 0;
    rows.forEach((r, i) => {
        const y = rowY(i);
        const mid = y + ROW_HEIGHT / 2;
        const x = lifeX(r.lane + 1);
        if (i % 2 === 0) {
            parts.push(
                `<rect class="bos-band" x="${fmt(labelX - 4)}" y="${fmt(y)}" width="${
                    fmt(barX - labelX + WATERFALL + 84)
                }" height="${ROW_HEIGHT}"/>`,
            );
        }
        const row: string[] = [`<title>${escapeXml(`${r.node.id ?? r.node.name} — ${rowText(r)}`)}</title>`];
        if (r.depth === 0) {
            let end = i + 1;
            while (end < rows.length && rows[end].depth > 0) end++;
            parts.push(
                `<rect class="bos-seq-activation" x="${fmt(x - 5)}" y="${fmt(y + 4)}" width="10" height="${
                    fmt((end - i) * ROW_HEIGHT - 8)
                }"/>`,
                `<path class="bos-seq-message" d="M${fmt(lifeX(0))} ${fmt(mid)} L${fmt(x - 6)} ${
                    fmt(mid)
                }" marker-end="url(#arrow-seq)"/>`,
            );
        }
        parts.push(`<path class="bos-seq-leader" d="M${fmt(x + 6)} ${fmt(mid)} L${fmt(labelX - 6)} ${fmt(mid)}"/>`);
        const top = !!result?.slowest && r.node === result.slowest && r.visits > 0;
        row.push(
            `<text class="${labelClass(r, top)}" x="${fmt(labelX + r.depth * INDENT)}" y="${fmt(mid + 4)}">${
                escapeXml(rowText(r))
            }</text>`,
        );
        if (timed) {
            row.push(bar(r, top, offset, y, waterfall));
            if (!r.saturated) offset += r.share ?? 0;
        }
        parts.push(`<g class="bos-node bos-seq-row" data-node="${idOf(r.node)}">${row.join('')}</g>`);
    });
    const footer = footerLines(seq, total);
    if (result) parts.push(...totals(result, total, rowY(0), bottom, waterfall));
    const width = Math.max(
        barX + (timed ? WATERFALL + 90 : 0),
        ...footer.map(f => MARGIN + textWidth(f.text, FONT_SIZE.note)),
    ) + MARGIN;
    const footY = bottom + (timed ? 42 : 16);
    footer.forEach((f, i) =>
        parts.push(`<text class="${f.cls}" x="${MARGIN}" y="${fmt(footY + i * 18)}">${escapeXml(f.text)}</text>`)
    );
    const height = footY + footer.length * 18 + 8;
    const title = `${seq.flow.title ?? seq.flow.name}${seq.scenario ? ` — ${label(seq.scenario.scenario)}` : ''}`;
    return [
        `<svg xmlns="http://www.w3.org/2000/svg" class="bos-diagram bos-sequence" viewBox="0 0 ${fmt(width)} ${
            fmt(height)
        }" width="${fmt(width)}" height="${fmt(height)}" font-family="${escapeXml(fontFamily())}" data-view="${
            escapeXml(`flow:${seq.flow.id ?? seq.flow.name}`)
        }">`,
        `<title>${escapeXml(title)}</title>`,
        options.bare ? '' : `<style>${stylesheet(options.theme)}</style>`,
        '<defs><marker id="arrow-seq" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7"'
        + ' orient="auto-start-reverse"><path class="bos-seq-arrow" d="M0 0 L10 5 L0 10 z"/></marker></defs>',
        `<rect class="bos-bg" width="100%" height="100%"/>`,
        `<text class="bos-text" x="${MARGIN}" y="24">${escapeXml(title)}</text>`,
        ...lanes.map((n, col) => head(n, laneX(col), laneWidth)),
        ...parts,
        '</svg>',
    ].join('\n');
}

/** `R(F) 401ms`, `R(F) ≥ 311ms` when a visited node has no latency, or `R(F) saturated`. */
function latencyText(r: FlowResult): string {
    if (r.saturated) return 'R(F) saturated';
    if (r.latency === null) return 'R(F) no latency';
    return `R(F) ${r.complete ? '' : '≥ '}${duration(r.latency)}`;
}

/** The lines under the picture: the total against the SLO, who adds most, and what is left out. */
function footerLines(seq: Sequence, total: number): { text: string; cls: string }[] {
    const lines: { text: string; cls: string }[] = [];
    const r = seq.result;
    if (r) {
        const slo = r.slo === null ? 'no SLO' : `SLO ${duration(r.slo)}`;
        const of = r.slo !== null && r.latency !== null ? ` (${percent(r.latency / r.slo)} of it)` : '';
        lines.push({
            text: `${latencyText(r)} against ${slo}${of} · ${r.status}`,
            cls: `bos-seq-status-${r.status}`,
        });
        if (r.slowest) {
            const adds = r.slowestAdds === null ? 'saturated' : duration(r.slowestAdds);
            const whole = r.latency ?? total;
            const share = r.slowestAdds !== null && whole > 0 ? ` (${percent(r.slowestAdds / whole)})` : '';
            lines.push({ text: `adds most: ${label(r.slowest)} · ${adds}${share}`, cls: 'bos-seq-top-text' });
        }
    } else if (seq.scenario) {
        lines.push({ text: `${label(seq.scenario.scenario)} does not load this flow: no times`, cls: 'bos-note' });
    }
    if (seq.unresolved.length) {
        lines.push({ text: unresolvedNote(seq), cls: 'bos-note' });
    }
    if (seq.truncated) lines.push({ text: `only the first ${seq.rows.length} visits are drawn`, cls: 'bos-note' });
    return lines;
}
