// Colours of the picture: by layer (box fill), by kind (accent stripe), by overlay
// status, and one style per edge kind. The SVG carries a concrete palette; the preview
// webview overrides the same classes with the VS Code theme's colours.
import type { Status } from '../analysis/scenario.js';
import { facts } from '../model/relations.js';
import type { Layer } from '../model/vocabulary.js';
import type { ChangeMark } from './change.js';
import { EDGE_KINDS, type EdgeKind } from './graph.js';

export type ThemeName = 'light' | 'dark';

interface Palette {
    background: string;
    text: string;
    muted: string;
    band: string;
    bandText: string;
    layer: Record<Layer, { fill: string; stroke: string }>;
    container: Record<'platform' | 'infrastructure', { fill: string; stroke: string }>;
    status: Record<Status, string>;
    edge: Record<EdgeKind, string>;
    /** Against a base: the halo and badge of a box, the colour of an added edge. */
    change: Record<ChangeMark, string>;
}

export const PALETTES: Readonly<Record<ThemeName, Palette>> = {
    light: {
        background: '#ffffff',
        text: '#1f2328',
        muted: '#59636e',
        band: '#f6f8fa',
        bandText: '#8c959f',
        layer: {
            actors: { fill: '#f3e8ff', stroke: '#8250df' },
            commerce: { fill: '#ddf4ff', stroke: '#0969da' },
            platform: { fill: '#dafbe1', stroke: '#1a7f37' },
            infrastructure: { fill: '#fff1e5', stroke: '#bc4c00' },
        },
        container: {
            platform: { fill: '#f0fdf4', stroke: '#4ac26b' },
            infrastructure: { fill: '#fff8f2', stroke: '#fb8f44' },
        },
        status: { ok: '#1a7f37', headroom: '#9a6700', overload: '#cf222e', unknown: '#6e7781' },
        edge: { 'uses': '#6e7781', 'runs on': '#bc4c00', 'calls': '#0969da', 'depends on': '#8250df' },
        change: { added: '#1a7f37', changed: '#895503', removed: '#cf222e' },
    },
    dark: {
        background: '#0d1117',
        text: '#e6edf3',
        muted: '#9198a1',
        band: '#161b22',
        bandText: '#6e7681',
        layer: {
            actors: { fill: '#2c1f4a', stroke: '#ab7df8' },
            commerce: { fill: '#0c2d4f', stroke: '#4493f8' },
            platform: { fill: '#0f3320', stroke: '#3fb950' },
            infrastructure: { fill: '#3d2110', stroke: '#f0883e' },
        },
        container: {
            platform: { fill: '#0b2116', stroke: '#2ea043' },
            infrastructure: { fill: '#2a1709', stroke: '#db6d28' },
        },
        status: { ok: '#3fb950', headroom: '#d29922', overload: '#f85149', unknown: '#8b949e' },
        edge: { 'uses': '#8b949e', 'runs on': '#f0883e', 'calls': '#4493f8', 'depends on': '#ab7df8' },
        change: { added: '#3fb950', changed: '#d29922', removed: '#f85149' },
    },
};

function edgeRule(kind: EdgeKind, colour: string): string {
    const { dash, width } = facts(kind).edge!;
    const dashed = dash ? `;stroke-dasharray:${dash}` : '';
    const name = edgeClass(kind);
    const line = `.bos-edge-${name}{fill:none;stroke:${colour};stroke-width:${width}${dashed}}`;
    return `${line}.bos-arrow-${name}{fill:${colour}}`;
}

/** The class-name form of a bundle of several kinds: drawn in a neutral style. */
export const MIXED = 'mixed';

/** Class-name form of an edge kind: `runs on` → `runs-on`. */
export const edgeClass = (k: EdgeKind) => k.replace(' ', '-');

/** Colour of a kind's accent stripe: a stable hue per kind name, so kinds read apart within a layer. */
export function kindHue(kind: string): number {
    let h = 0;
    for (const ch of kind) h = (h * 31 + (ch.codePointAt(0) ?? 0)) % 360;
    return h;
}

/** Font sizes in pixels: box labels, their second line and the legend, the layout note. */
export const FONT_SIZE = { text: 13, sub: 11, note: 12, load: 11 } as const;

