// Which declarations a view shows (spec section 3, `view`): include and exclude
// patterns, `*`, `Name.*`, `layer`, `kind`; no include means everything, and without
// any view every tool behaves as if `view Overview { include * }` existed.
import type { BosModel, ModelNode, Pattern } from '../model/model.js';

/** The declarations a diagram can show: the structure of the stack, not flows, scenarios or views. */
export function isDrawable(n: ModelNode): boolean {
    return n.layer !== undefined && n.id !== undefined;
}

export interface ViewChoice {
    /** The view's qualified name, or `Overview` for the implicit one. */
    id: string;
    name: string;
    title: string;
    view?: ModelNode;
}

export const DEFAULT_VIEW: ViewChoice = { id: 'Overview', name: 'Overview', title: 'Overview' };

export function viewsOf(model: BosModel): ViewChoice[] {
    const views = model.nodes.filter(n => n.keyword === 'view' && n.id !== undefined)
        .map(v => ({ id: v.id!, name: v.name, title: v.title ?? v.name, view: v }));
    return views.length ? views : [DEFAULT_VIEW];
}

/** Finds a view by qualified or short name; undefined when there is none of that name. */
export function findView(model: BosModel, name: string | undefined): ViewChoice | undefined {
    const views = viewsOf(model);
    if (name === undefined) return views[0];
    return views.find(v => v.id === name || v.name === name) ?? (name === DEFAULT_VIEW.name ? DEFAULT_VIEW : undefined);
}

function matches(p: Pattern, n: ModelNode): boolean {
    switch (p.type) {
        case 'all':
            return true;
        case 'layer':
            return n.layer === p.layer;
        case 'kind':
            return n.kind === p.kind;
        case 'ref':
            return !!p.target && (n === p.target || (p.children && isInside(n, p.target)));
    }
}

export function isInside(n: ModelNode, container: ModelNode): boolean {
    for (let p = n.parent; p; p = p.parent) if (p === container) return true;
    return false;
}

/** The drawable declarations of a view, in model order; containers of shown nodes come along. */
export function select(model: BosModel, choice: ViewChoice): ModelNode[] {
    const includes = choice.view?.includes ?? [];
    const excludes = choice.view?.excludes ?? [];
    const shown = new Set<ModelNode>();
    for (const n of model.nodes) {
        if (!isDrawable(n)) continue;
        const included = includes.length === 0 || includes.some(p => matches(p, n));
        if (included && !excludes.some(p => matches(p, n))) shown.add(n);
    }
    for (const n of [...shown]) for (let p = n.parent; p; p = p.parent) shown.add(p);
    return model.nodes.filter(n => shown.has(n));
}
