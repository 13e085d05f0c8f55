// The preview's live what-if: a load slider (×0.25 … ×3 of the scenario's loads) and
// the instances or capacity set from a box's menu. The page only asks: the server
// analyses (as `bos analyze --scale … --set …` would) and answers with a new picture,
// the flows' latencies, s* in the picker and the command that replays the run.
import type { DiagramResult, FromWebview, WhatIfProperty, WhatIfSet } from '../lsp/protocol.js';
import { button } from './toolkit.js';

/** Slider range and step: the issue's ×0.25 … ×3 in steps of 0.05. */
const MIN = 0.25, MAX = 3, STEP = 0.05;
/** At most one request per this many ms while the slider moves; the last position always goes. */
const THROTTLE_MS = 40;

export interface WhatIfControls {
    /** Shows what the server made of the what-if; returns the banner it calls for, if any. */
    show(d: DiagramResult): string | undefined;
    set(name: string, property: WhatIfProperty, value: string): void;
    clear(name: string): void;
    has(name: string): boolean;
}

const key = (name: string, property: WhatIfProperty) => `${property} ${name}`;

export function whatIfControls(toolbar: HTMLElement, post: (m: FromWebview) => void): WhatIfControls {
    const label = document.createElement('label');
    label.className = 'bos-scale';
    const readout = document.createElement('span');
    readout.textContent = 'Load ×1';
    const slider = document.createElement('input');
    Object.assign(slider, { type: 'range', min: String(MIN), max: String(MAX), step: String(STEP), value: '1' });
    slider.id = 'bos-scale';
    slider.setAttribute('aria-label', 'What-if: every load times');
    label.append(readout, slider);
    toolbar.appendChild(label);
    const copy = button(toolbar, 'Copy as bos analyze', 'Copy this what-if as a bos analyze command', () => {
        post({ type: 'copyWhatIf' });
    }, 'secondary');
    copy.id = 'bos-copy-what-if';
    button(toolbar, '↺', 'Reset the what-if', () => {
        slider.value = '1';
        sets.clear();
        send();
    });

    const strip = document.createElement('div');
    strip.id = 'whatif';
    strip.setAttribute('role', 'status');
    strip.hidden = true;
    toolbar.after(strip);

    const sets = new Map<string, WhatIfSet>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastSent = 0;
    const send = () => {
        clearTimeout(timer);
        timer = undefined;
        lastSent = Date.now();
        readout.textContent = `Load ×${Number(slider.value)}`;
        post({ type: 'whatIf', whatIf: { scale: Number(slider.value), sets: [...sets.values()] } });
    };
    slider.addEventListener('input', () => {
        readout.textContent = `Load ×${Number(slider.value)}`;
        const wait = THROTTLE_MS - (Date.now() - lastSent);
        if (wait <= 0) send();
        else timer ??= setTimeout(send, wait);
    });

    const chip = (text: string, cls: string, title?: string) => {
        const el = document.createElement('span');
        el.className = `bos-chip ${cls}`;
        el.textContent = text;
        if (title) el.title = title;
        return el;
    };

    return {
        show(d) {
            const w = d.whatIf;
            copy.toggleAttribute('disabled', !w?.command);
            const active = Number(slider.value) !== 1 || sets.size > 0;
            strip.hidden = !active || !w;
            if (strip.hidden) return undefined;
            const parts: HTMLElement[] = [chip(w!.summary ?? w!.problem ?? '', 'bos-chip-summary')];
            for (const s of sets.values()) {
                const remove = document.createElement('button');
                remove.type = 'button';
                remove.className = 'bos-chip bos-chip-set';
                remove.textContent = `${s.name.split('.').pop()} ${s.property} ${s.value} ✕`;
                remove.title = `Remove the what-if ${s.name}.${s.property}=${s.value}`;
                remove.addEventListener('click', () => {
                    sets.delete(key(s.name, s.property));
                    send();
                });
                parts.push(remove);
            }
            for (const f of d.flows ?? []) {
                const against = f.slo ? ` / ${f.slo}` : '';
                parts.push(chip(`${f.name} ${f.latency}${against}`, `bos-flow-${f.status}`, `${f.name}: ${f.status}`));
            }
            strip.replaceChildren(...parts);
            if (w!.problem) return w!.problem;
            return w!.saturatesAll === true
                ? 'This what-if overloads every node that has a capacity: every box is red. Lower the load or '
                    + 'add instances.'
                : undefined;
        },
        set(name, property, value) {
            sets.set(key(name, property), { name, property, value });
            send();
        },
        clear(name) {
            for (const [k, s] of sets) if (s.name === name) sets.delete(k);
            send();
        },
        has: name => [...sets.values()].some(s => s.name === name),
    };
}
