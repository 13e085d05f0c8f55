// How numbers print for people (spec sections 5 and 7): `583k/s`, `97.2%`, `0.84 CNY`,
// `192ms`, `×1.03`.

/**
 * 583000 → "583k", 1500000 → "1.5M", 0.25 → "0.25". At most 3 significant decimals.
 * Beyond the language's largest scale (1000B) a power of ten, and `∞` beyond a double.
 */
export function scaled(value: number): string {
    const abs = Math.abs(value);
    if (abs === Infinity) return value < 0 ? '−∞' : '∞';
    if (abs >= 1e12) return powerOfTen(value);
    for (const [limit, suffix] of [[1e9, 'B'], [1e6, 'M'], [1e3, 'k']] as const) {
        if (abs >= limit) return `${trim(value / limit)}${suffix}`;
    }
    return trim(value);
}

function trim(v: number): string {
    const digits = Math.abs(v) >= 100 ? 1 : Math.abs(v) >= 1 ? 2 : 4;
    return String(Number(v.toFixed(digits)));
}

/** 1.5e15 → "1.5e15". */
function powerOfTen(value: number): string {
    const [mantissa, exponent] = value.toExponential(2).split('e');
    return `${String(Number(mantissa))}e${String(Number(exponent))}`;
}

export function rate(perSecond: number): string {
    return `${scaled(perSecond)}/s`;
}

/** Durations as the language writes them, to 3 significant digits: `192ms`, `8.35ms`, `1.5s`. */
export function duration(seconds: number): string {
    const ms = Number((seconds * 1000).toPrecision(3));
    if (ms > 0 && ms < 0.001) return '<0.001ms';
    return ms < 1000 ? `${String(ms)}ms` : `${Number(seconds.toPrecision(3))}s`;
}

export function percent(fraction: number): string {
    const pct = fraction * 100;
    return `${Math.abs(pct) >= 1e6 ? scaled(pct) : String(Number(pct.toFixed(1)))}%`;
}

/** A growth factor such as s*: `×1.03`, `×146`, `×1.46k`. */
export function factor(x: number): string {
    return `×${x < 1000 ? String(Number(x.toPrecision(3))) : scaled(x)}`;
}

/** A relative change to two significant digits, signed: `−80%`, `+12%`, `−0.1%`, `±0%`. */
export function change(fraction: number): string {
    const pct = Number((fraction * 100).toPrecision(2));
    if (pct === 0) return '±0%';
    return `${pct < 0 ? '−' : '+'}${String(Math.abs(pct))}%`;
}

export function money(amount: number, currency: string): string {
    return `${String(Number(amount.toFixed(amount >= 100 ? 0 : 4)))} ${currency}`;
}

/** A bar like `█████▌    ` for a fraction; values over 1 fill the bar. */
export function bar(fraction: number, width = 10): string {
    const cells = Math.max(0, Math.min(1, fraction)) * width;
    const full = Math.floor(cells);
    const half = cells - full >= 0.5 && full < width ? '▌' : '';
    return ('█'.repeat(full) + half).padEnd(width, ' ');
}
