// The site's own stylesheet (the diagram's comes from diagram/theme.ts). No web font is
// inlined: CJK fonts run to megabytes, so text uses the system's fonts (theme.ts's stack).
import { fontFamily, PALETTES } from '../diagram/theme.js';

const p = PALETTES.light;

export const PAGE_STYLE = [
    `body{margin:0;font-family:${fontFamily()};font-size:14px;color:${p.text};background:${p.background}}`,
    `header{display:flex;align-items:center;gap:16px;padding:8px 16px;border-bottom:1px solid ${p.band};`
    + 'position:relative}',
    'h1{font-size:18px;margin:0}h2{font-size:15px;margin:8px 0}',
    '#search{flex:0 1 320px;padding:4px 8px;font:inherit}',
    `#results{position:absolute;top:100%;left:16px;z-index:2;background:${p.background};list-style:none;margin:0;`
    + `padding:4px;border:1px solid ${p.muted};max-height:50vh;overflow:auto;min-width:320px}`,
    '#results li{padding:2px 4px}#results li small{color:' + p.muted + '}',
    `#findings{padding:4px 16px;border-bottom:1px solid ${p.band}}#findings ul{margin:4px 0;padding-left:20px}`,
    `.finding-error .severity{color:${p.status.overload}}.finding-warning .severity{color:${p.status.headroom}}`,
    `.where{color:${p.muted}}.severity{font-weight:600}`,
    `#views{display:flex;flex-wrap:wrap;gap:4px;padding:6px 16px;border-bottom:1px solid ${p.band}}`,
    '#views a{padding:2px 8px;border-radius:4px;text-decoration:none}',
    `#views a.current{background:${p.layer.commerce.fill};font-weight:600}`,
    `#controls{display:flex;flex-wrap:wrap;align-items:center;gap:12px;padding:6px 16px;`
    + `border-bottom:1px solid ${p.band}}`,
    '#controls input[type=range]{width:220px}',
    // The page never scrolls as a whole: the picture and the panel do, each on its own.
    'body{display:flex;flex-direction:column;height:100vh}',
    '#layout{display:flex;flex:1;min-height:0}',
    '#pages{flex:1;overflow:auto;padding:0 16px;min-width:0;min-height:0}',
    '#pages svg{display:block;max-width:none}',
    `#details{flex:0 0 360px;padding:8px 16px;border-left:1px solid ${p.band};overflow:auto}`,
    '#details dl{display:grid;grid-template-columns:auto 1fr;gap:2px 8px;margin:4px 0}#details dt{color:'
    + `${p.muted}}#details dd{margin:0;overflow-wrap:anywhere}`,
    '#details table,#summary table{border-collapse:collapse;font-size:12px}',
    '#details td,#details th,#summary td,#summary th{padding:1px 6px;text-align:left}',
    '#details td+td{white-space:nowrap}',
    '.whatif label{display:block;margin:2px 0}.whatif input{width:110px}',
    `.bar{display:inline-block;height:8px;background:${p.status.ok};vertical-align:middle}`,
    `.bar-headroom{background:${p.status.headroom}}.bar-overload{background:${p.status.overload}}`,
    `.bar-track{display:inline-block;width:80px;height:8px;background:${p.band};vertical-align:middle}`,
    `.status-overload,.status-saturated,.status-over-slo{color:${p.status.overload};font-weight:600}`,
    `.status-headroom{color:${p.status.headroom};font-weight:600}`,
    `.problem{color:${p.status.overload}}.hint{color:${p.muted}}`,
    '[data-node],[data-bundle]{cursor:pointer}',
    `.bos-node.found rect:first-of-type{stroke:${p.edge.calls};stroke-width:4}`,
    // The keyboard's stop (page/keyboard.ts) is drawn on the box, not as the browser's square ring.
    '.bos-node:focus,.bos-bundle:focus{outline:none}',
    `.bos-node:focus-visible>rect:first-of-type{stroke:${p.edge.calls};stroke-width:4;stroke-dasharray:6 3}`,
    `.bos-bundle:focus-visible>rect{stroke:${p.edge.calls};stroke-width:2.5}`,
].join('\n');
