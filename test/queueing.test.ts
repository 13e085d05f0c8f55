// The M/M/k queue of the performance model (spec section 7) against independent
// references: the plain recursion, the Poisson ratio in log space, exact rationals,
// published Erlang B tables, closed forms and the spec's worked example.
import { describe, expect, it } from 'vitest';
import { erlangB, erlangC, meanWait, queueTimes } from '../src/analysis/queueing.js';

/** The recursion of the spec, written here again so the reference is independent of the code. */
function recursion(k: number, a: number): number {
    let b = 1;
    for (let j = 1; j <= k; j++) b = (a * b) / (j + a * b);
    return b;
}

/** B = pmf(k; A) / cdf(k; A) of the Poisson distribution, summed in log space: O(k), no power of A. */
function poissonRatio(k: number, a: number): number {
    const logPmf: number[] = [];
    let logFactorial = 0;
    for (let j = 0; j <= k; j++) {
        if (j > 0) logFactorial += Math.log(j);
        logPmf.push(j * Math.log(a) - a - logFactorial);
    }
    const top = Math.max(...logPmf);
    const logCdf = top + Math.log(logPmf.reduce((s, l) => s + Math.exp(l - top), 0));
    return Math.exp(logPmf[k] - logCdf);
}

/** Erlang C exactly, for A = p/q: every term times k!·q^k is a whole number. */
function exactErlangC(k: number, p: bigint, q: bigint): number {
    const K = BigInt(k);
    const terms: bigint[] = [];
    for (let j = 0; j <= k; j++) {
        let t = p ** BigInt(j) * q ** BigInt(k - j);
        for (let i = j + 1; i <= k; i++) t *= BigInt(i); // k!/j!
        terms.push(t);
    }
    const below = terms.slice(0, k).reduce((s, t) => s + t, 0n);
    const top = terms[k] * K * q;
    const digits = 10n ** 30n;
    return Number((top * digits) / ((K * q - p) * below + top)) / 1e30;
}

const relative = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
const RHOS = [0.01, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 0.972, 0.99, 0.995, 0.999];

describe('Erlang B and C', () => {
    it('agrees with the recursion to 1e-6 relative for k = 1..200 and large k, ρ from 0.01 to 0.999', () => {
        let worst = 0;
        for (const k of [...Array.from({ length: 200 }, (_, i) => i + 1), 1_000, 20_000, 90_000, 100_000]) {
            for (const rho of RHOS) {
                const want = recursion(k, k * rho), got = erlangB(k, k * rho);
                if (want < 1e-290) expect(got).toBeLessThan(1e-280); // both below what a double resolves
                else worst = Math.max(worst, relative(got, want));
            }
        }
        expect(worst).toBeLessThan(1e-6);
    });

    it('agrees with the recursion where the load is at or over the servers too', () => {
        for (const k of [33, 50, 200, 5_000]) {
            for (const over of [1, 1.2, 3]) {
                expect(relative(erlangB(k, k * over), recursion(k, k * over))).toBeLessThan(1e-9);
            }
        }
    });

    it('agrees with the Poisson ratio computed in log space', () => {
        for (const [k, rho] of [[50, 0.9], [500, 0.97], [5_000, 0.99], [90_000, 0.998], [250, 0.6]]) {
            expect(relative(erlangB(k, k * rho), poissonRatio(k, k * rho))).toBeLessThan(1e-6);
        }
    });

    it('matches published Erlang B tables (offered load at a grade of service)', () => {
        // Trunks, Erlangs at 1% and 2% blocking, as printed (to the table's last digit).
        const table: [number, number, number][] = [
            [10, 4.461, 0.01],
            [10, 5.084, 0.02],
            [20, 12.03, 0.01],
            [
                50,
                37.9,
                0.01,
            ],
            [100, 84.06, 0.01],
            [100, 87.97, 0.02],
        ];
        for (const [k, a, grade] of table) expect(Math.abs(erlangB(k, a) - grade)).toBeLessThan(grade * 0.005);
    });

    it('matches Erlang C computed exactly with rationals, and the closed forms of one and two servers', () => {
        expect(relative(erlangC(55, 48 / 55), exactErlangC(55, 48n, 1n))).toBeLessThan(1e-12);
        expect(relative(erlangC(90, 0.972), exactErlangC(90, 8748n, 100n))).toBeLessThan(1e-12);
        expect(relative(erlangC(40, 0.5), exactErlangC(40, 20n, 1n))).toBeLessThan(1e-12);
        for (const rho of RHOS) {
            expect(erlangC(1, rho)).toBeCloseTo(rho, 14);
            expect(erlangC(2, rho)).toBeCloseTo((2 * rho * rho) / (1 + rho), 14);
        }
        expect(erlangC(2, 0.5)).toBeCloseTo(1 / 3, 14);
        // The textbook M/M/3 with λ = 2, μ = 1: P(wait) = 4/9.
        expect(erlangC(3, 2 / 3)).toBeCloseTo(4 / 9, 14);
    });

    it('costs far less than the recursion at Double-11 scale', () => {
        const t0 = performance.now();
        for (let i = 0; i < 2_000; i++) erlangC(90_000, 0.99 + (i % 9) * 0.001);
        // The recursion takes about a millisecond each here: two seconds for these.
        expect(performance.now() - t0).toBeLessThan(300);
    });
});

