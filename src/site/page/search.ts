// Search over every declaration by title or qualified name, any script (`下单` finds
// 下单); each hit links to the page that draws it.
import type { BosModel, ModelNode } from '../../model/model.js';
import { el } from './dom.js';

const LIMIT = 50;

export function search(
    input: HTMLInputElement,
    results: HTMLElement,
    model: BosModel,
    link: (node: ModelNode) => HTMLElement,
): void {
    const named = model.nodes.filter(n => n.id !== undefined);
    const haystack = named.map(n => `${n.title ?? ''}\n${n.id}`.toLowerCase());
    const show = () => {
        const q = input.value.trim().toLowerCase();
        const hits = q ? named.filter((_, i) => haystack[i].includes(q)).slice(0, LIMIT) : [];
        results.replaceChildren(
            ...hits.map(n => el('li', {}, link(n), ' ', el('small', {}, `${n.keyword} ${n.id}`))),
        );
        results.hidden = !q;
        if (q && !hits.length) results.append(el('li', {}, 'nothing found'));
    };
    input.addEventListener('input', show);
    results.addEventListener('click', e => {
        if ((e.target as Element).closest('a')) results.hidden = true;
    });
}
