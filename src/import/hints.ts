// A BOS export's `bos.*` properties are trusted only as far as they make valid BOS: the
// keyword must fit where the element stands, the names must be identifiers, the kind one
// of its keyword's, each quantity a number with a unit of its property's dimension.
// Anything else (a hand-edited or foreign workspace) is dropped with a note, and the
// element is mapped by the rules instead, so the import still validates.
import { PROPERTIES, type Property } from '../model/properties.js';
import { baseValue, type Dimension, unitInfo } from '../model/units.js';
import { type DeclarationKeyword, kindsOf, RESERVED } from '../model/vocabulary.js';
import type { BosHint } from './source.js';

const SEGMENT = /^[_\p{L}][\p{L}\p{N}_]*$/u;
const NUMBER = '([0-9][0-9_]*(?:\\.[0-9]+)?)([kMB]?)';
const QUANTITY = new RegExp(`^${NUMBER} ?((?:/?[A-Za-z]+(?:/[A-Za-z]+)?)|%)?$`);
const PRICE = new RegExp(`^(.+) per ${NUMBER}$`);
const SCALE: Readonly<Record<string, number>> = { '': 1, k: 1e3, M: 1e6, B: 1e9 };

/** Where each keyword may stand: the keyword of its container, or undefined for the top level. */
const PLACES: Readonly<Partial<Record<DeclarationKeyword, readonly (DeclarationKeyword | undefined)[]>>> = {
    actor: [undefined],
    element: [undefined],
    platform: [undefined],
    infrastructure: [undefined],
    capability: ['platform'],
    resource: [undefined, 'infrastructure'],
};

function quantityFits(text: string, dimension: Dimension): boolean {
    const m = QUANTITY.exec(text);
    if (!m) return false;
    const value = Number(m[1].replaceAll('_', '')) * SCALE[m[2]];
    const unit = m[3];
    if (unit !== undefined && !unitInfo(unit)) return false;
    return Number.isFinite(value) && baseValue(value, unit, dimension) !== undefined;
}

function propertyFits(property: Property, text: string): boolean {
    const value = PROPERTIES[property].value;
    if (value.sort === 'quantity') return quantityFits(text, value.dimension);
    if (value.sort === 'price') {
        const m = PRICE.exec(text);
        return !!m && quantityFits(m[1], 'money') && Number(m[2].replaceAll('_', '')) > 0;
    }
    return true;
}

function nameFits(name: string): boolean {
    const segments = name.split('.');
    return segments.every(s => SEGMENT.test(s)) && (segments.length === 1 || !RESERVED.has(segments[0]));
}

function kindFits(keyword: DeclarationKeyword, kind: string | undefined): boolean {
    const kinds = kindsOf(keyword);
    return kinds ? kind !== undefined && kinds.includes(kind) : kind === undefined || SEGMENT.test(kind);
}

/**
 * The hint as far as it holds under a container of `parent` keyword, and what was
 * dropped from it; no hint at all when its keyword, name or kind does not fit.
 */
export function checkedHint(
    hint: BosHint,
    parent: DeclarationKeyword | undefined,
    label: string,
): { hint?: BosHint; notes: string[] } {
    const places = PLACES[hint.keyword];
    if (!places?.includes(parent) || !nameFits(hint.name) || !kindFits(hint.keyword, hint.kind)) {
        const where = parent ? `inside ${parent === 'infrastructure' ? 'an' : 'a'} ${parent}` : 'at the top';
        return {
            notes: [`${label}: its bos.* properties (a ${hint.keyword} ${where}) do not fit; mapped by the rules`],
        };
    }
    const notes: string[] = [];
    const properties: Record<string, string> = {};
    for (const [key, text] of Object.entries(hint.properties)) {
        if (key in PROPERTIES && !propertyFits(key as Property, text)) {
            notes.push(`${label}: ${key} "${text}" is no BOS ${key}`);
        } else properties[key] = text;
    }
    return { hint: { ...hint, properties }, notes };
}
