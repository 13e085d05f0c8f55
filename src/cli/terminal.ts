// Terminal output: colour only on a TTY and never with NO_COLOR; a progress line on
// stderr for work that takes longer than a moment.
import { createColors } from 'picocolors';

export function colours(stream: NodeJS.WriteStream) {
    const noColor = process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '';
    return createColors(!!stream.isTTY && !noColor);
}

/** Reports progress on a TTY once the work has run for `delayMs`; silent otherwise. */
export function progressLine(stream: NodeJS.WriteStream, delayMs = 400) {
    const start = Date.now();
    let last = 0;
    let shown = false;
    return {
        update(done: number, total: number, phase: string) {
            const now = Date.now();
            if (!stream.isTTY || now - start < delayMs || now - last < 100) return;
            last = now;
            shown = true;
            stream.write(`\r\x1b[2K${phase} ${done}/${total} (${Math.round((done / Math.max(total, 1)) * 100)}%)`);
        },
        clear() {
            if (shown) stream.write('\r\x1b[2K');
        },
    };
}
