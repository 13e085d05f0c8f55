// Edge bundles in the preview (diagram/bundles.ts): a click (or Enter) on a bundle asks
// the extension for the same view with it drawn edge by edge; a click on one of those
// edges, or the toolbar's chip, folds them up again. The extension keeps the expanded
// set, so it survives a what-if step and an edit; the page only says what was clicked.
import type { DiagramResult, FromWebview } from '../lsp/protocol.js';
import { button } from './toolkit.js';

export interface BundleControls {
    /** After each picture: the chip says how many bundles are expanded. */
    show(d: DiagramResult): void;
    /** The bundle or expanded member under a click, acted on; false when the click was on neither. */
    click(hit: Element | null): boolean;
    expand(id: string): void;
    /** Gives the chip the keyboard when the focused bundle was just expanded; false when there is none. */
    takeFocus(): boolean;
    /** The chip has the keyboard: folding from it gives the focus back to the picture. */
    hasFocus(): boolean;
}

export function bundleControls(toolbar: HTMLElement, post: (m: FromWebview) => void): BundleControls {
    let expanded: string[] = [];
    const ask = (bundles: string[]) => post({ type: 'expand', bundles });
    const chip = button(toolbar, '', 'Draw the expanded bundles as one edge each again', () => ask([]), 'secondary');
    chip.id = 'bos-collapse';
    chip.hidden = true;
    const expand = (id: string) => ask([...expanded.filter(b => b !== id), id]);
    return {
        show(d) {
            expanded = d.expanded ?? [];
            chip.hidden = expanded.length === 0;
            chip.textContent = `${expanded.length} expanded · collapse`;
        },
        click(hit) {
            const bundle = hit?.closest('[data-bundle]')?.getAttribute('data-bundle');
            if (bundle) expand(bundle);
            const member = hit?.closest('[data-bundle-member]')?.getAttribute('data-bundle-member');
            if (member) ask(expanded.filter(b => b !== member));
            return !!(bundle ?? member);
        },
        expand,
        takeFocus() {
            if (chip.hidden) return false;
            chip.focus();
            return true;
        },
        hasFocus: () => document.activeElement === chip,
    };
}
