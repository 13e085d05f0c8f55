// The pages of a site: one per view, each with the hash it is reached by. This is the
// one list the site draws: the explicit views, then the focus (drill-down) views of the
// declarations that contain or start something, then each flow's sequence view.
import { focusViews } from '../diagram/focus.js';
import { DEFAULT_VIEW, flowViews, type ViewChoice, viewsOf } from '../diagram/view.js';
import type { BosModel } from '../model/model.js';
import type { DeclarationKeyword } from '../model/vocabulary.js';

export type SiteViewKind = 'view' | 'focus' | 'flow';

export interface SiteView {
    /** The URL hash: `view=<view id>` (`focus:…`, `flow:…` for the implicit ones), stable across builds. */
    hash: string;
    kind: SiteViewKind;
    title: string;
    choice: ViewChoice;
}

/**
 * The declarations with a focus page. Capabilities and resources have none: each is seen
 * with its neighbours in its container's focus page, and a page each would double a large
 * model's layouts (docs/language.md, `site`).
 */
export const FOCUS_PAGES: ReadonlySet<DeclarationKeyword> = new Set<DeclarationKeyword>([
    'platform',
    'infrastructure',
    'element',
    'actor',
]);

export const pageHash = (choice: ViewChoice): string => `view=${encodeURIComponent(choice.id)}`;

/** The model's views (the whole model as `Overview` first when no view has that name), focus pages, flows. */
export function siteViews(model: BosModel): SiteView[] {
    const views = viewsOf(model);
    if (!views.some(v => v.name === DEFAULT_VIEW.name)) views.unshift(DEFAULT_VIEW);
    const page = (kind: SiteViewKind) => (choice: ViewChoice): SiteView => ({
        hash: pageHash(choice),
        kind,
        title: choice.title,
        choice,
    });
    return [
        ...views.map(page('view')),
        ...focusViews(model).filter(v => FOCUS_PAGES.has(v.focus!.keyword)).map(page('focus')),
        ...flowViews(model).map(page('flow')),
    ];
}
