// Implicit focus views (issue 13): every drawable declaration has one, named
// `focus:<qualified name>` — a colon is never part of a name, so no `view` can clash. It
// shows the declaration, its children, and what they depend on and what depends on them,
// one step away; a container's children's dependencies count as its own.
import type { BosModel, ModelNode } from '../model/model.js';
import type { ViewChoice } from './view.js';

export const FOCUS_PREFIX = 'focus:';

export const focusId = (n: ModelNode): string => `${FOCUS_PREFIX}${n.id}`;

/** The focus view of a declaration, titled after it. */
export function focusChoice(n: ModelNode): ViewChoice {
    return { id: focusId(n), name: n.name, title: `Focus: ${n.title ?? n.name}`, focus: n };
}

/** Every focus view of the model, in model order (what a site lists). */
export function focusViews(model: BosModel): ViewChoice[] {
    return model.nodes.filter(drawable).map(focusChoice);
}

/** As view.ts's isDrawable, which this module cannot import (view.ts imports it). */
const drawable = (n: ModelNode) => n.layer !== undefined && n.id !== undefined;

/**
 * The declarations a focus view shows, before containers are added: one pass over the
 * model's dependencies, so a 1,000-node model takes a millisecond or so.
 */
export function focusMembers(model: BosModel, focus: ModelNode): Set<ModelNode> {
    const members = new Set<ModelNode>();
    const addTree = (n: ModelNode) => {
        members.add(n);
        for (const c of n.children) addTree(c);
    };
    addTree(focus);
    const shown = new Set(members);
    for (const n of model.nodes) {
        for (const d of n.structural) {
            if (!d.target) continue;
            if (members.has(n) && drawable(d.target)) shown.add(d.target);
            else if (members.has(d.target) && drawable(n)) shown.add(n);
        }
    }
    return shown;
}
