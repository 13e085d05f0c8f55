// Charts of the scenario analysis as SVG, pure: the sweep (each flow's latency and the
// bottleneck's utilisation against the load, the knee marked) and a bar of a fraction
// coloured by status. The analysis panel and `bos site` draw the same pictures. Every
// label is escaped; colours come from the diagram's palettes.
import { duration, factor, percent } from '../analysis/format.js';
import type { Status } from '../analysis/scenario.js';
import { textWidth } from './measure.js';
import { escapeXml } from './svg.js';
import { fontFamily, PALETTES, type ThemeName } from './theme.js';

export interface SweepSeries {
    /** The load factors, ascending. */
    scales: number[];
    /** The bottleneck's utilisation at each scale (1/s*), null without one. */
    bottleneck: (number | null)[];
    bottleneckName?: string;
    flows: {
        name: string;
        /** Seconds at each scale; null when there is no time model or the flow is saturated there. */
        latency: (number | null)[];
        saturated: boolean[];
        slo: number | null;
    }[];
    /** The step where the first flow bends upward (cli/sweep.ts kneeOf), or -1. */
    knee: number;
}

const W = 560, H = 260, LEFT = 56, RIGHT = 52, TOP = 16, BOTTOM = 40;
const fmt = (n: number) => String(Math.round(n * 10) / 10);

/** Line colours of the flows, in turn: distinct in both palettes. */
function flowColours(theme: ThemeName): string[] {
    const p = PALETTES[theme];
    return [p.edge.calls, p.edge['depends on'], p.layer.infrastructure.stroke, p.layer.commerce.stroke, p.text];
}

/** A round top for an axis: 1, 2 or 5 times a power of ten, at or above `max`. */
function niceTop(max: number): number {
    if (!(max > 0)) return 1;
    const step = 10 ** Math.floor(Math.log10(max));
    return [1, 2, 5, 10].map(m => m * step).find(t => t >= max)!;
}