/** The stylesheet embedded in every SVG: simple class selectors only, which resvg supports too. */
export function stylesheet(theme: ThemeName): string {
    const p = PALETTES[theme];
    const rules = [
        `.bos-bg{fill:${p.background}}`,
        `.bos-text{fill:${p.text};font-size:${FONT_SIZE.text}px;font-weight:600}`,
        `.bos-sub{fill:${p.muted};font-size:${FONT_SIZE.sub}px}`,
        `.bos-band{fill:${p.band}}`,
        `.bos-band-label{fill:${p.bandText};font-size:12px;font-weight:600;letter-spacing:1px}`,
        `.bos-note{fill:${p.status.headroom};font-size:${FONT_SIZE.note}px}`,
        ...Object.entries(p.layer).map(([l, c]) => `.bos-box-${l}{fill:${c.fill};stroke:${c.stroke};stroke-width:1.2}`),
        ...Object.entries(p.container).map(([k, c]) =>
            `.bos-container-${k}{fill:${c.fill};stroke:${c.stroke};stroke-width:1.2;stroke-dasharray:4 3}`
        ),
        ...Object.entries(p.status).flatMap(([s, c]) => [
            `.bos-status-${s}{stroke:${c};stroke-width:2.5}`,
            `.bos-load-${s}{fill:${c};font-size:${FONT_SIZE.load}px;font-weight:600}`,
        ]),
        ...EDGE_KINDS.map(k => edgeRule(k, p.edge[k])),
        ...bundleRules(p),
        '.bos-selected{stroke-width:3.5}',
        ...changeRules(p),
        ...sequenceRules(p),
        // A halo of the background keeps an edge label readable where it crosses a line.
        `.bos-edge-label{fill:${p.muted};font-size:${FONT_SIZE.sub}px;paint-order:stroke;stroke:${p.background};`
        + 'stroke-width:3px;stroke-linejoin:round}',
    ];
    return rules.join('');
}

/** A bundle (bundles.ts): a thicker line, and its count on a pill that reads over lines and boxes. */
function bundleRules(p: Palette): string[] {
    return [
        `.bos-edge-${MIXED}{fill:none;stroke:${p.muted};stroke-width:1.6}.bos-arrow-${MIXED}{fill:${p.muted}}`,
        '.bos-bundle-edge{stroke-width:3.2}',
        `.bos-bundle-pill{fill:${p.background};stroke:${p.muted};stroke-width:1}`,
        `.bos-bundle-label{fill:${p.text};font-size:${FONT_SIZE.sub}px;font-weight:600}`,
        // After the pill: a bundle some of whose members changed says so on its count too.
        ...Object.entries(p.change).map(([mark, c]) => `.bos-pill-${mark}{stroke:${c};stroke-width:2}`),
    ];
}

/**
 * A change reads by shape as well as colour (a halo and a `+`, `~` or `−` badge; removed
 * boxes and edges dashed and faded), so it survives high contrast and colour blindness.
 * After the edge rules: an added edge's colour wins over its kind's.
 */
function changeRules(p: Palette): string[] {
    return [
        // A removed box is faded and dashed instead of haloed.
        `.bos-halo-added{fill:none;stroke:${p.change.added};stroke-width:2.5}`,
        `.bos-halo-changed{fill:none;stroke:${p.change.changed};stroke-width:2.5}`,
        ...Object.entries(p.change).map(([mark, c]) =>
            `.bos-badge-${mark}{fill:${c};stroke:${p.background};stroke-width:1.5}`
        ),
        `.bos-badge-text{fill:${p.background};font-size:12px;font-weight:700}`,
        '.bos-removed{opacity:0.5}',
        '.bos-removed-box{stroke-dasharray:5 3}',
        `.bos-edge-added{stroke:${p.change.added};stroke-width:2.2}`,
        '.bos-edge-removed{opacity:0.5;stroke-dasharray:6 4}',
        `.bos-edge-changed{stroke:${p.change.changed};stroke-width:2.2}`,
    ];
}

/** The sequence view's lifelines, messages, waterfall bars, SLO line and statuses (sequence-svg.ts). */
function sequenceRules(p: Palette): string[] {
    const { status } = p;
    const flowColours = {
        'ok': status.ok,
        'no-slo': status.unknown,
        'over-slo': status.overload,
        'saturated': status.overload,
    };
    return [
        `.bos-seq-lifeline{fill:none;stroke:${p.muted};stroke-width:1;stroke-dasharray:4 4}`,
        `.bos-seq-activation{fill:${p.layer.platform.fill};stroke:${p.layer.platform.stroke};stroke-width:1}`,
        `.bos-seq-message{fill:none;stroke:${p.edge.calls};stroke-width:1.6}`,
        `.bos-seq-arrow{fill:${p.edge.calls}}`,
        `.bos-seq-leader{fill:none;stroke:${p.muted};stroke-width:0.8;stroke-dasharray:1 3}`,
        `.bos-seq-bar{fill:${p.edge.calls}}`,
        `.bos-seq-top{fill:${status.headroom}}`,
        `.bos-seq-top-text{fill:${status.headroom};font-size:${FONT_SIZE.text}px;font-weight:700}`,
        `.bos-seq-saturated{fill:${status.overload}}`,
        `.bos-seq-slo{fill:none;stroke:${status.overload};stroke-width:1.5;stroke-dasharray:5 3}`,
        `.bos-seq-slo-text{fill:${status.overload};font-size:${FONT_SIZE.sub}px;font-weight:600}`,
        ...Object.entries(flowColours).flatMap(([s, colour]) => [
            `.bos-seq-total-${s}{fill:${colour}}`,
            `.bos-seq-status-${s}{fill:${colour};font-size:${FONT_SIZE.note}px;font-weight:600}`,
        ]),
    ];
}

export function fontFamily(): string {
    return "system-ui, -apple-system, 'Segoe UI', 'Noto Sans CJK SC', 'Noto Sans', "
        + "'PingFang SC', 'Microsoft YaHei', sans-serif";
}
