// Edge bundles on the site's pages (diagram/bundles.ts): a click on one lists its member
// relations in the details panel, each end a link to its box, with the load each passes
// on under the page's own analysis; the counts on the picture follow that analysis too.
// Nothing is laid out again: a bundle stays one line on the page.
import { rate } from '../../analysis/format.js';
import type { ScenarioResult } from '../../analysis/scenario.js';
import { bundleLabel } from '../../diagram/bundles.js';
import type { BosModel, ModelNode } from '../../model/model.js';
import { facts } from '../../model/relations.js';
import type { SiteBundle } from '../build.js';
import { el } from './dom.js';

type Member = SiteBundle['members'][number];

/** What a member passes on in the scenario: its holder's load times its weight; none when it carries no load. */
function memberLoad(m: Member, byId: ReadonlyMap<string, ModelNode>, scenario?: ScenarioResult): number | undefined {
    const from = byId.get(m.from), to = byId.get(m.to);
    const dep = from?.deps.find(d => d.relation === m.kind && d.target === to);
    const load = dep && facts(m.kind).carriesLoad ? scenario?.nodes.find(l => l.node === from)?.load : undefined;
    return load === undefined ? undefined : load * dep!.weight;
}

function totalLoad(b: SiteBundle, byId: ReadonlyMap<string, ModelNode>, scenario?: ScenarioResult) {
    const loads = b.members.map(m => memberLoad(m, byId, scenario)).filter(l => l !== undefined);
    return loads.length ? loads.reduce((sum, l) => sum + l, 0) : undefined;
}

/** Each bundle's count on the shown page, with the load of the page's current analysis. */
export function relabelBundles(
    section: ParentNode,
    bundles: readonly SiteBundle[],
    model: BosModel,
    scenario?: ScenarioResult,
): void {
    const byId = new Map(model.nodes.filter(n => n.id).map(n => [n.id!, n]));
    for (const b of bundles) {
        const label = section.querySelector(`text.bos-bundle-label[data-edge="${CSS.escape(b.id)}"]`);
        if (label) label.textContent = bundleLabel(b.members.length, b.kinds, totalLoad(b, byId, scenario));
    }
}

export interface BundleContext {
    model: BosModel;
    scenario?: ScenarioResult;
    link(node: ModelNode): HTMLElement;
}

/** The details panel of a bundle: its ends, then each member from → to with its kind and load. */
export function bundleDetails(b: SiteBundle, ctx: BundleContext): HTMLElement {
    const byId = new Map(ctx.model.nodes.filter(n => n.id).map(n => [n.id!, n]));
    const end = (name: string) => {
        const node = byId.get(name);
        return node ? ctx.link(node) : name;
    };
    const rows = b.members.map(m => {
        const load = memberLoad(m, byId, ctx.scenario);
        return el(
            'tr',
            {},
            el('td', {}, end(m.from)),
            el('td', {}, '→'),
            el('td', {}, end(m.to)),
            el('td', {}, m.kind),
            el('td', {}, load === undefined ? '' : rate(load)),
        );
    });
    return el(
        'div',
        { 'data-details': b.id },
        el('h2', {}, bundleLabel(b.members.length, b.kinds, totalLoad(b, byId, ctx.scenario))),
        el('p', { class: 'hint' }, 'from ', end(b.source), ' to ', end(b.target), ', drawn as one line'),
        el('table', { class: 'numbers bundle-members' }, ...rows),
    );
}
