// SVG → PNG with resvg (a native rasterizer shipped inside its npm package; no browser).
// System fonts are loaded so that CJK titles draw as glyphs where a CJK font is installed.
import { createRequire } from 'node:module';

export function svgToPng(svg: string, scale = 2): Buffer {
    // Loaded on first use: the native module is only needed for PNG output.
    const { Resvg } = createRequire(__filename)('@resvg/resvg-js') as typeof import('@resvg/resvg-js');
    const resvg = new Resvg(svg, {
        fitTo: { mode: 'zoom', value: scale },
        font: { loadSystemFonts: true, defaultFontFamily: 'Noto Sans CJK SC' },
    });
    return resvg.render().asPng();
}
