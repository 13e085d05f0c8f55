// Units of quantities (spec section 1): what each unit measures and its factor to the
// base unit (requests per second, seconds, a fraction).

export type Dimension = 'rate' | 'duration' | 'money' | 'ratio';

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

export const UNIT_EXAMPLES: Readonly<Record<Dimension, string>> = {
    rate: 'a rate such as 3k/s, 12M/min or 40M/h',
    duration: 'a duration such as 150ms or 2 s',
    money: 'an ISO-4217 currency code in capitals, such as 0.05 CNY',
    ratio: 'a percentage such as 20%',
};

export function isCurrencyCode(word: string): boolean {
    return CURRENCIES.has(word);
}
