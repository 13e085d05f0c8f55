// Padding to terminal cells rather than UTF-16 units: East Asian Wide and Fullwidth
// characters (`交易中台`, `ｆｕｌｌ`) take two cells, so `String.padEnd` misaligns tables.
import stringWidth from 'string-width';

/** Display width in terminal cells (ANSI colour codes count for nothing). */
export const cells = (text: string): number => stringWidth(text);

// string-width takes some 7 µs a call; a model uses few distinct characters, so each is
// looked up once (the map is bounded by Unicode itself).
const known = new Map<string, number>();

/** Cells of one code point (printable ASCII is one). */
export function charCells(ch: string): number {
    if (ch >= ' ' && ch <= '~') return 1;
    let n = known.get(ch);
    if (n === undefined) known.set(ch, n = cells(ch));
    return n;
}

/** `text` followed by spaces up to `width` cells. */
export function padEndCells(text: string, width: number): string {
    return text + ' '.repeat(Math.max(0, width - cells(text)));
}

/** `text` preceded by spaces up to `width` cells. */
export function padStartCells(text: string, width: number): string {
    return ' '.repeat(Math.max(0, width - cells(text))) + text;
}

/** The widest of `texts` in cells, at least `min`. */
export function widestCells(texts: Iterable<string>, min = 0): number {
    let w = min;
    for (const t of texts) w = Math.max(w, cells(t));
    return w;
}
