// The site's page script: reads the embedded data, revives the model for the analysis,
// and wires navigation (a URL hash per view, so the browser's back button walks back;
// a container's header, or a box with Alt, Ctrl or ⌘, drills into its focus page), the
// scenario picker, the load slider, the details panel (of a box, or of an edge bundle's
// members) and search. It never lays out:
// every picture was drawn at build time; a flow's sequence, a grid, is drawn again.
import { focusChoice } from '../../diagram/focus.js';
import { CONTAINER_HEADER } from '../../diagram/measure.js';
import { FLOW_PREFIX, flowChoice } from '../../diagram/view.js';
import type { ModelNode } from '../../model/model.js';
import type { SiteBundle, SiteData } from '../build.js';
import { reviveModel } from '../page-model.js';
import { pageHash } from '../views.js';
import { bundleDetails, relabelBundles } from './bundles.js';
import { details } from './details.js';
import { el } from './dom.js';
import { siteKeyboard } from './keyboard.js';
import { search } from './search.js';
import { redrawSequence } from './sequence.js';
import { summary } from './summary.js';
import { recolour, WhatIf } from './whatif.js';

const data = JSON.parse(document.getElementById('bos-data')!.textContent!) as SiteData;
const model = reviveModel(data.model);
const whatIf = new WhatIf(model, data.defaultHeadroom);
const sections = [...document.querySelectorAll<HTMLElement>('section.page')];
const byId = new Map<string, ModelNode>(model.nodes.filter(n => n.id).map(n => [n.id!, n]));
const pageViews = new Map(data.pages.map(p => [p.hash, p.view]));
const pageBundles = new Map(data.pages.map(p => [p.hash, p.bundles ?? []]));
let selected: ModelNode | undefined;
/** A bundle clicked on the shown page: the details list its members until a box is chosen. */
let selectedBundle: SiteBundle | undefined;
/** Set by the keyboard's menu key: the next details drawn take the focus to their what-if fields. */
let focusWhatIf = false;

const hashOf = (page: string, node?: ModelNode) => `#${page}${node?.id ? `&node=${encodeURIComponent(node.id)}` : ''}`;
const shows = (section: HTMLElement, node: ModelNode) => !!section.querySelector(`[data-node="n${node.index}"]`);

/** The page a node is best seen on: the current one if it shows it, else the first that does. */
function pageFor(node: ModelNode): string {
    const current = sections.find(s => !s.hidden);
    if (current && shows(current, node)) return current.dataset.page!;
    return (sections.find(s => shows(s, node)) ?? current ?? sections[0]).dataset.page!;
}

/** A link naming the node only: where it is shown is decided when it is followed (`route`). */
function link(node: ModelNode): HTMLElement {
    return el('a', { href: `#node=${encodeURIComponent(node.id ?? '')}` }, node.title ?? node.name);
}

/** The page that drills into a node: its focus page, or a flow's sequence; undefined when the site has none. */
function drillPage(node: ModelNode): string | undefined {
    const hash = pageHash(node.keyword === 'flow' ? flowChoice(node) : focusChoice(node));
    return pageViews.has(hash) ? hash : undefined;
}

/** The details' link to the node's drill-down page, else to its nearest container's (a capability's platform). */
function drillLink(node: ModelNode): HTMLElement | undefined {
    for (let n: ModelNode | undefined = node; n; n = n.parent) {
        const hash = drillPage(n);
        if (hash === undefined) continue;
        const text = n.keyword === 'flow'
            ? 'Sequence view'
            : n === node
            ? 'Focus view'
            : `Focus view of ${n.title ?? n.name}`;
        return el('a', { href: `#${hash}`, class: 'drill' }, text);
    }
    return undefined;
}

/** A click on the title lines of a container's box (the SVG is drawn at its own size). */
function onHeader(g: Element, clientY: number): boolean {
    const rect = g.querySelector(':scope > rect');
    if (!rect?.getAttribute('class')?.startsWith('bos-container-')) return false;
    return clientY - rect.getBoundingClientRect().top < CONTAINER_HEADER;
}

function showDetails(): void {
    const panel = document.getElementById('details')!;
    drawDetails(panel);
    if (focusWhatIf) panel.querySelector<HTMLElement>('fieldset.whatif input')?.focus();
    focusWhatIf = false;
}

function drawDetails(panel: HTMLElement): void {
    if (selectedBundle) {
        panel.replaceChildren(bundleDetails(selectedBundle, { byId, scenario: whatIf.current(), link }));
        return;
    }
    panel.replaceChildren(
        selected
            ? details(selected, {
                model,
                analysis: whatIf.analysis,
                overrides: whatIf.overrides,
                onSet: (node, property, value) => {
                    whatIf.set(node, property, value);
                    update();
                },
                link,
                drill: drillLink,
            })
            : el('p', { class: 'hint' }, 'Click a box for its details.'),
    );
}

/** Runs the analysis again and shows it: boxes, summary, details. */
function update(): void {
    whatIf.run();
    const scenario = whatIf.current();
    showPage();
    document.getElementById('summary')!.replaceChildren(summary(scenario, whatIf, link));
    showDetails();
}

