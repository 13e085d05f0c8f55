// The site's pictures without a mouse, walked as the preview's are (webview/keyboard.ts:
// Tab and the arrows go from box to box, the count of an edge bundle is a stop too).
// Here Enter selects, as a click does, and the menu key takes the focus to the details'
// what-if fields, the site's counterpart of the preview's box menu. Each page gets its
// walker when it is first shown: a hidden page's boxes have no place to order them by.
import { keyboardNavigation, type KeyboardUpdates } from '../../webview/keyboard.js';

export interface SiteKeys {
    /** Selects a box (`n12`) on the shown page, as a click on it does. */
    select(node: string): void;
    /** Selects a box and takes the focus to its what-if fields in the details. */
    whatIf(node: string): void;
    /** Lists a bundle's members, as a click on its count does. */
    bundle(id: string): void;
}

/** Call `shown` after a page is shown, `relabel` after its numbers changed. */
export function siteKeyboard(keys: SiteKeys) {
    const walkers = new Map<HTMLElement, KeyboardUpdates>();
    const walker = (section: HTMLElement) =>
        walkers.get(section) ?? walkers.set(
            section,
            keyboardNavigation(section, {
                reveal: keys.select,
                centre: box => box.scrollIntoView({ block: 'nearest', inline: 'nearest' }),
                menu: keys.whatIf,
                expand: keys.bundle,
            }),
        ).get(section)!;
    return {
        shown(section: HTMLElement) {
            walker(section).drawn(section.contains(document.activeElement));
        },
        relabel(section: HTMLElement) {
            walkers.get(section)?.relabel();
        },
    };
}
