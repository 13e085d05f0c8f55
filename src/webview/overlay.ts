// A what-if step in place: when the server's answer has the layout already shown (same
// view, scenario and geometry), only the overlay changes, so the page repaints each
// box's status, load line and tooltip and each edge label instead of parsing the whole
// picture again (at 1,000 boxes that parse and re-layout is most of a second).
import type { DiagramResult } from '../lsp/protocol.js';

const byAttribute = (canvas: Element, selector: string, attribute: string) =>
    new Map([...canvas.querySelectorAll(selector)].map(el => [el.getAttribute(attribute)!, el]));

/** Repaints the overlay of `d` over the picture of `shown`; false (and nothing touched) when it cannot. */
export function repaint(canvas: Element, shown: DiagramResult | undefined, d: DiagramResult): boolean {
    const same = shown?.svg && d.svg && d.overlay && d.layout && d.layout === shown.layout && d.view === shown.view
        && d.scenario === shown.scenario && d.note === shown.note;
    if (!same) return false;
    const boxes = byAttribute(canvas, '[data-node]', 'data-node');
    const labels = byAttribute(canvas, '.bos-edge-label, .bos-bundle-label', 'data-edge');
    const nodes = d.overlay!.nodes.map(n => ({ n, g: boxes.get(n.id) }));
    const edges = d.overlay!.edges.map(e => ({ e, label: labels.get(e.id) }));
    if (nodes.some(x => !x.g?.querySelector(':scope > [class^="bos-load-"]')) || edges.some(x => !x.label)) {
        return false;
    }
    for (const { n, g } of nodes) {
        const rect = g!.querySelector(':scope > rect')!;
        rect.setAttribute('class', rect.getAttribute('class')!.replace(/bos-status-\S+/, `bos-status-${n.status}`));
        const line = g!.querySelector(':scope > [class^="bos-load-"]')!;
        line.setAttribute('class', `bos-load-${n.status}`);
        line.textContent = n.text;
        g!.querySelector(':scope > title')!.textContent = n.title;
    }
    for (const { e, label } of edges) label!.textContent = e.text;
    return true;
}
