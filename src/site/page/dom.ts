// Building the page's markup from data without ever parsing a label as HTML: every
// text goes in as a text node.
type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
    tag: K,
    attributes: Record<string, string> = {},
    ...children: Child[]
): HTMLElementTagNameMap[K] {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attributes)) e.setAttribute(k, v);
    for (const c of children) if (c) e.append(c);
    return e;
}

/** A bar for a fraction (values over 1 fill it), coloured by status; width set through the CSSOM (CSP allows it). */
export function bar(fraction: number, status: string): HTMLElement {
    const fill = el('span', { class: `bar bar-${status}` });
    fill.style.width = `${Math.round(Math.max(0, Math.min(1, fraction)) * 80)}px`;
    return el('span', { class: 'bar-track', title: `${Math.round(fraction * 1000) / 10}%` }, fill);
}
