// The preview webview: draws what the extension sends, and only draws. Pan with the
// mouse, zoom with the wheel or the buttons, fit to the window; pick a view and an
// overlay (each scenario with its s*); click a box to reveal its declaration. The
// viewport survives updates, and while the model has syntax errors the last good
// picture stays, under a banner. Compared with a revision, a second banner says with
// what and how much changed, and offers to stop comparing. A container's header (or any
// box with Alt, Ctrl or ⌘) opens its focus view; the breadcrumb goes back along the way
// that led there.
import { type DiagramCompare, type DiagramResult, type FromWebview, parseToWebview } from '../lsp/protocol.js';
import { boxMenu } from './box-menu.js';
import { breadcrumb, type Crumb } from './breadcrumb.js';
import { bundleControls } from './bundles.js';
import { edgeLabelToggle } from './edge-labels.js';
import { findBox } from './find.js';
import { keyboardNavigation } from './keyboard.js';
import { repaint } from './overlay.js';
import { defuse } from './svg-import.js';
import { button, dropdown, registerToolkit } from './toolkit.js';
import { whatIfControls } from './what-if.js';

interface VsCodeApi {
    postMessage(m: FromWebview): void;
    getState(): unknown;
    setState(s: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

/** The height of a container's title lines in the picture (diagram/measure.ts's CONTAINER_HEADER, plus a margin). */
const CONTAINER_HEADER = 42;

interface ViewState {
    x: number;
    y: number;
    k: number;
    fitted: boolean;
}

const vscode = acquireVsCodeApi();
const viewport = document.getElementById('viewport')!;
const canvas = document.getElementById('canvas')!;
const banner = document.getElementById('banner')!;
const toolbar = document.getElementById('toolbar')!;
const compareBar = document.getElementById('compare')!;

let view: ViewState = { x: 0, y: 0, k: 1, fitted: false, ...(vscode.getState() as Partial<ViewState> | undefined) };
let shown: DiagramResult | undefined;
let highlighted: string | undefined;
const sheet = new CSSStyleSheet();
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

registerToolkit();
// A new view comes with its own `overlay`; the overlay picker then shows what it got.
const viewPicker = dropdown(toolbar, 'View', value => vscode.postMessage({ type: 'choose', view: value }));
const overlayPicker = dropdown(
    toolbar,
    'Scenario overlay',
    value => vscode.postMessage({ type: 'choose', view: shown?.view, scenario: value }),
);
button(toolbar, '−', 'Zoom out', () => zoomBy(1 / 1.25));
button(toolbar, '+', 'Zoom in', () => zoomBy(1.25));
button(toolbar, '⤢', 'Fit to window', fit);
button(toolbar, 'PNG', 'Export as PNG', () => void exportPng());
// Going along the trail keeps the overlay shown, which a focus view has none of its own.
const trail = breadcrumb(
    toolbar,
    (crumb: Crumb) => vscode.postMessage({ type: 'choose', view: crumb.id, scenario: shown?.scenario ?? '' }),
);
const whatIf = whatIfControls(toolbar, m => vscode.postMessage(m));
const showEdgeLabels = edgeLabelToggle(toolbar, canvas);
const bundles = bundleControls(toolbar, m => vscode.postMessage(m));
const menu = boxMenu(whatIf);
const nodeOf = (id: string | null | undefined) => shown?.nodes.find(n => n.id === id);
const reveal = (node: string) => {
    highlight(node);
    vscode.postMessage({ type: 'reveal', node });
};
findBox(toolbar, () => shown?.nodes ?? [], id => {
    canvas.querySelector('.bos-found')?.classList.remove('bos-found');
    const box = id && canvas.querySelector(`[data-node="${CSS.escape(id)}"]`);
    if (!box) return;
    box.classList.add('bos-found');
    centre(box);
}, () => viewport.focus());
const keyboard = keyboardNavigation(canvas, {
    reveal,
    centre,
    menu: (id, x, y) => menu.open(nodeOf(id), x, y),
    expand: bundles.expand,
});

function apply(): void {
    canvas.style.transform = `translate(${view.x}px, ${view.y}px) scale(${view.k})`;
    vscode.setState(view);
}

function svgSize(): { width: number; height: number } | undefined {
    const svg = canvas.querySelector('svg');
    return svg ? { width: svg.width.baseVal.value, height: svg.height.baseVal.value } : undefined;
}

function fit(): void {
    const size = svgSize();
    if (!size) return;
    const k = Math.min(viewport.clientWidth / size.width, viewport.clientHeight / size.height, 2) * 0.96;
    view = {
        k,
        x: (viewport.clientWidth - size.width * k) / 2,
        y: (viewport.clientHeight - size.height * k) / 2,
        fitted: true,
    };
    apply();
}

/** Moves the picture so that `box` sits in the middle of the window, at the same zoom. */
function centre(box: Element): void {
    const r = box.getBoundingClientRect(), v = viewport.getBoundingClientRect();
    const dx = v.left + v.width / 2 - (r.left + r.width / 2), dy = v.top + v.height / 2 - (r.top + r.height / 2);
    view = { ...view, x: view.x + dx, y: view.y + dy, fitted: false };
    apply();
}

function zoomBy(factor: number, cx = viewport.clientWidth / 2, cy = viewport.clientHeight / 2): void {
    const k = Math.min(8, Math.max(0.05, view.k * factor));
    view = { k, x: cx - (cx - view.x) * (k / view.k), y: cy - (cy - view.y) * (k / view.k), fitted: false };
    apply();
}

function showBanner(text: string | undefined): void {
    banner.hidden = !text;
    banner.textContent = text ?? '';
}

function compareText(c: DiagramCompare): string {
    if (c.error) return `Not compared with ${c.base}: ${c.error}`;
    const counts = `${c.added ?? 0} added, ${c.changed ?? 0} changed, ${c.removed ?? 0} removed in this view`;
    const broken = c.baseSyntaxErrors
        ? ` The base has ${c.baseSyntaxErrors} syntax error${c.baseSyntaxErrors === 1 ? '' : 's'}: what did not parse`
            + ' there is drawn as added.'
        : '';
    return `Compared with ${c.label ?? c.base}: ${counts}.${broken}`;
}

function showCompare(c: DiagramCompare | undefined): void {
    compareBar.hidden = !c;
    if (!c) return;
    const text = document.createElement('span');
    text.className = 'compare-text';
    text.textContent = compareText(c);
    compareBar.replaceChildren(text);
    button(
        compareBar,
        'Stop comparing',
        'Show the diagram without the comparison',
        () => vscode.postMessage({ type: 'stopCompare' }),
        'secondary',
    );
}

function highlight(node: string | undefined): void {
    canvas.querySelector('.bos-highlight')?.classList.remove('bos-highlight');
    highlighted = node;
    if (node) canvas.querySelector(`[data-node="${CSS.escape(node)}"]`)?.classList.add('bos-highlight');
}

function draw(d: DiagramResult): void {
    const errors = d.syntaxErrors
        ? `The model has ${d.syntaxErrors} syntax error${d.syntaxErrors === 1 ? '' : 's'}`
        : undefined;
    // Keep the last good picture while the text does not parse, or when there is none.
    const keep = !d.svg || (errors && shown);
    // A focus view is not among the views: the picker shows it while it is drawn.
    const current = keep && shown ? shown : d;
    const views = d.views.some(v => v.id === current.view)
        ? d.views
        : [...d.views, { id: current.view, title: current.title ?? current.view }];
    viewPicker.set(views.map(v => ({ value: v.id, label: v.title })), current.view);
    overlayPicker.set(
        [
            { value: '', label: 'No overlay' },
            // s* comes from the server, as text: the page computes nothing.
            ...d.scenarios.map(s => ({
                value: s.id,
                label: s.saturation ? `${s.title} · ${s.saturation}` : s.title,
                title: s.saturationDetail,
            })),
        ],
        d.scenario ?? '',
    );
    showCompare(d.compare);
    if (keep) {
        const why = d.error ?? d.whatIf?.problem;
        showBanner(why ?? (shown && errors ? `${errors}; showing the last good diagram.` : 'No diagram.'));
        return;
    }
    const first = !shown;
    // Another view (a drill-down, Back) is fitted: the old pan and zoom belong to the old picture.
    const moved = !!shown && shown.view !== d.view;
    const before = shown;
    shown = d;
    trail.arrive({ id: d.view, title: d.title ?? d.view });
    // A new sheet restyles every element: only when the theme changed.
    if (d.css !== before?.css) sheet.replaceSync(d.css ?? '');
    // Before the chip may hide: a hidden chip loses the keyboard.
    const hadFocus = canvas.contains(document.activeElement) || bundles.hasFocus();
    bundles.show(d);
    if (!repaint(canvas, before, d)) {
        // DOMParser, not innerHTML: the SVG text is parsed as XML and nothing in it runs.
        const doc = new DOMParser().parseFromString(d.svg!, 'image/svg+xml');
        const svg = doc.documentElement;
        if (svg.nodeName !== 'svg') {
            showBanner('The diagram could not be read.');
            return;
        }
        defuse(svg);
        canvas.replaceChildren(document.importNode(svg, true));
        keyboard.drawn(hadFocus);
        // An expanded bundle's count is gone: the chip that folds it again takes the keyboard,
        // and folding it gives the focus back to the count (the keyboard remembers it).
        if (hadFocus && !canvas.contains(document.activeElement)) bundles.takeFocus();
    } else keyboard.relabel();
    showEdgeLabels(d);
    const said = whatIf.show(d);
    showBanner(errors ? `${errors}; the diagram may be incomplete.` : said ?? d.note);
    highlight(highlighted);
    if (first && !view.fitted && view.k === 1 && view.x === 0 && view.y === 0) fit();
    else if (view.fitted || moved) fit();
    else apply();
}

// Pan by dragging; a press that barely moves is a click on a box.
let drag: { x: number; y: number; vx: number; vy: number; moved: boolean } | undefined;
viewport.addEventListener('pointerdown', e => {
    drag = { x: e.clientX, y: e.clientY, vx: view.x, vy: view.y, moved: false };
    viewport.setPointerCapture(e.pointerId);
});
viewport.addEventListener('pointermove', e => {
    if (!drag) return;
    const dx = e.clientX - drag.x, dy = e.clientY - drag.y;
    if (Math.abs(dx) + Math.abs(dy) > 4) drag.moved = true;
    if (drag.moved) {
        view = { ...view, x: drag.vx + dx, y: drag.vy + dy, fitted: false };
        apply();
    }
});
viewport.addEventListener('pointerup', e => {
    const wasDrag = drag?.moved;
    drag = undefined;
    // The secondary button opens the box's menu (contextmenu below), it does not reveal.
    if (wasDrag || e.button !== 0) return;
    const under = document.elementFromPoint(e.clientX, e.clientY);
    // A bundle's count is drawn over the boxes: it takes the click first.
    if (bundles.click(under)) return;
    const hit = under?.closest('[data-node]');
    const node = hit?.getAttribute('data-node');
    const focus = node && shown?.nodes.find(n => n.id === node)?.focus;
    if (focus && (e.altKey || e.ctrlKey || e.metaKey || onHeader(hit!, e.clientY))) {
        vscode.postMessage({ type: 'choose', view: focus, scenario: shown?.scenario ?? '' });
    } else if (node) reveal(node);
});
viewport.addEventListener('contextmenu', e => {
    // By position: the viewport holds the pointer capture, so the event's target is the viewport.
    const hit = document.elementFromPoint(e.clientX, e.clientY)?.closest('[data-node]');
    if (menu.open(nodeOf(hit?.getAttribute('data-node')), e.clientX, e.clientY)) e.preventDefault();
});
/** A click on the title lines of a container's box (not on a box inside it). */
function onHeader(box: Element, clientY: number): boolean {
    const rect = box.querySelector(':scope > rect');
    if (!rect?.getAttribute('class')?.startsWith('bos-container-')) return false;
    // Zoomed far out the title lines are a few pixels high: a strip of at least 16 stays a target.
    return clientY - rect.getBoundingClientRect().top < Math.max(CONTAINER_HEADER * view.k, 16);
}

viewport.addEventListener('wheel', e => {
    e.preventDefault();
    const r = viewport.getBoundingClientRect();
    zoomBy(Math.exp(-e.deltaY / 400), e.clientX - r.left, e.clientY - r.top);
}, { passive: false });
viewport.addEventListener('keydown', e => {
    if (e.key === '+' || e.key === '=') zoomBy(1.25);
    else if (e.key === '-') zoomBy(1 / 1.25);
    else if (e.key === '0') fit();
});
window.addEventListener('resize', () => {
    if (view.fitted) fit();
});

async function exportPng(): Promise<void> {
    const svg = canvas.querySelector('svg');
    const size = svgSize();
    if (!svg || !size || !shown) return;
    const copy = svg.cloneNode(true) as SVGSVGElement;
    const style = document.createElementNS('http://www.w3.org/2000/svg', 'style');
    style.textContent = shown.css ?? '';
    copy.insertBefore(style, copy.firstChild);
    const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(copy)], { type: 'image/svg+xml' }));
    try {
        const img = new Image();
        await new Promise((resolve, reject) => {
            img.onload = resolve;
            img.onerror = reject;
            img.src = url;
        });
        const c = document.createElement('canvas');
        c.width = size.width * 2;
        c.height = size.height * 2;
        const ctx = c.getContext('2d')!;
        ctx.scale(2, 2);
        ctx.drawImage(img, 0, 0);
        vscode.postMessage({ type: 'exportPng', dataUrl: c.toDataURL('image/png') });
    } finally {
        URL.revokeObjectURL(url);
    }
}

window.addEventListener('message', (event: MessageEvent) => {
    const m = parseToWebview(event.data);
    if (!m) return;
    if (m.type === 'diagram') draw(m.diagram);
    else if (m.type === 'highlight') highlight(m.node);
    else void exportPng();
});

vscode.postMessage({ type: 'ready' });
