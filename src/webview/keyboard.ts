// The picture without a mouse: every box is a button with an ARIA label read from its
// own lines; Tab and Shift+Tab walk the boxes in reading order, the arrow keys go to the
// nearest box that way, Enter reveals the declaration, Shift+F10 or the menu key opens
// the box's menu. An edge bundle's count is a stop too: Enter expands it. One box at a
// time is in the tab order (a roving tabindex), and focus survives a redraw (the what-if
// slider redraws often).
export interface KeyboardHost {
    reveal(id: string): void;
    centre(box: Element): void;
    menu(id: string, x: number, y: number): void;
    expand(bundle: string): void;
}

const STOPS = '[data-node], g[data-bundle]';
const boxes = (canvas: Element) => [...canvas.querySelectorAll<SVGGElement>(STOPS)];
/** A stop's id: a box's `data-node`, a bundle's `data-bundle` (which never looks like a box's `n12`). */
const idOf = (el: Element) => el.getAttribute('data-node') ?? el.getAttribute('data-bundle')!;

/** Top to bottom, then left to right, by where each box is drawn. */
function readingOrder(list: SVGGElement[]): SVGGElement[] {
    const at = new Map(list.map(b => [b, b.getBoundingClientRect()]));
    return list.sort((a, b) => at.get(a)!.top - at.get(b)!.top || at.get(a)!.left - at.get(b)!.left);
}

const ARROWS: Readonly<Record<string, [number, number]>> = {
    ArrowRight: [1, 0],
    ArrowLeft: [-1, 0],
    ArrowDown: [0, 1],
    ArrowUp: [0, -1],
};

/** The nearest box whose centre lies in direction (dx, dy), straight lines preferred to diagonals. */
function nearest(from: Element, list: readonly Element[], [dx, dy]: [number, number]): Element | undefined {
    const centre = (r: DOMRect) => ({ x: r.left + r.width / 2, y: r.top + r.height / 2 });
    const c = centre(from.getBoundingClientRect());
    let best: { el: Element; score: number } | undefined;
    for (const el of list) {
        if (el === from || el.contains(from) || from.contains(el)) continue;
        const p = centre(el.getBoundingClientRect());
        const along = (p.x - c.x) * dx + (p.y - c.y) * dy;
        const across = Math.abs((p.x - c.x) * dy) + Math.abs((p.y - c.y) * dx);
        if (along <= 0) continue;
        const score = along + 2 * across;
        if (!best || score < best.score) best = { el, score };
    }
    return best?.el;
}

/** What to call after a new picture (told whether a box had the focus), and after an overlay repaint. */
export interface KeyboardUpdates {
    drawn(hadFocus: boolean): void;
    relabel(): void;
}

/** Each box's ARIA label, read from its own lines; a bundle's is its tooltip, which states the count. */
function relabel(list: readonly Element[]): void {
    for (const b of list) {
        if (b.hasAttribute('data-bundle')) {
            b.setAttribute('aria-label', `${b.querySelector(':scope > title')?.textContent}; Enter expands it`);
            continue;
        }
        const lines = [...b.querySelectorAll(':scope > text')].map(t => t.textContent).filter(Boolean);
        b.setAttribute('aria-label', lines.join(', '));
    }
}

export function keyboardNavigation(canvas: HTMLElement, host: KeyboardHost): KeyboardUpdates {
    let current: string | undefined;
    const focus = (el: Element | undefined) => {
        if (!el) return;
        for (const b of boxes(canvas)) b.setAttribute('tabindex', b === el ? '0' : '-1');
        (el as SVGGElement).focus({ preventScroll: true });
        host.centre(el);
    };
    canvas.addEventListener('focusin', e => {
        const stop = (e.target as Element).closest(STOPS);
        current = stop ? idOf(stop) : current;
    });
    canvas.addEventListener('keydown', e => {
        const box = (e.target as Element).closest(STOPS);
        if (!box) return;
        const id = idOf(box);
        const bundle = box.hasAttribute('data-bundle');
        if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            if (bundle) host.expand(id);
            else host.reveal(id);
        } else if (!bundle && ((e.shiftKey && e.key === 'F10') || e.key === 'ContextMenu')) {
            e.preventDefault();
            const r = box.getBoundingClientRect();
            host.menu(id, r.left + 8, r.bottom);
        } else if (e.key === 'Tab') {
            const order = readingOrder(boxes(canvas));
            const next = order[order.indexOf(box as SVGGElement) + (e.shiftKey ? -1 : 1)];
            // At either end Tab leaves the picture as it normally would.
            if (!next) return;
            e.preventDefault();
            focus(next);
        } else if (ARROWS[e.key]) {
            e.preventDefault();
            focus(nearest(box, boxes(canvas), ARROWS[e.key]));
        }
    });
    // After each drawing: labels, one tab stop, and the focus back where it was.
    return {
        drawn(hadFocus) {
            const list = boxes(canvas);
            for (const b of list) {
                b.setAttribute('role', 'button');
                b.setAttribute('tabindex', '-1');
            }
            relabel(list);
            const again = current === undefined ? undefined : list.find(b => idOf(b) === current);
            const stop = again ?? readingOrder(list)[0];
            stop?.setAttribute('tabindex', '0');
            if (again && hadFocus) again.focus({ preventScroll: true });
        },
        relabel: () => relabel(boxes(canvas)),
    };
}
