// BOS identifiers from the names other tools allow (spec §1: a Unicode letter or `_`,
// then letters, digits or `_`). A valid name stays as it is; any other is made valid the
// same way every time — words joined with the first letter of each later one in capitals,
// a leading digit behind `_` — and made unique among its siblings with `_2`, `_3`….
import { RESERVED } from '../model/vocabulary.js';

const VALID = /^[_\p{L}][\p{L}\p{N}_]*$/u;
const WORD_BREAK = /[^\p{L}\p{N}_]+/u;

/** The word with a capital first letter, when the capital is one letter too (`ῢ` has none: `Ϋ̀`). */
function capitalised(word: string): string {
    const upper = word[0].toUpperCase();
    return /^\p{L}$/u.test(upper) ? upper + word.slice(1) : word;
}

export function identifier(name: string, fallback: string): string {
    if (VALID.test(name)) return name;
    const words = name.normalize('NFC').split(WORD_BREAK).filter(w => w.length > 0);
    const joined = words.map((w, i) => (i === 0 ? w : capitalised(w))).join('');
    if (!joined) return fallback;
    return /^[_\p{L}]/u.test(joined) ? joined : `_${joined}`;
}

/** Hands out names unique within one namespace (a package's top level, one container's children). */
export class Namespace {
    private readonly taken = new Set<string>();

    has(name: string): boolean {
        return this.taken.has(name);
    }

    claim(name: string): string {
        let out = name;
        for (let i = 2; this.taken.has(out); i++) out = `${name}_${i}`;
        this.taken.add(out);
        return out;
    }
}

/** A name as written at the start of a reference or declaration: reserved words behind `^`. */
export function written(name: string): string {
    return RESERVED.has(name) ? `^${name}` : name;
}
