// The menu of a capability or resource box (right click, or Shift+F10 / the menu key on
// a focused box): set its instances or capacity for the what-if, or clear them. The
// value is sent as typed; the server reads it as `--set` would and says what is wrong.
import type { DiagramNodeSource, WhatIfProperty } from '../lsp/protocol.js';
import type { WhatIfControls } from './what-if.js';

const TUNED = new Set(['capability', 'resource']);
const EXAMPLE: Readonly<Record<WhatIfProperty, string>> = { instances: 'such as 1200', capacity: 'such as 800k/s' };

export interface BoxMenu {
    /** Opens the menu of a box at a point of the window; false when the box has none. */
    open(node: DiagramNodeSource | undefined, x: number, y: number): boolean;
    close(): void;
}

export function boxMenu(whatIf: WhatIfControls): BoxMenu {
    const menu = document.createElement('div');
    menu.id = 'box-menu';
    menu.setAttribute('role', 'menu');
    menu.hidden = true;
    document.body.appendChild(menu);
    let returnFocus: Element | null = null;

    const close = () => {
        if (menu.hidden) return;
        menu.hidden = true;
        menu.replaceChildren();
        (returnFocus as HTMLElement | SVGElement | null)?.focus?.();
    };
    const item = (text: string, run: () => void) => {
        const b = document.createElement('button');
        b.type = 'button';
        b.setAttribute('role', 'menuitem');
        b.textContent = text;
        b.addEventListener('click', run);
        return b;
    };
    const ask = (node: DiagramNodeSource, property: WhatIfProperty) => {
        const form = document.createElement('form');
        const label = document.createElement('label');
        label.textContent = `${property} of ${node.label ?? node.name}`;
        const input = document.createElement('input');
        input.type = 'text';
        input.placeholder = EXAMPLE[property];
        input.setAttribute('aria-label', `What-if: ${property} of ${node.name}`);
        label.appendChild(input);
        form.append(label, item('Apply', () => form.requestSubmit()));
        form.addEventListener('submit', e => {
            e.preventDefault();
            if (input.value.trim()) whatIf.set(node.name!, property, input.value.trim());
            close();
        });
        menu.replaceChildren(form);
        input.focus();
    };
    menu.addEventListener('keydown', e => {
        if (e.key === 'Escape') close();
        const items = [...menu.querySelectorAll<HTMLElement>('[role="menuitem"]')];
        const at = items.indexOf(document.activeElement as HTMLElement);
        if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            items[(at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
        }
    });
    document.addEventListener('pointerdown', e => {
        if (!menu.contains(e.target as Node)) close();
    });

    return {
        open(node, x, y) {
            if (!node?.name || !TUNED.has(node.keyword ?? '')) return false;
            returnFocus = document.activeElement;
            const items = [
                item('Set instances…', () => ask(node, 'instances')),
                item('Set capacity…', () => ask(node, 'capacity')),
            ];
            if (whatIf.has(node.name)) {
                items.push(item('Clear what-if', () => {
                    whatIf.clear(node.name!);
                    close();
                }));
            }
            menu.replaceChildren(...items);
            menu.setAttribute('aria-label', `What-if for ${node.label ?? node.name}`);
            menu.style.left = `${Math.min(x, window.innerWidth - 200)}px`;
            menu.style.top = `${Math.min(y, window.innerHeight - 120)}px`;
            menu.hidden = false;
            items[0].focus();
            return true;
        },
        close,
    };
}
