// Laid-out diagram → SVG. Every label from the model is escaped. Boxes carry
// `data-node` so the preview can reveal and highlight them; the picture has a band per
// layer of the stack and a legend of edge styles, layers and overlay statuses. Against a
// base (change.ts), changed boxes get a halo and a badge, removed ones are faded.
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';
import { type Layer, LAYERS } from '../model/vocabulary.js';
import type { ChangeMark, Compared } from './change.js';
import type { Diagram, DiagramEdge, DiagramNode, EdgeKind } from './graph.js';
import { EDGE_KINDS } from './graph.js';
import { subtitle, textWidth } from './measure.js';
import { BAND_GUTTER } from './spacing.js';
import { edgeClass, FONT_SIZE, fontFamily, kindHue, MIXED, stylesheet, type ThemeName } from './theme.js';

export function escapeXml(text: string): string {
    return text.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const LAYER_TITLE: Readonly<Record<Layer, string>> = {
    actors: 'ACTORS',
    commerce: 'COMMERCE',
    platform: 'MIDDLE PLATFORMS',
    infrastructure: 'INFRASTRUCTURE',
};

interface Placed {
    node: DiagramNode;
    x: number;
    y: number;
    width: number;
    height: number;
}

/** Space left of the legend and the note, and right of them. */
const MARGIN = 16;
/** The legend's two rows: edges and layers, then the statuses of an overlay (or the change marks). */
const LEGEND_HEIGHT = 64;
/** Its second row, left out when there is nothing to show in it: a picture's height counts at fit. */
const LEGEND_ROW = 28;
/** The legend's row of change marks, below the statuses, when the picture is compared with a base. */
const COMPARE_HEIGHT = 28;
const CHANGE_MARKS: readonly ChangeMark[] = ['added', 'changed', 'removed'];

/** `compared with main: 2 added, 1 changed, 1 removed` */
function comparedText(c: Compared): string {
    return `compared with ${c.label}: ${c.added} added, ${c.changed} changed, ${c.removed} removed`;
}
const fmt = (n: number) => String(Math.round(n * 10) / 10);

interface PlacedEdge {
    edge: ElkExtendedEdge;
    dx: number;
    dy: number;
}

/** Absolute positions of every box and edge (ELK gives both relative to their holder). */
function place(diagram: Diagram, laid: ElkNode): { boxes: Map<string, Placed>; edges: PlacedEdge[] } {
    const byId = new Map(diagram.nodes.map(n => [n.id, n]));
    const boxes = new Map<string, Placed>();
    const edges: PlacedEdge[] = [];
    const walk = (e: ElkNode, dx: number, dy: number) => {
        for (const edge of e.edges ?? []) edges.push({ edge, dx, dy });
        for (const c of e.children ?? []) {
            const x = dx + (c.x ?? 0);
            const y = dy + (c.y ?? 0);
            const node = byId.get(c.id);
            if (node) boxes.set(c.id, { node, x, y, width: c.width ?? 0, height: c.height ?? 0 });
            walk(c, x, y);
        }
    };
    walk(laid, BAND_GUTTER, 0);
    edges.sort((a, b) => (a.edge.id < b.edge.id ? -1 : a.edge.id > b.edge.id ? 1 : 0));
    return { boxes, edges };
}

/** A box's tooltip: its qualified name, and its overlay with the status in words. */
export function boxTitle(n: DiagramNode): string {
    return `${n.name}${n.overlay ? ` — ${n.overlay.text} (${n.overlay.status})` : ''}`;
}

function box(p: Placed, overlay: boolean): string {
    const n = p.node;
    const container = n.isContainer && !n.folded;
    const status = overlay && n.overlay ? ` bos-status-${n.overlay.status}` : '';
    const cls = container ? `bos-container-${n.keyword}` : `bos-box-${n.layer}`;
    const title = `<title>${escapeXml(`${boxTitle(n)}${changeTitle(n)}`)}</title>`;
    const removed = n.change === 'removed';
    const rx = container ? 10 : 6;
    const parts = [
        `<g class="bos-node${n.change ? ` bos-change-${n.change}${removed ? ' bos-removed' : ''}` : ''}" id="${n.id}"`
        + ` data-node="${n.id}" transform="translate(${fmt(p.x)},${fmt(p.y)})">`,
        title,
        `<rect class="${cls}${status}${removed ? ' bos-removed-box' : ''}" width="${fmt(p.width)}" height="${
            fmt(p.height)
        }" rx="${rx}"/>`,
    ];
    if (n.change && !removed) {
        parts.push(
            `<rect class="bos-halo-${n.change}" x="-4" y="-4" width="${fmt(p.width + 8)}" height="${
                fmt(p.height + 8)
            }" rx="${rx + 3}"/>`,
        );
    }
    if (n.kind && !container) {
        parts.push(
            `<rect x="0" y="6" width="4" height="${fmt(p.height - 12)}" fill="hsl(${kindHue(n.kind)},60%,50%)"/>`,
        );
    }
    const textX = container ? 12 : 14;
    const top = container ? 20 : 19;
    parts.push(`<text class="bos-text" x="${textX}" y="${top}">${escapeXml(n.label)}</text>`);
    parts.push(`<text class="bos-sub" x="${textX}" y="${top + 16}">${escapeXml(subtitle(n))}</text>`);
    if (n.overlay && overlay) {
        parts.push(
            `<text class="bos-load-${n.overlay.status}" x="${textX}" y="${top + 33}">${
                escapeXml(n.overlay.text)
            }</text>`,
        );
    }
    if (n.change) parts.push(badge(n.change, p.width - 2, 2));
    parts.push('</g>');
    return parts.join('');
}

const BADGE: Readonly<Record<ChangeMark, string>> = { added: '+', changed: '~', removed: '−' };

/** A change's mark on the corner of a box (and in the legend): a disc with `+`, `~` or `−`. */
function badge(mark: ChangeMark, cx: number, cy: number): string {
    return `<g class="bos-badge"><circle class="bos-badge-${mark}" cx="${fmt(cx)}" cy="${fmt(cy)}" r="8"/>`
        + `<text class="bos-badge-text" x="${fmt(cx)}" y="${fmt(cy + 4)}" text-anchor="middle">${
            BADGE[mark]
        }</text></g>`;
}

function changeTitle(n: DiagramNode): string {
    if (n.change === 'changed' && n.was) return ` — renamed from ${n.was}`;
    return n.change ? ` — ${n.change}` : '';
}

function edgePath({ edge, dx, dy }: PlacedEdge): string {
    return (edge.sections ?? []).map(s => {
        const pts = [s.startPoint, ...(s.bendPoints ?? []), s.endPoint];
        return pts.map((pt, i) => `${i ? 'L' : 'M'}${fmt(pt.x + dx)} ${fmt(pt.y + dy)}`).join(' ');
    }).join(' ');
}

interface Point {
    x: number;
    y: number;
}

/**
 * Where an edge's label may go, best first: the middles of its segments, longest first
 * (the longest is easiest to tell apart), then their quarters.
 */
function labelPoints({ edge, dx, dy }: PlacedEdge): Point[] {
    const segments: { a: Point; b: Point; length: number }[] = [];
    for (const s of edge.sections ?? []) {
        const pts = [s.startPoint, ...(s.bendPoints ?? []), s.endPoint];
        for (let i = 1; i < pts.length; i++) {
            const length = Math.abs(pts[i].x - pts[i - 1].x) + Math.abs(pts[i].y - pts[i - 1].y);
            segments.push({ a: pts[i - 1], b: pts[i], length });
        }
    }
    segments.sort((p, q) => q.length - p.length);
    const along = (t: number) =>
        segments.map(({ a, b }) => ({ x: a.x + (b.x - a.x) * t + dx, y: a.y + (b.y - a.y) * t + dy }));
    return [...along(0.5), ...along(0.25), ...along(0.75)];
}

/** A label's place and width, to keep the next off it. */
interface Taken extends Point {
    width: number;
}

/** The first of an edge's label places where a `width` × `height` label overlaps none already `taken`. */
function freeLabelPoint(p: PlacedEdge, width: number, height: number, taken: Taken[]): Point | undefined {
    const points = labelPoints(p);
    const clear = (at: Point) =>
        taken.every(t => Math.abs(t.x - at.x) >= (t.width + width) / 2 || Math.abs(t.y - at.y) >= height);
    const at = points.find(clear) ?? points[0];
    if (at) taken.push({ ...at, width });
    return at;
}

function edgeLabels(diagram: Diagram, placed: readonly PlacedEdge[]): string {
    const labels = new Map(diagram.edges.filter(e => e.label && !e.bundle).map(e => [e.id, e.label!]));
    const out: string[] = [];
    for (const p of placed) {
        const label = labels.get(p.edge.id);
        const at = label && labelPoints(p)[0];
        if (!at) continue;
        out.push(
            `<text class="bos-edge-label" data-edge="${escapeXml(p.edge.id)}" x="${fmt(at.x + 4)}" y="${
                fmt(at.y - 3)
            }">${escapeXml(label)}</text>`,
        );
    }
    return `<g class="bos-edge-labels">${out.join('')}</g>`;
}

/** `12 runs on relations from Trade to Compute, drawn as one`, `5 relations (3 runs on, 2 uses) from …` */
export function bundleTitle(e: DiagramEdge, from: string, to: string): string {
    const { kinds, members } = e.bundle!;
    const mix = kinds.length === 1
        ? `${kinds[0]} relations`
        : `relations (${kinds.map(k => `${members.filter(m => m.kind === k).length} ${k}`).join(', ')})`;
    return `${members.length} ${mix} from ${from} to ${to}, drawn as one`;
}

const PILL_HEIGHT = 18;

/**
 * Each bundle's count on a pill at the middle of its longest segment (or the next place
 * no other pill takes), drawn over the boxes whatever the overlay: the count is what
 * tells a bundle from an edge.
 */
function bundleLabels(diagram: Diagram, placed: readonly PlacedEdge[], boxes: ReadonlyMap<string, Placed>): string {
    const bundles = new Map(diagram.edges.filter(e => e.bundle).map(e => [e.id, e]));
    const out: string[] = [];
    // Pills of bundles that end at one box share their last stretch: each takes a free place.
    const taken: Taken[] = [];
    for (const p of placed) {
        const e = bundles.get(p.edge.id);
        if (!e) continue;
        const width = textWidth(e.label!, FONT_SIZE.sub) + 12;
        const at = freeLabelPoint(p, width, PILL_HEIGHT, taken);
        if (!at) continue;
        const title = bundleTitle(e, boxes.get(e.source)?.node.label ?? '', boxes.get(e.target)?.node.label ?? '');
        const change = e.change ? ` bos-pill-${e.change}` : '';
        out.push(
            `<g class="bos-bundle" data-bundle="${escapeXml(e.id)}"><title>${escapeXml(title)}</title>`
                + `<rect class="bos-bundle-pill${change}" x="${fmt(at.x - width / 2)}" y="${
                    fmt(at.y - PILL_HEIGHT / 2)
                }" width="${fmt(width)}" height="${PILL_HEIGHT}" rx="9"/><text class="bos-bundle-label" data-edge="${
                    escapeXml(e.id)
                }" x="${fmt(at.x)}" y="${fmt(at.y + 4)}" text-anchor="middle">${escapeXml(e.label!)}</text></g>`,
        );
    }
    return `<g class="bos-bundles">${out.join('')}</g>`;
}

const BUNDLE_LEGEND = 'edges drawn as one, with their count';

const STATUS_LEGEND = [
    ['ok', 'under the headroom line'],
    ['headroom', 'within headroom'],
    ['overload', 'overloaded'],
    ['unknown', 'no capacity'],
] as const;

/** The legend's markup and its right edge, so the picture can be made wide enough for it. */
function legend(diagram: Diagram, x: number, y: number, overlay: boolean): { markup: string; right: number } {
    const { compared } = diagram;
    const items: string[] = [];
    let right = x;
    const label = (lx: number, ly: number, text: string) => {
        items.push(`<text class="bos-sub" x="${lx}" y="${ly}">${text}</text>`);
        right = Math.max(right, lx + textWidth(text, FONT_SIZE.sub));
    };
    let cx = x;
    /** A short line of these classes (with this arrow), and its text. */
    const line = (classes: string, text: string, arrow?: string) => {
        const end = arrow ? ` marker-end="url(#arrow-${arrow})"` : '';
        items.push(`<path class="${classes}" d="M${cx} ${y + 14} L${cx + 34} ${y + 14}"${end}/>`);
        label(cx + 42, y + 18, text);
        cx += 60 + text.length * 7;
    };
    for (const k of EDGE_KINDS) line(`bos-edge-${edgeClass(k)}`, k, edgeClass(k));
    // Only a picture that has bundles explains them: the others keep their legend as it was.
    if (diagram.edges.some(e => e.bundle)) line(`bos-edge-${MIXED} bos-bundle-edge`, BUNDLE_LEGEND);
    cx += 16;
    for (const l of LAYERS) {
        items.push(`<rect class="bos-box-${l}" x="${cx}" y="${y + 6}" width="16" height="16" rx="3"/>`);
        label(cx + 22, y + 18, l);
        cx += 40 + l.length * 7;
    }
    if (overlay) {
        let sx = x;
        for (const [s, text] of STATUS_LEGEND) {
            items.push(
                `<rect class="bos-box-platform bos-status-${s}" x="${sx}" y="${
                    y + 34
                }" width="16" height="16" rx="3"/>`,
            );
            label(sx + 22, y + 46, text);
            sx += 50 + text.length * 7;
        }
    }
    if (compared) {
        const cy = y + (overlay ? 62 : 34);
        let mx = x;
        for (const mark of CHANGE_MARKS) {
            items.push(badge(mark, mx + 8, cy + 12));
            label(mx + 22, cy + 16, mark);
            mx += 40 + mark.length * 7;
        }
        label(mx + 8, cy + 16, escapeXml(comparedText(compared)));
    }
    return { markup: `<g class="bos-legend">${items.join('')}</g>`, right };
}

export interface SvgOptions {
    theme: ThemeName;
    /** Leave the stylesheet out (the preview applies it itself, under its CSP). */
    bare?: boolean;
    /** Draw each load-carrying edge's load and weight (with an overlay). */
    edgeLabels?: boolean;
}

export function toSvg(diagram: Diagram, laid: ElkNode, options: SvgOptions): string {
    const { boxes: placed, edges: placedEdges } = place(diagram, laid);
    const overlay = !!diagram.scenario;
    const bodyHeight = laid.height ?? 0;
    const key = legend(diagram, MARGIN, bodyHeight + 4, overlay);
    const noteRight = diagram.note ? MARGIN + textWidth(diagram.note, FONT_SIZE.note) : 0;
    // As wide as the widest part: the laid-out body, the legend or the note.
    const width = Math.max(BAND_GUTTER + (laid.width ?? 0), Math.ceil(Math.max(key.right, noteRight) + MARGIN));
    const noteHeight = diagram.note ? 22 : 0;
    // Without an overlay the change marks take the status row's place.
    const compareHeight = diagram.compared && overlay ? COMPARE_HEIGHT : 0;
    const legendHeight = LEGEND_HEIGHT - (overlay || diagram.compared ? 0 : LEGEND_ROW);
    const height = bodyHeight + legendHeight + compareHeight + noteHeight + 16;
    const bands: string[] = [];
    for (const layer of LAYERS) {
        const tops = [...placed.values()].filter(p => !p.node.parent && p.node.layer === layer);
        if (!tops.length) continue;
        const y0 = Math.min(...tops.map(p => p.y)) - 12;
        const y1 = Math.max(...tops.map(p => p.y + p.height)) + 12;
        bands.push(
            `<rect class="bos-band" x="0" y="${fmt(y0)}" width="${fmt(width)}" height="${fmt(y1 - y0)}"/>`,
            `<text class="bos-band-label" x="16" y="${fmt(y0 + 22)}">${LAYER_TITLE[layer]}</text>`,
        );
    }
    const markers = [...EDGE_KINDS.map(edgeClass), MIXED].map(id => {
        const box =
            'viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"';
        return `<marker id="arrow-${id}" ${box}><path class="bos-arrow-${id}" d="M0 0 L10 5 L0 10 z"/></marker>`;
    }).join('');
    const byId = new Map(diagram.edges.map(e => [e.id, e]));
    const edges = placedEdges.map(p => {
        const e = byId.get(p.edge.id);
        const kind = e?.bundle && e.bundle.kinds.length > 1 ? MIXED : edgeClass(e?.kind as EdgeKind);
        const change = e?.change ? ` bos-edge-${e.change}` : '';
        // A bundle's line is a click target as well as its pill; an expanded member names its bundle.
        const bundle = e?.bundle ? ` bos-bundle-edge" data-bundle="${escapeXml(e.id)}` : '';
        const member = e?.of ? `" data-bundle-member="${escapeXml(e.of)}` : '';
        return `<path class="bos-edge-${kind}${change}${bundle}${member}" data-edge="${escapeXml(p.edge.id)}" d="${
            edgePath(p)
        }" marker-end="url(#arrow-${kind})"/>`;
    });
    const all = [...placed.values()];
    const containers = all.filter(p => p.node.isContainer && !p.node.folded).map(p => box(p, overlay));
    const leaves = all.filter(p => !(p.node.isContainer && !p.node.folded)).map(p => box(p, overlay));
    const note = diagram.note
        ? `<text class="bos-note" x="${MARGIN}" y="${fmt(bodyHeight + legendHeight + compareHeight + 14)}">${
            escapeXml(diagram.note)
        }</text>`
        : '';
    return [
        `<svg xmlns="http://www.w3.org/2000/svg" class="bos-diagram" viewBox="0 0 ${fmt(width)} ${
            fmt(height)
        }" width="${fmt(width)}" height="${fmt(height)}" font-family="${escapeXml(fontFamily())}" data-view="${
            escapeXml(diagram.view)
        }">`,
        `<title>${escapeXml(diagram.title)}${diagram.scenario ? ` — ${escapeXml(diagram.scenario)}` : ''}</title>`,
        options.bare ? '' : `<style>${stylesheet(options.theme)}</style>`,
        `<defs>${markers}</defs>`,
        `<rect class="bos-bg" width="100%" height="100%"/>`,
        `<g class="bos-bands">${bands.join('')}</g>`,
        `<g class="bos-containers">${containers.join('')}</g>`,
        `<g class="bos-edges">${edges.join('')}</g>`,
        `<g class="bos-leaves">${leaves.join('')}</g>`,
        overlay && options.edgeLabels ? edgeLabels(diagram, placedEdges) : '',
        bundleLabels(diagram, placedEdges, placed),
        key.markup,
        note,
        '</svg>',
    ].join('\n');
}
