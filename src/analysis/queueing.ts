// The M/M/k queue of the performance model (spec section 7): Erlang B and C, the mean
// wait and the mean response time. Pure math on numbers; nothing here knows the model.
//
// Double-11 scale gives a node up to ~10⁵ servers, thousands of nodes are solved per
// scenario and a sweep solves them again per scale, so the O(k) recursion
// `B₀ = 1, Bⱼ = A·Bⱼ₋₁ / (j + A·Bⱼ₋₁)` is used only for a few servers. For more, 1/B is
// the integral (expand the power and integrate term by term: Σⱼ k!/((k−j)!·Aʲ) = 1/B)
//
//   1/B(k, A) = ∫₀^∞ e^(−t)·(1 + t/A)^k dt,
//
// which for A < k peaks at t* = k − A. Written around the peak with t = t* + z·√k:
//
//   1/B = e^(d₀) · √k · ∫_{−β}^{∞} exp(k·φ(z/√k)) dz,   φ(y) = ln(1 + y) − y,
//   d₀ = −k·φ(−(1 − ρ)) ≥ 0,   β = (1 − ρ)·√k,
//
// whose integrand is 1 at z = 0 and bell-shaped about one unit wide whatever k is. A
// fixed number of Gauss–Legendre panels integrates it to ~1e-14 in O(1) time, with no
// power or factorial of A ever formed, and e^(−d₀) underflows to 0 exactly where the
// recursion would (a lightly loaded pool never waits).

/** Up to this many servers the recursion is exact and cheapest. */
const RECURSION_UP_TO = 32;

/** Erlang B: the probability that all `k` servers are busy when offered `a` Erlangs (no queue). */
export function erlangB(k: number, a: number): number {
    if (!(a > 0)) return 0;
    if (k <= RECURSION_UP_TO) return erlangBRecursion(k, a);
    if (a >= k) return erlangBOverloaded(k, a);
    return erlangBIntegral(k, 1 - a / k);
}

/** The stable recursion of spec section 7, O(k). */
function erlangBRecursion(k: number, a: number): number {
    let b = 1;
    for (let j = 1; j <= k; j++) b = (a * b) / (j + a * b);
    return b;
}

/**
 * A ≥ k (never the queue's case: it is saturated there): 1/B = Σⱼ Πₘ<ⱼ (k − m)/A, whose
 * terms only fall, so the sum stops once they no longer count; past 10⁷ terms (k beyond
 * about 10¹² at A ≈ k) it stops anyway, a little short.
 */
function erlangBOverloaded(k: number, a: number): number {
    let sum = 1;
    let term = 1;
    const last = Math.min(k, 1e7);
    for (let m = 0; m < last && term > sum * 1e-17; m++) {
        term *= (k - m) / a;
        sum += term;
    }
    return 1 / sum;
}

/** ln(1 + y) − y without the cancellation of the direct form for small |y|. */
function phi(y: number): number {
    if (Math.abs(y) > 0.02) return Math.log1p(y) - y;
    // −y²/2 + y³/3 − … − y¹²/12 by Horner: at |y| ≤ 0.02 the rest is below 1e-18 of the sum.
    let s = -1 / 12;
    for (let n = 11; n >= 2; n--) s = (n % 2 === 0 ? -1 / n : 1 / n) + y * s;
    return s * y * y;
}

// 8-point Gauss–Legendre on [−1, 1] (nodes ±x, weights w): exact for polynomials of degree 15.
const GL_X = [0.1834346424956498, 0.525532409916329, 0.7966664774136267, 0.9602898564975362];
const GL_W = [0.362683783378362, 0.31370664587788727, 0.22238103445337448, 0.10122853629037626];

/** ∫ f over [lo, hi] by one 8-point Gauss–Legendre panel. */
function panel(f: (z: number) => number, lo: number, hi: number): number {
    const mid = (lo + hi) / 2, half = (hi - lo) / 2;
    let sum = 0;
    for (let i = 0; i < 4; i++) sum += GL_W[i] * (f(mid - half * GL_X[i]) + f(mid + half * GL_X[i]));
    return sum * half;
}

/** Panel width in units of √k: the integrand is about one unit wide. */
const WIDTH = 2;
/** Beyond this many units left of the peak the integrand is below e^(−40), 1e-17 of the integral. */
const LEFT_REACH = 9;

/**
 * e^(−d₀) underflows past d₀ = 745, where √k·∫ ≥ 1 (β is then over 38), so B is 0 to a
 * double; d₀ ≥ k·d²/2 tells most lightly loaded pools so without a logarithm.
 */
function idle(k: number, d: number): boolean {
    return k * d * d > 1490;
}

/** Erlang B for k > RECURSION_UP_TO and A = k·ρ < k, given d = 1 − ρ; see the top of the file. */
function erlangBIntegral(k: number, d: number): number {
    if (idle(k, d)) return 0;
    const d0 = -k * phi(-d);
    if (d0 > 745) return 0;
    const root = Math.sqrt(k);
    const f = (z: number) => Math.exp(k * phi(z / root));
    const lo = -Math.min(d * root, LEFT_REACH);
    const left = Math.max(1, Math.ceil(-lo / WIDTH));
    let integral = 0;
    for (let i = 0; i < left; i++) integral += panel(f, (lo * (left - i)) / left, (lo * (left - i - 1)) / left);
    // Right of the peak the integrand falls more slowly (like e^(−z·√k) far out): go on
    // until a panel no longer adds anything.
    for (let z = 0; z < 1e4; z += WIDTH) {
        const part = panel(f, z, z + WIDTH);
        integral += part;
        if (part <= integral * 1e-17) break;
    }
    return Math.exp(-d0) / (root * integral);
}

/**
 * Erlang C: the probability that a request waits in an M/M/k queue at utilisation ρ < 1,
 * `P = B / (1 − ρ·(1 − B))`, written `B / ((1 − ρ) + ρ·B)` so that ρ → 1 loses nothing.
 */
export function erlangC(k: number, rho: number): number {
    if (!(rho > 0)) return 0;
    const b = erlangB(k, k * rho);
    return b / (1 - rho + rho * b);
}

/**
 * The mean wait W = P·S / (k·(1 − ρ)) in seconds of an M/M/k queue with `k` servers,
 * utilisation ρ and mean service time S; Infinity when it is unbounded (ρ ≥ 1, or beyond
 * what a double holds), NaN when the inputs make no queue. For the hot loops; readers
 * want `queueTimes`.
 */
export function meanWait(k: number, rho: number, service: number): number {
    if (!(k >= 1 && k < Infinity) || !(rho >= 0) || !(service >= 0 && service < Infinity)) return NaN;
    if (rho >= 1) return Infinity;
    if (idle(k, 1 - rho)) return 0;
    const p = erlangC(k, rho);
    const wait = p === 0 ? 0 : (p * service) / (k * (1 - rho));
    return Number.isFinite(wait) ? wait : Infinity;
}

export interface QueueTimes {
    /** Probability of waiting (Erlang C). */
    waitProbability: number;
    /** Mean time in the queue, seconds. */
    wait: number;
    /** Mean time in the node, seconds: service plus wait. */
    response: number;
}

/**
 * The M/M/k queue: P, W and R = S + W. Null when the queue is saturated (ρ ≥ 1), the
 * inputs make no queue, or the times are beyond what a double holds: every number out
 * is finite.
 */
export function queueTimes(k: number, rho: number, service: number): QueueTimes | null {
    const wait = meanWait(k, rho, service);
    const response = service + wait;
    return Number.isFinite(response) ? { waitProbability: erlangC(k, rho), wait, response } : null;
}
