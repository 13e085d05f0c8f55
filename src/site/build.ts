// Everything a site shows, worked out at build time: each view of `siteViews` laid out
// by the same pipeline as `bos render` (a view that cannot be laid out in time keeps a
// message in its place), the model as JSON for the page's analysis, and the findings.
// Flow sequences, which need no layout, are drawn by the page.
import type { Analysis } from '../analysis/scenario.js';
import type { Diagram, EdgeKind } from '../diagram/graph.js';
import { warmLanes } from '../diagram/layout-warm.js';
import { LayoutTimeout } from '../diagram/layout.js';
import type { LayoutOptions } from '../diagram/layout.js';
import { render } from '../diagram/render.js';
import type { BosModel } from '../model/model.js';
import { type PageModel, pageModel } from './page-model.js';
import { type SiteView, siteViews } from './views.js';

/** A finding as `bos validate` reports it, with the declaration it lies in. */
export interface SiteFinding {
    severity: 'error' | 'warning' | 'info' | 'hint';
    code: string;
    message: string;
    file: string;
    line: number;
    column: number;
    /** Qualified name of the declaration, when the finding lies in one. */
    declaration?: string;
}

export interface SitePage {
    hash: string;
    kind: string;
    title: string;
    /** Qualified name of the view. */
    view: string;
    /** The bare SVG (the page carries the stylesheet), or why there is none. */
    svg?: string;
    problem?: string;
    /** The view's edge bundles, for the details panel to list their members. */
    bundles?: SiteBundle[];
}

/** An edge bundle of a page (diagram/bundles.ts), its ends and members by qualified name. */
export interface SiteBundle {
    id: string;
    source: string;
    target: string;
    kinds: EdgeKind[];
    members: { from: string; to: string; kind: EdgeKind }[];
}

/** What the page script reads (embedded as JSON). */
export interface SiteData {
    title: string;
    model: PageModel;
    defaultHeadroom: number;
    /** Hash, kind, title and view name of each page, in order (the SVGs are in the markup). */
    pages: Omit<SitePage, 'svg' | 'problem'>[];
    findings: SiteFinding[];
}

export interface SiteInput {
    title: string;
    model: BosModel;
    analysis: Analysis;
    findings: SiteFinding[];
    defaultHeadroom: number;
    timeoutMs: number;
    /** Told after each page is drawn: a large model's views take seconds. */
    onProgress?: (done: number, total: number) => void;
}

export interface Site {
    data: SiteData;
    pages: SitePage[];
}

type LayoutMemo = NonNullable<LayoutOptions['memo']>;

/** Layouts at once, each on its own worker thread: the machines this runs on have two cores or more. */
const LANES = 2;
/** Pages a lane draws at once: their layouts go to its worker as one ELK call (diagram/layout-batch.ts). */
const BATCH = 16;
/**
 * A site lays out hundreds of pages at build time, and every container has its own focus
 * page one click away: a view of more declarations than this shows its containers folded
 * (a 1,300-declaration Overview alone would take the site's whole time budget).
 */
export const SITE_FOLD_ABOVE = 500;

/** Most warm-up layouts a lane runs (layout-warm.ts): about 2 s of a cold worker, more than a 1k model loads in. */
const WARM_LAYOUTS = 40;

/** Starts the site's layout lanes and their JIT while the caller loads the model. */
export function warmSiteLanes(): void {
    warmLanes(LANES, WARM_LAYOUTS);
}

/** One page: its view laid out on `lane` (or found in `memo`), or the reason it could not be in time. */
async function drawPage(v: SiteView, input: SiteInput, lane: number, memo: LayoutMemo): Promise<SitePage> {
    const { model, analysis } = input;
    const page: SitePage = { hash: v.hash, kind: v.kind, title: v.title, view: v.choice.id };
    // A sequence is a grid the page draws itself when shown (page/sequence.ts): a long call
    // chain makes it tens of kB, a hundred flows megabytes.
    if (v.kind === 'flow') return { ...page, svg: '' };
    // Boxes are sized for an overlay line, so the page can show any scenario's numbers in them.
    const overlay = v.choice.view?.deps.find(d => d.relation === 'overlay')?.target?.id;
    try {
        const rendered = await render({
            model,
            analysis,
            view: v.choice,
            scenario: overlay ?? analysis.scenarios[0]?.scenario.id,
            theme: 'light',
            bare: true,
            layout: { timeoutMs: input.timeoutMs, lane, memo },
            foldAbove: SITE_FOLD_ABOVE,
        });
        page.svg = rendered.svg;
        const bundles = siteBundles(rendered.diagram);
        if (bundles.length) page.bundles = bundles;
    } catch (err) {
        if (!(err instanceof LayoutTimeout)) throw err;
        page.problem = err.message;
    }
    return page;
}

function siteBundles(diagram: Diagram): SiteBundle[] {
    const nameOf = new Map(diagram.nodes.map(n => [n.id, n.name]));
    return diagram.edges.flatMap(e =>
        e.bundle
            ? [{
                id: e.id,
                source: nameOf.get(e.source)!,
                target: nameOf.get(e.target)!,
                kinds: e.bundle.kinds,
                members: e.bundle.members.map(m => ({
                    from: nameOf.get(m.source)!,
                    to: nameOf.get(m.target)!,
                    kind: m.kind,
                })),
            }]
            : []
    );
}

/** Draws every page, each lane taking the next view when it is free; the pages keep the order of `siteViews`. */
export async function buildSite(input: SiteInput): Promise<Site> {
    // The views come first, the Overview (the longest layout) at their head: one lane lays it out while the
    // other streams the small focus pages, so no lane waits for another.
    const views = siteViews(input.model);
    const pages: SitePage[] = new Array(views.length);
    const memo: LayoutMemo = new Map();
    let next = 0, done = 0;
    // A view may be large, so it goes alone: a batch shares its time limit. Focus and flow pages go in batches.
    const take = (): number[] => {
        const taken = [next++];
        if (views[taken[0]].kind === 'view') return taken;
        while (next < views.length && taken.length < BATCH && views[next].kind !== 'view') taken.push(next++);
        return taken;
    };
    const lane = async (n: number) => {
        while (next < views.length) {
            await Promise.all(
                take().map(async i => {
                    pages[i] = await drawPage(views[i], input, n, memo);
                    input.onProgress?.(++done, views.length);
                }),
            );
        }
    };
    await Promise.all(Array.from({ length: LANES }, (_, n) => lane(n)));
    const data: SiteData = {
        title: input.title,
        model: pageModel(input.model),
        defaultHeadroom: input.defaultHeadroom,
        pages: pages.map(({ hash, kind, title, view, bundles }) => ({ hash, kind, title, view, bundles })),
        findings: input.findings,
    };
    return { data, pages };
}
