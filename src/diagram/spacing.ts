// The spacing the layout gives ELK and the picture keeps round it, in px: one table that
// layout.ts writes into ELK's options and band-shape.ts estimates a drawing with.
import { CONTAINER_HEADER } from './measure.js';

interface Padding {
    top: number;
    left: number;
    bottom: number;
    right: number;
}

export const SPACING = {
    /** Between two top-level boxes of a layer, and between two layers. */
    box: 24,
    layer: 32,
    /** The same inside a container. */
    child: 18,
    childLayer: 28,
    /** Round the drawing: 12 on the right, as the bands' own margin (the band titles' gutter is on the left). */
    root: { top: 24, left: 24, bottom: 24, right: 12 } satisfies Padding,
    /** Round a container's children, below its title lines. */
    container: { top: CONTAINER_HEADER + 12, left: 14, bottom: 14, right: 14 } satisfies Padding,
} as const;

/** Left of the drawing, where svg.ts writes the band titles. */
export const BAND_GUTTER = 150;

/** ELK's `elk.padding` value. */
export const elkPadding = (p: Padding): string => `[top=${p.top},left=${p.left},bottom=${p.bottom},right=${p.right}]`;
