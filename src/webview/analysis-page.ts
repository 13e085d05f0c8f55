// The analysis panel's page: draws what the server worked out, and only draws. Per
// scenario its summary, the node table with utilisation bars by status, the cost
// against the budget, the flows against their SLOs and the sweep chart; a click on a
// row (or Enter on it) reveals the declaration.
import { type AnalysisPanelResult, type FromWebview, type PanelRow, parseToAnalysisPanel } from '../lsp/protocol.js';
import { importSvg } from './svg-import.js';

interface VsCodeApi {
    postMessage(m: FromWebview): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const main = document.getElementById('scenarios')!;
const banner = document.getElementById('banner')!;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string): HTMLElementTagNameMap[K] {
    const el = document.createElement(tag);
    if (text !== undefined) el.textContent = text;
    if (cls) el.className = cls;
    return el;
}

function svgCell(svg: string | undefined): HTMLTableCellElement {
    const td = element('td');
    const picture = svg && importSvg(svg);
    if (picture) td.appendChild(picture);
    return td;
}

function table(caption: string, head: string[], rows: readonly PanelRow[]): HTMLTableElement {
    const t = element('table', undefined, 'bos-table');
    t.appendChild(element('caption', caption));
    const tr = element('tr');
    for (const h of head) tr.appendChild(element('th', h));
    t.appendChild(element('thead')).appendChild(tr);
    const body = t.appendChild(element('tbody'));
    for (const r of rows) {
        const row = element('tr', undefined, `bos-row bos-row-${r.status}`);
        row.tabIndex = 0;
        row.dataset.node = r.id;
        row.title = `${r.name}: reveal the declaration`;
        for (const c of r.cells) row.appendChild(element('td', c));
        row.appendChild(svgCell(r.bar));
        row.appendChild(element('td', r.status, `bos-status bos-status-${r.status}`));
        body.appendChild(row);
    }
    return t;
}

function draw(a: AnalysisPanelResult): void {
    banner.hidden = !a.note;
    banner.textContent = a.note ?? '';
    main.replaceChildren(...a.scenarios.map(s => {
        const section = element('section', undefined, 'bos-scenario');
        section.setAttribute('aria-label', s.title);
        section.append(element('h2', s.title), element('p', s.summary, 'bos-summary'));
        if (s.cost) {
            const cost = element('p', s.cost.text, s.cost.over ? 'bos-cost bos-over' : 'bos-cost');
            const bar = s.cost.bar && importSvg(s.cost.bar);
            if (bar) cost.appendChild(bar);
            section.appendChild(cost);
        }
        section.appendChild(
            table('Capabilities and resources', ['node', 'load', 'capacity', 'R', 'utilisation', 'status'], s.nodes),
        );
        if (s.flows.length) {
            section.appendChild(table('Flows', ['flow', 'rate', 'latency', 'SLO', 'of SLO', 'status'], s.flows));
        }
        const chart = s.sweep && importSvg(s.sweep);
        if (chart) {
            const figure = element('figure', undefined, 'bos-sweep');
            figure.append(chart, element('figcaption', 'Sweep: latency and bottleneck utilisation against load'));
            section.appendChild(figure);
        }
        return section;
    }));
}

const reveal = (e: Event) => {
    const node = (e.target as Element).closest<HTMLElement>('[data-node]')?.dataset.node;
    if (node) vscode.postMessage({ type: 'reveal', node });
};
main.addEventListener('click', reveal);
main.addEventListener('keydown', e => {
    if (e.key === 'Enter') reveal(e);
});

window.addEventListener('message', (event: MessageEvent) => {
    const m = parseToAnalysisPanel(event.data);
    if (m) draw(m.analysis);
});

vscode.postMessage({ type: 'ready' });
