// Box sizes from label lengths, before layout: the layout needs sizes, and there is no
// browser here to measure text. Wide (CJK) characters count double.
import type { DiagramNode } from './graph.js';

const NARROW = 7.9;
const WIDE = 14.5;

export function textWidth(text: string): number {
    let w = 0;
    for (const ch of text) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? WIDE : NARROW;
    return w;
}

export const NODE_HEIGHT = 46;
export const OVERLAY_HEIGHT = 18;
export const CONTAINER_HEADER = 30;

/** Width and height of a leaf box: label, kind line, and the overlay line when there is one. */
export function boxSize(n: DiagramNode): { width: number; height: number } {
    const lines = [n.label, subtitle(n), n.overlay?.text ?? ''];
    const width = Math.max(120, Math.ceil(Math.max(...lines.map(textWidth))) + 28);
    return { width, height: NODE_HEIGHT + (n.overlay ? OVERLAY_HEIGHT : 0) };
}

/** The second line of a box: `capability`, `compute`, `+12 folded`. */
export function subtitle(n: DiagramNode): string {
    const what = n.kind ? `${n.keyword} · ${n.kind}` : n.keyword;
    return n.folded ? `${what} · ${n.folded} folded` : what;
}
