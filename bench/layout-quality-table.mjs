// The layout-quality benchmark's JSON (bench/layout-quality.ts) as table rows: ELK, dot
// and their ratio for each measure, and whether ELK has no more crossings than dot with
// its layers in their bands.
const ratio = (a, b) => (b ? `${(a / b).toFixed(2)}×` : '—');

export function layoutQualityTable(rows) {
    return rows.map(({ view, elk, dot }) => {
        if (!dot) return { view, crossings: elk.crossings, note: 'Graphviz dot is not installed: ELK alone' };
        const pair = key => `${elk[key]} / ${dot[key]} (${ratio(elk[key], dot[key])})`;
        return {
            view,
            'crossings ELK / dot': pair('crossings'),
            bends: pair('bends'),
            'edge length': pair('length'),
            'size ELK / dot': `${elk.width}×${elk.height} / ${dot.width}×${dot.height}`,
            'label at fit': `${elk.labelAtFit.toFixed(1)} / ${dot.labelAtFit.toFixed(1)} px`,
            'time ELK / dot': `${elk.ms} / ${dot.ms} ms`,
            bands: `${elk.bands ? 'yes' : 'NO'} / ${dot.bands ? 'yes' : 'NO'}`,
            met: elk.crossings <= dot.crossings && elk.bands ? 'yes' : 'NO',
        };
    });
}
