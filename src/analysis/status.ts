// Utilisation and the headroom rule (spec section 5): the one place that decides whether
// a loaded node is ok, within its headroom, overloaded or unknown.

export type Status = 'ok' | 'headroom' | 'overload' | 'unknown';

/** Relative tolerance so that 0.1 + 0.2 style rounding never flips a status. */
export const EPSILON = 1e-9;

/** load / capacity; NaN when there is no capacity (capacity NaN). */
export function utilisationOf(load: number, capacity: number): number {
    return load / capacity;
}

/**
 * Over 100% is overload, over the headroom line `1 − headroom` is headroom; without a
 * utilisation (undefined or NaN: no capacity) the status is unknown.
 */
export function statusOf(utilisation: number | undefined, headroom: number): Status {
    const u = utilisation ?? NaN;
    if (u > 1 + EPSILON) return 'overload';
    if (u > 1 - headroom + EPSILON) return 'headroom';
    return Number.isNaN(u) ? 'unknown' : 'ok';
}

/** A flow's latency over its SLO (spec section 7), with the same tolerance. */
export function overSlo(latency: number, slo: number): boolean {
    return latency > slo * (1 + EPSILON);
}
