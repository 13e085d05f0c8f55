// How numbers print for people (spec section 5): `583k/s`, `97.2%`, `0.84 CNY`.

/** 583000 → "583k", 1500000 → "1.5M", 0.25 → "0.25". At most 3 significant decimals. */
export function scaled(value: number): string {
    const abs = Math.abs(value);
    for (const [limit, suffix] of [[1e9, 'B'], [1e6, 'M'], [1e3, 'k']] as const) {
        if (abs >= limit) return `${trim(value / limit)}${suffix}`;
    }
    return trim(value);
}

function trim(v: number): string {
    const digits = Math.abs(v) >= 100 ? 1 : Math.abs(v) >= 1 ? 2 : 4;
    return String(Number(v.toFixed(digits)));
}

export function rate(perSecond: number): string {
    return `${scaled(perSecond)}/s`;
}

/** Durations as the language writes them: `192ms`, `1.5s`. */
export function duration(seconds: number): string {
    return seconds < 1 ? `${scaled(seconds * 1000)}ms` : `${Number(seconds.toPrecision(3))}s`;
}

export function percent(fraction: number): string {
    return `${String(Number((fraction * 100).toFixed(1)))}%`;
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
