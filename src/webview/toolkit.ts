// Every use of @vscode/webview-ui-toolkit (archived upstream, still working) lives in
// this module, so that it can be swapped for @vscode-elements/elements in one place.
import {
    provideVSCodeDesignSystem,
    vsCodeButton,
    vsCodeCheckbox,
    vsCodeDropdown,
    vsCodeOption,
} from '@vscode/webview-ui-toolkit';

export function registerToolkit(): void {
    provideVSCodeDesignSystem().register(vsCodeDropdown(), vsCodeOption(), vsCodeButton(), vsCodeCheckbox());
}

export interface Choice {
    value: string;
    label: string;
    /** Shown when the pointer rests on the option. */
    title?: string;
}

/** A dropdown whose options can be replaced; `onChange` receives the chosen value. */
export function dropdown(host: HTMLElement, title: string, onChange: (value: string) => void) {
    const el = document.createElement('vscode-dropdown') as HTMLElement & { value: string };
    el.title = title;
    el.setAttribute('aria-label', title);
    el.addEventListener('change', () => onChange(el.value));
    host.appendChild(el);
    let current = '';
    return {
        element: el,
        set(choices: readonly Choice[], selected: string) {
            const key = JSON.stringify(choices);
            if (key !== current) {
                current = key;
                el.replaceChildren(...choices.map(c => {
                    const o = document.createElement('vscode-option') as HTMLElement & { value: string };
                    o.value = c.value;
                    o.textContent = c.label;
                    if (c.title) o.title = c.title;
                    // New options are slotted later: setting the value alone would be lost.
                    if (c.value === selected) o.setAttribute('selected', '');
                    return o;
                }));
            }
            el.value = selected;
        },
    };
}

/** A button; `icon` (the default) for a glyph, `secondary` for a word or two. */
export function button(
    host: HTMLElement,
    label: string,
    title: string,
    onClick: () => void,
    appearance: 'icon' | 'secondary' = 'icon',
): HTMLElement {
    const el = document.createElement('vscode-button');
    el.setAttribute('appearance', appearance);
    el.title = title;
    el.setAttribute('aria-label', title);
    el.textContent = label;
    el.addEventListener('click', onClick);
    host.appendChild(el);
    return el;
}

/** A checkbox; `onChange` receives whether it is now ticked. */
export function checkbox(host: HTMLElement, label: string, title: string, onChange: (checked: boolean) => void) {
    const el = document.createElement('vscode-checkbox') as HTMLElement & { checked: boolean };
    el.title = title;
    el.textContent = label;
    el.addEventListener('change', () => onChange(el.checked));
    host.appendChild(el);
    return el;
}
