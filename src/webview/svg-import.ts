// SVG from the server into a page: parsed as XML (DOMParser, never innerHTML), so that
// nothing in it runs, and stripped of anything that could.

/**
 * The picture comes from our own server with every label escaped, and the CSP forbids
 * inline script anyway; still, nothing that could run is ever put into the page.
 */
export function defuse(svg: Element): void {
    for (const el of svg.querySelectorAll('script, foreignObject, iframe, object, embed, image, use')) el.remove();
    for (const el of [svg, ...svg.querySelectorAll('*')]) {
        for (const a of [...el.attributes]) {
            if (/^on/i.test(a.name) || /^\s*(javascript|data):/i.test(a.value)) el.removeAttribute(a.name);
        }
    }
}

/** An SVG element of this document made from `text`, defused; undefined when it is not SVG. */
export function importSvg(text: string): Element | undefined {
    const svg = new DOMParser().parseFromString(text, 'image/svg+xml').documentElement;
    if (svg.nodeName !== 'svg') return undefined;
    defuse(svg);
    return document.importNode(svg, true);
}
