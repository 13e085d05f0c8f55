// Which declarations a view shows (spec section 3, `view`): include and exclude
// patterns, `*`, `Name.*`, `layer`, `kind`; no include means everything, and without
// any view every tool behaves as if `view Overview { include * }` existed.
import type { BosModel, ModelNode, Pattern } from '../model/model.js';
import { FOCUS_PREFIX, focusChoice, focusMembers } from './focus.js';

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
    /** A focus view's declaration (`focus:NAME`, focus.ts). */
    focus?: ModelNode;
    /** A flow's sequence view (`flow:NAME`, sequence.ts). */
    flow?: ModelNode;
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

export const FLOW_PREFIX = 'flow:';

/** A flow's sequence view (sequence.ts), named `flow:<qualified name>`. */
export function flowChoice(flow: ModelNode): ViewChoice {
    return { id: `${FLOW_PREFIX}${flow.id}`, name: flow.name, title: `Flow: ${flow.title ?? flow.name}`, flow };
}

/** Every flow's sequence view, in model order: the preview's picker lists them after the views. */
export function flowViews(model: BosModel): ViewChoice[] {
    return model.nodes.filter(n => n.keyword === 'flow' && n.id !== undefined).map(flowChoice);
}

/**
 * The one declaration of `candidates` that `name` names: its qualified name, or its end
 * (`PlaceOrder`, `Business.PlaceOrder`); a name that fits several is refused naming them.
 */
export function lookup(
    candidates: readonly ModelNode[],
    name: string,
    what: string,
    missing = `no ${what} named '${name}'`,
): ModelNode | string {
    const exact = candidates.find(n => n.id === name);
    if (exact) return exact;
    const fits = candidates.filter(n => n.id?.endsWith(`.${name}`));
    if (fits.length === 1) return fits[0];
    if (fits.length > 1) return `'${name}' names several ${what}s: ${fits.map(n => n.id).join(', ')}`;
    return missing;
}

/**
 * Any view by its id: an explicit view (or `Overview`), `focus:NAME` or `flow:NAME`
 * (short names accepted); a string says why there is none.
 */
export function chooseView(model: BosModel, id: string | undefined): ViewChoice | string {
    if (id?.startsWith(FOCUS_PREFIX)) {
        const name = id.slice(FOCUS_PREFIX.length);
        const missing = `no declaration named '${name}' to focus on (it may have been renamed or deleted)`;
        const found = lookup(model.nodes.filter(isDrawable), name, 'declaration', missing);
        return typeof found === 'string' ? found : focusChoice(found);
    }
    if (id?.startsWith(FLOW_PREFIX)) {
        const flows = flowViews(model).map(v => v.flow!);
        const found = lookup(flows, id.slice(FLOW_PREFIX.length), 'flow');
        if (typeof found !== 'string') return flowChoice(found);
        return `${found} (flows: ${flows.map(f => f.id).join(', ') || 'none'})`;
    }
    return findView(model, id) ?? `no view named '${id}' (views: ${viewsOf(model).map(v => v.id).join(', ')})`;
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
    const shown = choice.focus ? focusMembers(model, choice.focus) : new Set<ModelNode>();
    for (const n of choice.focus ? [] : model.nodes) {
        if (!isDrawable(n)) continue;
        const included = includes.length === 0 || includes.some(p => matches(p, n));
        if (included && !excludes.some(p => matches(p, n))) shown.add(n);
    }
    for (const n of [...shown]) for (let p = n.parent; p; p = p.parent) shown.add(p);
    return model.nodes.filter(n => shown.has(n));
}
