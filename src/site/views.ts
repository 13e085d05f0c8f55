// The pages of a site: one per view, each with the hash it is reached by. This is the
// one list the site draws; focus (drill-down) views and flow sequence views join it
// here when the diagram pipeline offers them.
import { DEFAULT_VIEW, type ViewChoice, viewsOf } from '../diagram/view.js';
import type { BosModel } from '../model/model.js';

export type SiteViewKind = 'view';

export interface SiteView {
    /** The URL hash: `view=<qualified name>`, stable across builds. */
    hash: string;
    kind: SiteViewKind;
    title: string;
    choice: ViewChoice;
}

/** The model's views; the whole model (`Overview`) first when no view of that name exists, so all is reachable. */
export function siteViews(model: BosModel): SiteView[] {
    const views = viewsOf(model);
    if (!views.some(v => v.name === DEFAULT_VIEW.name)) views.unshift(DEFAULT_VIEW);
    return views.map(choice => ({
        hash: `view=${encodeURIComponent(choice.id)}`,
        kind: 'view',
        title: choice.title,
        choice,
    }));
}
