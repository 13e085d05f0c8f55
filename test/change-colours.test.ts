// The marks of a change read in both palettes: each colour (halo, badge, added edge)
// stands out from the picture's background and its layer bands by WCAG's 3:1 for
// graphical objects, and the badge's glyph (drawn in the background colour) from its disc.
import { describe, expect, it } from 'vitest';
import { PALETTES } from '../src/diagram/theme.js';

function luminance(hex: string): number {
    const [r, g, b] = [1, 3, 5].map(i => parseInt(hex.slice(i, i + 2), 16) / 255)
        .map(v => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
}

describe('change colours', () => {
    for (const [theme, p] of Object.entries(PALETTES)) {
        it(`stand out in the ${theme} palette`, () => {
            for (const [mark, colour] of Object.entries(p.change)) {
                for (const behind of [p.background, p.band, p.container.platform.fill]) {
                    expect(contrast(colour, behind), `${mark} ${colour} on ${behind}`).toBeGreaterThanOrEqual(3);
                }
            }
        });
    }

    it('are three different colours in each palette', () => {
        for (const p of Object.values(PALETTES)) expect(new Set(Object.values(p.change)).size).toBe(3);
    });
});
