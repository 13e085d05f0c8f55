// The way the preview came to the view it shows (views picked, focus views opened, flows):
// a breadcrumb under the toolbar, each step a button back to it, and Back. Coming back
// to a view on the way cuts the way there. Labels are set as text, never as markup.
import { button } from './toolkit.js';

export interface Crumb {
    id: string;
    title: string;
}

const MAX_CRUMBS = 8;

export function breadcrumb(toolbar: HTMLElement, go: (crumb: Crumb) => void) {
    const nav = document.createElement('nav');
    nav.id = 'breadcrumb';
    nav.setAttribute('aria-label', 'Breadcrumb');
    toolbar.after(nav);
    const back = button(nav, '←', 'Back', () => {
        if (trail.length > 1) go(trail[trail.length - 2]);
    });
    const path = document.createElement('span');
    const hint = document.createElement('span');
    hint.className = 'hint';
    hint.textContent = 'Click a container’s title, or Alt+click a box, to focus on it';
    nav.append(path, hint);
    let trail: Crumb[] = [];

    function draw(): void {
        back.toggleAttribute('disabled', trail.length < 2);
        path.replaceChildren(...trail.flatMap((c, i) => {
            const last = i === trail.length - 1;
            const step = document.createElement(last ? 'span' : 'button');
            step.className = 'crumb';
            step.textContent = c.title;
            step.title = c.id;
            if (last) step.setAttribute('aria-current', 'page');
            else step.addEventListener('click', () => go(c));
            if (i === 0) return [step];
            const sep = document.createElement('span');
            sep.className = 'sep';
            sep.textContent = '›';
            return [sep, step];
        }));
    }

    return {
        /** A view was drawn: back to it if it is on the way, else one step further (the last few kept). */
        arrive(crumb: Crumb): void {
            const at = trail.findIndex(c => c.id === crumb.id);
            if (at >= 0) trail = trail.slice(0, at + 1);
            else trail = [...trail, crumb].slice(-MAX_CRUMBS);
            trail[trail.length - 1] = crumb;
            draw();
        },
    };
}