function route(): void {
    const params = new URLSearchParams(location.hash.slice(1));
    const nodeId = params.get('node');
    const node = nodeId === null ? undefined : byId.get(nodeId);
    const viewId = params.get('view');
    if (viewId === null && node) {
        // A link names the node only (findings, search, details): show it where it is drawn.
        history.replaceState(null, '', hashOf(pageFor(node), node));
    }
    const page = new URLSearchParams(location.hash.slice(1)).get('view');
    const wanted = `view=${encodeURIComponent(page ?? '')}`;
    const section = sections.find(s => s.dataset.page === wanted) ?? sections[0];
    for (const s of sections) s.hidden = s !== section;
    for (const a of document.querySelectorAll<HTMLElement>('#views a')) {
        a.classList.toggle('current', a.dataset.page === section?.dataset.page);
    }
    selected = node;
    selectedBundle = undefined;
    showPage();
    if (section) keyboard.shown(section);
    const g = node && section?.querySelector(`[data-node="n${node.index}"]`);
    g?.scrollIntoView({ block: 'center', inline: 'center' });
    showDetails();
}

/**
 * The shown page under the current analysis: its boxes recoloured, a flow's sequence drawn
 * again, the selected box marked. Only this page: a large model's site has hundreds.
 */
function showPage(): void {
    const section = sections.find(s => !s.hidden);
    if (!section) return;
    const view = pageViews.get(section.dataset.page!);
    const flow = view?.startsWith(FLOW_PREFIX) ? byId.get(view.slice(FLOW_PREFIX.length)) : undefined;
    if (flow) redrawSequence(section, flow, whatIf.analysis, whatIf.scenario);
    else {
        recolour(section, model, whatIf.current());
        relabelBundles(section, pageBundles.get(section.dataset.page!) ?? [], byId, whatIf.current());
    }
    keyboard.relabel(section);
    for (const g of document.querySelectorAll('.bos-node.found')) g.classList.remove('found');
    if (selected) section.querySelector(`[data-node="n${selected.index}"]`)?.classList.add('found');
}

function controls(): HTMLElement[] {
    const picker = el('select', { id: 'scenario', 'aria-label': 'Scenario' });
    for (const s of whatIf.analysis.scenarios) {
        picker.append(el('option', { value: s.scenario.id! }, s.scenario.title ?? s.scenario.name));
    }
    picker.append(el('option', { value: '' }, 'No overlay'));
    picker.value = whatIf.scenario ?? '';
    picker.addEventListener('change', () => {
        whatIf.scenario = picker.value || undefined;
        update();
    });
    const slider = el('input', { id: 'scale', type: 'range', min: '0', max: '3', step: '0.01', value: '1' });
    const shown = el('output', { id: 'scale-value', for: 'scale' }, '×1');
    slider.addEventListener('input', () => {
        whatIf.scale = Number(slider.value);
        shown.textContent = `×${whatIf.scale}`;
        update();
    });
    const reset = el('button', { type: 'button', id: 'reset' }, 'Reset what-if');
    reset.addEventListener('click', () => {
        whatIf.scale = 1;
        slider.value = '1';
        shown.textContent = '×1';
        whatIf.overrides.clear();
        update();
    });
    return [
        el('label', {}, 'Scenario ', picker),
        el('label', {}, 'Every load ', slider, ' ', shown),
        reset,
        el('div', { id: 'summary' }),
    ];
}

/** Shows a bundle's members in the details; false when the page has no such bundle. */
function showBundle(page: string | undefined, id: string | null | undefined): boolean {
    selectedBundle = id ? pageBundles.get(page ?? '')?.find(b => b.id === id) : undefined;
    if (selectedBundle) showDetails();
    return !!selectedBundle;
}

const nodeOf = (box: string) => model.nodes[Number(box.slice(1))];
const shownPage = () => sections.find(s => !s.hidden)?.dataset.page;

/** Selects a box of the shown page: its details, the URL naming it (the back button returns). */
function select(box: string): void {
    const hash = hashOf(shownPage()!, nodeOf(box));
    // The same hash again fires no hashchange: draw the details here (after a bundle's, say).
    if (decodeURIComponent(location.hash) !== decodeURIComponent(hash)) location.hash = hash;
    else {
        selectedBundle = undefined;
        showDetails();
    }
}

const keyboard = siteKeyboard({
    select,
    whatIf(box) {
        focusWhatIf = true;
        select(box);
    },
    bundle: id => showBundle(shownPage(), id),
});

document.getElementById('controls')!.append(...controls());
document.getElementById('pages')!.addEventListener('click', e => {
    const page = (e.target as Element).closest<HTMLElement>('section.page')?.dataset.page;
    if (showBundle(page, (e.target as Element).closest('g[data-bundle]')?.getAttribute('data-bundle'))) return;
    const g = (e.target as Element).closest<SVGGElement>('g[data-node]');
    const node = g && nodeOf(g.dataset.node!);
    if (!node || !page) return;
    const drill = drillPage(node);
    const drills = drill !== undefined && drill !== page
        && (e.altKey || e.ctrlKey || e.metaKey || onHeader(g, e.clientY));
    location.hash = drills ? `#${drill}` : hashOf(page, node);
});
search(document.getElementById('search') as HTMLInputElement, document.getElementById('results')!, model, link);
window.addEventListener('hashchange', route);
update();
route();
