// Text widths and box sizes, estimated before layout: the layout needs sizes, and there
// is no browser here to measure text. A character's width follows its terminal cells
// (East Asian Wide and Fullwidth take two, combining marks none), so CJK counts double.
import { charCells } from '../analysis/cells.js';
import type { DiagramNode } from './graph.js';
import { FONT_SIZE } from './theme.js';

// Average widths of a narrow and of a wide character in the box label's font (13px,
// bold); other sizes scale from them.
const NARROW = 7.9;
const WIDE = 14.5;

/**
 * Estimated width in pixels of `text` at `fontSize`. An average per character: a word of
 * wide letters (`commerce`) can run a few pixels over it, so callers leave a margin.
 */
export function textWidth(text: string, fontSize: number = FONT_SIZE.text): number {
    let w = 0;
    for (const ch of text) {
        const n = charCells(ch);
        w += n >= 2 ? WIDE : n * NARROW;
    }
    return w * (fontSize / FONT_SIZE.text);
}

export const NODE_HEIGHT = 46;
export const OVERLAY_HEIGHT = 18;
export const CONTAINER_HEADER = 30;

/** Width and height of a leaf box: label, kind line, and the overlay line when there is one. */
export function boxSize(n: DiagramNode): { width: number; height: number } {
    // Each line at the size it is drawn in (theme.ts): the label, the kind line, the overlay.
    const widths = [
        textWidth(n.label, FONT_SIZE.text),
        textWidth(subtitle(n), FONT_SIZE.sub),
        n.overlay ? textWidth(n.overlay.widest, FONT_SIZE.load) : 0,
        n.overlay ? textWidth(n.overlay.text, FONT_SIZE.load) : 0,
    ];
    const width = Math.max(120, Math.ceil(Math.max(...widths)) + 28);
    return { width, height: NODE_HEIGHT + (n.overlay ? OVERLAY_HEIGHT : 0) };
}

/** The second line of a box: `capability`, `compute`, `+12 folded`. */
export function subtitle(n: DiagramNode): string {
    const what = n.kind ? `${n.keyword} · ${n.kind}` : n.keyword;
    return n.folded ? `${what} · ${n.folded} folded` : what;
}
