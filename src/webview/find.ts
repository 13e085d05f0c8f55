// Find a box by its name or title, in any language and script (Ctrl/Cmd+F inside the
// preview): Enter goes to the next match, Shift+Enter to the one before, Escape back to
// the picture. The page centres each match; it asks the server nothing.
import type { DiagramNodeSource } from '../lsp/protocol.js';

/** Case- and width-insensitive: `ｐｌａｃｅ` finds `Place`, `下单` finds `下单`. */
const fold = (s: string) => s.normalize('NFKC').toLocaleLowerCase();

export function findBox(
    toolbar: HTMLElement,
    nodes: () => readonly DiagramNodeSource[],
    go: (id: string | undefined) => void,
    leave: () => void,
): void {
    const input = document.createElement('input');
    input.type = 'search';
    input.id = 'bos-find';
    input.placeholder = 'Find a box';
    input.setAttribute('aria-label', 'Find a box by name or title');
    const count = document.createElement('span');
    count.className = 'bos-find-count';
    count.setAttribute('aria-live', 'polite');
    toolbar.append(input, count);
    let matches: DiagramNodeSource[] = [];
    let at = 0;
    const show = () => {
        count.textContent = input.value ? (matches.length ? `${at + 1} of ${matches.length}` : 'no match') : '';
        go(matches[at]?.id);
    };
    input.addEventListener('input', () => {
        const q = fold(input.value.trim());
        matches = q ? nodes().filter(n => [n.name, n.label].some(t => t !== undefined && fold(t).includes(q))) : [];
        at = 0;
        show();
    });
    input.addEventListener('keydown', e => {
        if (e.key === 'Enter' && matches.length) {
            at = (at + (e.shiftKey ? matches.length - 1 : 1)) % matches.length;
            show();
        } else if (e.key === 'Escape') {
            input.value = '';
            matches = [];
            show();
            leave();
        }
    });
    document.addEventListener('keydown', e => {
        if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'f') {
            e.preventDefault();
            input.focus();
            input.select();
        }
    });
}
