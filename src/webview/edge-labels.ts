// The edge-label toggle: with an overlay, each load-carrying edge can show the load it
// passes on and its weight (`583k/s ×2`). The server always sends the labels; the page
// hides them until asked when the picture has more than EDGE_LABELS_UP_TO edges.
import { type DiagramResult, EDGE_LABELS_UP_TO } from '../lsp/protocol.js';
import { checkbox } from './toolkit.js';

export function edgeLabelToggle(toolbar: HTMLElement, canvas: HTMLElement): (d: DiagramResult) => void {
    let chosen: boolean | undefined;
    const show = (on: boolean) => canvas.classList.toggle('bos-hide-edge-labels', !on);
    const box = checkbox(toolbar, 'Edge labels', 'Show the load each edge carries and its weight', on => {
        chosen = on;
        show(on);
    });
    box.id = 'bos-edge-labels';
    return d => {
        // Until the reader chooses, the size of the picture does.
        const on = chosen ?? (d.edgeCount ?? 0) <= EDGE_LABELS_UP_TO;
        box.checked = on;
        show(on);
    };
}
