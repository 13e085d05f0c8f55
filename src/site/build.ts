// Everything a site shows, worked out at build time: each view of `siteViews` laid out
// by the same pipeline as `bos render` (a view that cannot be laid out in time keeps a
// message in its place), the model as JSON for the page's analysis, and the findings.
import type { Analysis } from '../analysis/scenario.js';
import { LayoutTimeout } from '../diagram/layout.js';
import { render } from '../diagram/render.js';
import type { BosModel } from '../model/model.js';
import { type PageModel, pageModel } from './page-model.js';
import { siteViews } from './views.js';

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

/** Draws every page one after another (the layout worker is one thread); a view over its time limit gets a message. */
export async function buildSite(input: SiteInput): Promise<Site> {
    const { model, analysis } = input;
    const firstScenario = analysis.scenarios[0]?.scenario.id;
    const pages: SitePage[] = [];
    const views = siteViews(model);
    for (const v of views) {
        const page: SitePage = { hash: v.hash, kind: v.kind, title: v.title, view: v.choice.id };
        // Boxes are sized for an overlay line, so the page can show any scenario's numbers in them.
        const overlay = v.choice.view?.deps.find(d => d.relation === 'overlay')?.target?.id;
        try {
            const rendered = await render({
                model,
                analysis,
                view: v.choice,
                scenario: overlay ?? firstScenario,
                theme: 'light',
                bare: true,
                layout: { timeoutMs: input.timeoutMs },
            });
            page.svg = rendered.svg;
        } catch (err) {
            if (!(err instanceof LayoutTimeout)) throw err;
            page.problem = err.message;
        }
        pages.push(page);
        input.onProgress?.(pages.length, views.length);
    }
    const data: SiteData = {
        title: input.title,
        model: pageModel(model),
        defaultHeadroom: input.defaultHeadroom,
        pages: pages.map(({ hash, kind, title, view }) => ({ hash, kind, title, view })),
        findings: input.findings,
    };
    return { data, pages };
}
