// Terminal output: colour only where escape codes are understood, and a progress line on
// stderr for work that takes longer than a moment.
import { createColors } from 'picocolors';

export const COLOR_MODES = ['auto', 'always', 'never'] as const;
export type ColorMode = (typeof COLOR_MODES)[number];

/**
 * `auto` colours a TTY unless NO_COLOR is set or TERM is `dumb`: Emacs's `M-x compile`
 * runs commands on a terminal with TERM=dumb and would read the escape codes as part of
 * the file name.
 */
export function useColor(stream: NodeJS.WriteStream, mode: ColorMode = 'auto'): boolean {
    if (mode !== 'auto') return mode === 'always';
    const { NO_COLOR, TERM } = process.env;
    return !!stream.isTTY && (NO_COLOR === undefined || NO_COLOR === '') && TERM !== 'dumb';
}

export function colours(stream: NodeJS.WriteStream, mode: ColorMode = 'auto') {
    return createColors(useColor(stream, mode));
}

/** Reports progress on a TTY once the work has run for `delayMs`; silent otherwise. */
export function progressLine(stream: NodeJS.WriteStream, delayMs = 400) {
    const start = Date.now();
    let last = 0;
    let shown = false;
    const live = !!stream.isTTY && process.env.TERM !== 'dumb';
    return {
        update(done: number, total: number, phase: string) {
            const now = Date.now();
            if (!live || now - start < delayMs || now - last < 100) return;
            last = now;
            shown = true;
            stream.write(`\r\x1b[2K${phase} ${done}/${total} (${Math.round((done / Math.max(total, 1)) * 100)}%)`);
        },
        clear() {
            if (shown) stream.write('\r\x1b[2K');
        },
    };
}