/** The sweep as a line chart: latency on the left axis, the bottleneck's utilisation on the right. */
export function sweepChart(s: SweepSeries, theme: ThemeName, title: string): string {
    const p = PALETTES[theme];
    const n = s.scales.length;
    if (n < 2) return '';
    const x0 = s.scales[0], x1 = s.scales[n - 1];
    const x = (scale: number) => LEFT + ((scale - x0) / (x1 - x0)) * (W - LEFT - RIGHT);
    const latencies = s.flows.flatMap(f => f.latency.filter((l): l is number => l !== null));
    const slos = s.flows.flatMap(f => (f.slo === null ? [] : [f.slo]));
    const latencyTop = niceTop(Math.max(0, ...latencies, ...slos));
    const yL = (seconds: number) => H - BOTTOM - (Math.min(seconds, latencyTop) / latencyTop) * (H - TOP - BOTTOM);
    const utilTop = Math.max(
        1.2,
        niceTop(Math.max(0, ...s.bottleneck.filter((u): u is number => u !== null)) * 10) / 10,
    );
    const yU = (u: number) => H - BOTTOM - (Math.min(u, utilTop) / utilTop) * (H - TOP - BOTTOM);
    const text = (tx: number, ty: number, t: string, anchor = 'start', colour = p.muted) =>
        `<text x="${fmt(tx)}" y="${fmt(ty)}" text-anchor="${anchor}" fill="${colour}" font-size="11">${
            escapeXml(t)
        }</text>`;
    const out: string[] = [
        `<rect width="${W}" height="${H}" fill="${p.background}"/>`,
        `<path d="M${LEFT} ${TOP} V${H - BOTTOM} H${W - RIGHT} V${TOP}" fill="none" stroke="${p.muted}"/>`,
    ];
    for (const f of [0, 0.5, 1]) {
        const y = H - BOTTOM - f * (H - TOP - BOTTOM);
        out.push(text(LEFT - 6, y + 4, duration(latencyTop * f), 'end'));
        out.push(text(W - RIGHT + 6, y + 4, percent(utilTop * f)));
    }
    for (let i = 0; i < n; i += Math.max(1, Math.round(n / 6))) {
        out.push(text(x(s.scales[i]), H - BOTTOM + 16, factor(s.scales[i]), 'middle'));
    }
    out.push(text((LEFT + W - RIGHT) / 2, H - 6, 'every load ×', 'middle'));
    // 100% of the bottleneck's capacity: where s* lies.
    out.push(
        `<path d="M${LEFT} ${fmt(yU(1))} H${W - RIGHT}" stroke="${p.status.overload}" stroke-dasharray="2 3"/>`,
        text(W - RIGHT - 4, yU(1) - 4, '100% capacity', 'end', p.status.overload),
    );
    const line = (points: (number | null)[], y: (v: number) => number, colour: string, extra = '') => {
        let d = '';
        points.forEach((v, i) => {
            if (v === null) return;
            d += `${d && points[i - 1] !== null ? 'L' : 'M'}${fmt(x(s.scales[i]))} ${fmt(y(v))} `;
        });
        return d ? `<path d="${d.trim()}" fill="none" stroke="${colour}" stroke-width="2"${extra}/>` : '';
    };
    out.push(line(s.bottleneck, yU, p.status.headroom, ' stroke-dasharray="6 3" class="bos-chart-bottleneck"'));
    const colours = flowColours(theme);
    const legend: string[] = [];
    s.flows.forEach((f, j) => {
        const colour = colours[j % colours.length];
        out.push(line(f.latency, yL, colour, ` class="bos-chart-flow" data-flow="${escapeXml(f.name)}"`));
        f.saturated.forEach((sat, i) => {
            if (sat) out.push(text(x(s.scales[i]), TOP + 10, '∞', 'middle', p.status.overload));
        });
        if (f.slo !== null) {
            out.push(`<path d="M${LEFT} ${fmt(yL(f.slo))} H${W - RIGHT}" stroke="${colour}" stroke-dasharray="1 4"/>`);
        }
        legend.push(
            `<tspan fill="${colour}">━ ${escapeXml(f.name)}${
                f.slo === null ? '' : ` (SLO ${duration(f.slo)})`
            }</tspan>`,
        );
    });
    if (s.knee >= 0) {
        const kx = x(s.scales[s.knee]);
        out.push(
            `<path class="bos-chart-knee" d="M${fmt(kx)} ${TOP} V${
                H - BOTTOM
            }" stroke="${p.status.overload}" stroke-width="1.5"/>`,
            text(kx + 4, TOP + 24, `knee ${factor(s.scales[s.knee])}`, 'start', p.status.overload),
        );
    }
    const bottleneck = `<tspan fill="${p.status.headroom}">┅ ${
        escapeXml(s.bottleneckName ?? 'bottleneck')
    } utilisation</tspan>`;
    return [
        `<svg xmlns="http://www.w3.org/2000/svg" class="bos-chart" viewBox="0 0 ${W} ${H + 22}" width="${W}" height="${
            H + 22
        }" font-family="${escapeXml(fontFamily())}" role="img" aria-label="${escapeXml(title)}">`,
        `<title>${escapeXml(title)}</title>`,
        ...out,
        `<text x="${LEFT}" y="${H + 16}" font-size="11">${[...legend, bottleneck].join('  ')}</text>`,
        '</svg>',
    ].join('');
}

/** A horizontal bar of `fraction` (over 1 fills it), coloured by status, with its text beside it. */
export function statusBar(fraction: number, status: Status, theme: ThemeName, label: string, width = 120): string {
    const p = PALETTES[theme];
    const filled = Math.max(0, Math.min(1, fraction)) * width;
    const total = Math.ceil(width + 10 + textWidth(label, 11));
    return `<svg xmlns="http://www.w3.org/2000/svg" class="bos-bar" width="${total}" height="14" role="img" aria-label="${
        escapeXml(label)
    }"><rect width="${width}" height="14" rx="2" fill="${p.band}"/><rect width="${
        fmt(filled)
    }" height="14" rx="2" fill="${p.status[status]}"/><text x="${width + 6}" y="11" font-size="11" fill="${p.text}">${
        escapeXml(label)
    }</text></svg>`;
}
