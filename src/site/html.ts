// The site as one HTML file: the stylesheet, every page's SVG, the findings, the data
// for the page script (as JSON that no label can break out of) and the script itself,
// under a Content-Security-Policy that lets in only the inlined script and style (by
// nonce), pictures as data: URLs, and no request at all. Pure and deterministic: the
// same site gives the same bytes.
import { escapeXml } from '../diagram/svg.js';
import { stylesheet } from '../diagram/theme.js';
import type { Site, SiteFinding } from './build.js';
import { PAGE_STYLE } from './style.js';

/**
 * JSON inside `<script type="application/json">`: `<` as `\u003c`, so neither `</script>`
 * nor `<!--` in a label ends or changes the element; U+2028/9 for old parsers.
 */
export function scriptJson(value: unknown): string {
    return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

const esc = escapeXml;

function finding(f: SiteFinding): string {
    const where = `${f.file}:${f.line}:${f.column}`;
    const target = f.declaration
        ? ` <a class="to-node" href="#node=${esc(encodeURIComponent(f.declaration))}">${esc(f.declaration)}</a>`
        : '';
    return `<li class="finding finding-${f.severity}"><span class="severity">${f.severity}</span> `
        + `<code>${esc(f.code)}</code> ${esc(f.message)} <span class="where">${esc(where)}</span>${target}</li>`;
}

function findings(list: readonly SiteFinding[]): string {
    const errors = list.filter(f => f.severity === 'error').length;
    const warnings = list.filter(f => f.severity === 'warning').length;
    const summary = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
    // With errors the list is open, on top: what could not be built is explained first.
    return `<details id="findings"${errors ? ' open' : ''}><summary>Findings: ${summary}</summary>`
        + `<ul>${list.map(finding).join('')}</ul></details>`;
}

/**
 * Every view draws its arrowheads as markers of the same ids; Chromium draws none that
 * live in a hidden page, so each page gets its own (`p3-arrow-uses`). Only attributes
 * are matched: a label cannot hold `="`, it is escaped.
 */
export function ownMarkers(svg: string, page: number): string {
    return svg.replace(/( id="| marker-(?:start|end)="url\(#)arrow-/g, `$1p${page}-arrow-`);
}

export interface HtmlOptions {
    /** The page script (out/site-page.js). */
    script: string;
    /** A nonce for the inlined script and style; derive it from the content to keep the bytes stable. */
    nonce: string;
}

export function siteHtml(site: Site, options: HtmlOptions): string {
    const { data, pages } = site;
    const nonce = esc(options.nonce);
    const csp = `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; img-src data:; `
        + "font-src 'none'; base-uri 'none'; form-action 'none'";
    // Focus pages are reached by drilling down (or a details link): one per container would crowd the bar.
    const nav = pages.filter(p => p.kind !== 'focus').map(p =>
        `<a href="#${esc(p.hash)}" data-page="${esc(p.hash)}">${esc(p.title)}</a>`
    ).join('');
    const sections = pages.map((p, i) =>
        `<section class="page" data-page="${esc(p.hash)}" hidden><h2>${esc(p.title)}</h2>${
            p.svg === undefined ? `<p class="problem">${esc(p.problem ?? '')}</p>` : ownMarkers(p.svg, i)
        }</section>`
    ).join('\n');
    const head = [
        '<meta charset="utf-8">',
        `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        `<title>${esc(data.title)}</title>`,
        `<style nonce="${nonce}">${stylesheet('light')}\n${PAGE_STYLE}</style>`,
    ];
    return `<!doctype html>
<html lang="en"><head>${head.join('')}</head>
<body>
<header>
<h1>${esc(data.title)}</h1>
<input id="search" type="search" placeholder="Search declarations" aria-label="Search declarations" autocomplete="off">
<ul id="results" hidden></ul>
</header>
${findings(data.findings)}
<nav id="views">${nav}</nav>
<div id="controls"></div>
<div id="layout">
<main id="pages">
${sections}
</main>
<aside id="details"><p class="hint">Click a box for its details.</p></aside>
</div>
<script type="application/json" id="bos-data">${scriptJson(data)}</script>
<script nonce="${nonce}">${options.script.replace(/<\/script/gi, '<\\/script')}</script>
</body>
</html>
`;
}