describe('the M/M/k queue', () => {
    it("gives the spec's worked example: k = 90 at ρ = 0.972, and the pooled queue", () => {
        const split = queueTimes(90, 0.972, 0.15)!;
        expect(split.waitProbability).toBeCloseTo(0.71, 2);
        expect(split.wait).toBeCloseTo(0.042, 3);
        expect(split.response).toBeCloseTo(0.192, 3);
        const pooled = queueTimes(90_000, 0.972, 0.15)!;
        expect(pooled.response).toBeCloseTo(0.15, 9);
    });

    it('is M/M/1 with one server: R = S / (1 − ρ), also as ρ → 1', () => {
        expect(queueTimes(1, 0.5, 0.01)!.response).toBeCloseTo(0.02, 12);
        const near = queueTimes(1, 1 - 1e-12, 0.15)!;
        expect(relative(near.response, 0.15 / (1 - (1 - 1e-12)))).toBeLessThan(1e-9);
        expect(Number.isFinite(near.wait)).toBe(true);
    });

    it('is saturated (null) at ρ = 1 and above, and has no queue without servers or a service time', () => {
        expect(queueTimes(90, 1, 0.15)).toBeNull();
        expect(queueTimes(90, 1.5, 0.15)).toBeNull();
        expect(meanWait(90, 1, 0.15)).toBe(Infinity);
        for (const k of [0, 0.5, NaN, Infinity]) expect(queueTimes(k, 0.5, 0.15)).toBeNull();
        expect(queueTimes(4, NaN, 0.15)).toBeNull();
        expect(queueTimes(4, 0.5, -1)).toBeNull();
    });

    it('always gives finite numbers where it gives any: S = 0, no load, huge k, ρ next to 1', () => {
        expect(queueTimes(8, 0.9, 0)).toEqual({ waitProbability: erlangC(8, 0.9), wait: 0, response: 0 });
        expect(queueTimes(8, 0, 0.01)).toEqual({ waitProbability: 0, wait: 0, response: 0.01 });
        const cases: [number, number, number][] = [
            [90_000, 0.972, 0.15],
            [90_000, 1 - 1e-12, 0.15],
            [
                1e12,
                1 - 1e-12,
                0.15,
            ],
            [1e12, 0.5, 1],
            [Number.MAX_SAFE_INTEGER, 1 - 1e-15, 1],
            [3, 1 - 1e-15, 1e300],
        ];
        for (const [k, rho, s] of cases) {
            const q = queueTimes(k, rho, s);
            if (q) { for (const v of Object.values(q)) expect(Number.isFinite(v), `${k} ${rho} ${s}`).toBe(true); }
        }
        // Beyond what a double holds the wait is unbounded: null, not Infinity.
        expect(queueTimes(3, 1 - 1e-15, 1e300)).toBeNull();
    });
});
