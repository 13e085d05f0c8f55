// Editor settings (`bos.*` in VS Code) as the language services read them. The CLI
// keeps the defaults, so it always reports every code.
import { DEFAULT_HEADROOM } from '../analysis/scenario.js';

export interface RawSettings {
    analysis?: { defaultHeadroom?: unknown };
    checks?: { disabled?: unknown };
    inlayHints?: { enabled?: unknown; scenario?: unknown };
}

export class BosSettings {
    /** Fraction, for scenarios that declare no `headroom`. */
    defaultHeadroom = DEFAULT_HEADROOM;
    disabled: ReadonlySet<string> = new Set();
    inlayHints = true;
    /** Scenario (qualified or short name) for inlay hints and lenses; empty: the first one. */
    scenario = '';

    /** Takes what the client sent, ignoring values of the wrong shape; true when something changed. */
    update(raw: RawSettings | undefined): boolean {
        const before = JSON.stringify(this.snapshot());
        const headroom = raw?.analysis?.defaultHeadroom;
        if (typeof headroom === 'number' && headroom >= 0 && headroom <= 100) this.defaultHeadroom = headroom / 100;
        const disabled = raw?.checks?.disabled;
        if (Array.isArray(disabled)) {
            this.disabled = new Set(disabled.filter((c): c is string => typeof c === 'string'));
        }
        if (typeof raw?.inlayHints?.enabled === 'boolean') this.inlayHints = raw.inlayHints.enabled;
        if (typeof raw?.inlayHints?.scenario === 'string') this.scenario = raw.inlayHints.scenario;
        return JSON.stringify(this.snapshot()) !== before;
    }

    private snapshot() {
        return [this.defaultHeadroom, [...this.disabled], this.inlayHints, this.scenario];
    }
}
