// Edge bundles on the site's pages (diagram/bundles.ts): a click on one lists its member
// relations in the details panel, each end a link to its box, with the load each passes
// on under the page's own analysis; the counts on the picture follow that analysis too.
// Nothing is laid out again: a bundle stays one line on the page.
import { rate } from '../../analysis/format.js';
import type { ScenarioResult } from '../../analysis/scenario.js';
import { bundleLabel } from '../../diagram/bundles.js';
import type { ModelNode } from '../../model/model.js';
import { facts } from '../../model/relations.js';
import type { SiteBundle } from '../build.js';
import { el } from './dom.js';

type Member = SiteBundle['members'][number];

/** Declarations by qualified name: the page's own map. */
type ById = ReadonlyMap<string, ModelNode>;

/** What each member of a bundle passes on in a scenario, read once per scenario shown. */
class MemberLoads {
    private readonly loads: ReadonlyMap<ModelNode, number>;

    constructor(private readonly byId: ById, scenario?: ScenarioResult) {
        this.loads = new Map(scenario?.nodes.map(l => [l.node, l.load]));
    }

    /** Its holder's load times its weight; none when it carries no load. */
    of(m: Member): number | undefined {
        const from = this.byId.get(m.from), to = this.byId.get(m.to);
        const dep = from?.deps.find(d => d.relation === m.kind && d.target === to);
        const load = dep && facts(m.kind).carriesLoad ? this.loads.get(from!) : undefined;
        return load === undefined ? undefined : load * dep!.weight;
    }

    total(b: SiteBundle): number | undefined {
        const loads = b.members.map(m => this.of(m)).filter(l => l !== undefined);
        return loads.length ? loads.reduce((sum, l) => sum + l, 0) : undefined;
    }
}

/** Each bundle's count on the shown page, with the load of the page's current analysis. */
export function relabelBundles(
    section: ParentNode,
    bundles: readonly SiteBundle[],
    byId: ById,
    scenario?: ScenarioResult,
): void {
    const loads = new MemberLoads(byId, scenario);
    for (const b of bundles) {
        const label = section.querySelector(`text.bos-bundle-label[data-edge="${CSS.escape(b.id)}"]`);
        if (label) label.textContent = bundleLabel(b.members.length, b.kinds, loads.total(b));
    }
}

export interface BundleContext {
    byId: ById;
    scenario?: ScenarioResult;
    link(node: ModelNode): HTMLElement;
}

/** The details panel of a bundle: its ends, then each member from → to with its kind and load. */
export function bundleDetails(b: SiteBundle, ctx: BundleContext): HTMLElement {
    const loads = new MemberLoads(ctx.byId, ctx.scenario);
    const end = (name: string) => {
        const node = ctx.byId.get(name);
        return node ? ctx.link(node) : name;
    };
    const rows = b.members.map(m => {
        const load = loads.of(m);
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
        el('h2', {}, bundleLabel(b.members.length, b.kinds, loads.total(b))),
        el('p', { class: 'hint' }, 'from ', end(b.source), ' to ', end(b.target), ', drawn as one line'),
        el('table', { class: 'numbers bundle-members' }, ...rows),
    );
}
