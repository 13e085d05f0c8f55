// Units of quantities (spec section 1 and, for counts, section 7): what each unit
// measures, its factor to the base unit (requests per second, seconds, a fraction), and
// the units each dimension is written with.

export type Dimension = 'rate' | 'duration' | 'money' | 'ratio' | 'count';

export interface UnitInfo {
    dimension: Dimension;
    /** Multiply a value by this to get the base unit. */
    factor: number;
    currency?: string;
}

const FIXED: Readonly<Record<string, UnitInfo>> = {
    '/s': { dimension: 'rate', factor: 1 },
    '/min': { dimension: 'rate', factor: 1 / 60 },
    '/h': { dimension: 'rate', factor: 1 / 3600 },
    'ms': { dimension: 'duration', factor: 0.001 },
    's': { dimension: 'duration', factor: 1 },
    '%': { dimension: 'ratio', factor: 0.01 },
};

// ICU's list of ISO-4217 codes, shipped with Node.
const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/** What a written unit means, or undefined when it is no unit of the language. */
export function unitInfo(unit: string | undefined): UnitInfo | undefined {
    if (unit === undefined) return undefined;
    const fixed = FIXED[unit];
    if (fixed) return fixed;
    if (CURRENCIES.has(unit)) return { dimension: 'money', factor: 1, currency: unit };
    return undefined;
}

/**
 * The value of a quantity in its dimension's base unit, or undefined when the unit does
 * not fit. A count has no unit and must be a whole number of at least one.
 */
export function baseValue(value: number, unit: string | undefined, expected: Dimension): number | undefined {
    if (expected === 'count') return unit === undefined && Number.isInteger(value) && value >= 1 ? value : undefined;
    const info = unitInfo(unit);
    return info?.dimension === expected ? value * info.factor : undefined;
}

/** The units completion and quick fixes offer, most common first. */
export const UNITS: Readonly<Record<Dimension, readonly string[]>> = {
    rate: ['/s', '/min', '/h'],
    duration: ['ms', 's'],
    money: ['CNY', 'USD', 'EUR', 'JPY', 'GBP', 'HKD'],
    ratio: ['%'],
    count: [],
};

export const UNIT_EXAMPLES: Readonly<Record<Dimension, string>> = {
    rate: 'a rate such as 3k/s, 12M/min or 40M/h',
    duration: 'a duration such as 150ms or 2 s',
    money: 'an ISO-4217 currency code in capitals, such as 0.05 CNY',
    ratio: 'a percentage such as 20%',
    count: 'a whole number of at least 1 with no unit, such as 12 or 1_200',
};

export function isCurrencyCode(word: string): boolean {
    return CURRENCIES.has(word);
}
