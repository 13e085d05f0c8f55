// Names the target formats require to be unique or plain: Structurizr wants distinct
// element names among siblings and ASCII view keys; LQN distinct processor, task and entry names.

/**
 * A distinct name for each item: its own, or, when several share one, that name with
 * the item's qualified name after it (`要素 0 (bench.p1.E1_0)`), so no order decides who keeps it.
 */
export function distinctNames<T>(
    items: readonly T[],
    name: (t: T) => string,
    qualified: (t: T) => string,
): Map<T, string> {
    const count = new Map<string, number>();
    for (const t of items) count.set(name(t), (count.get(name(t)) ?? 0) + 1);
    const out = new Map<T, string>();
    const taken = new Set<string>();
    for (const t of items) {
        let n = count.get(name(t))! > 1 ? `${name(t)} (${qualified(t)})` : name(t);
        // Two declarations that share a qualified name (a `bos/duplicate` error) still get two names.
        for (let i = 2; taken.has(n); i++) n = `${name(t)} (${qualified(t)} #${i})`;
        taken.add(n);
        out.set(t, n);
    }
    return out;
}

/** An ASCII key made from `text` (other characters as `_`), not yet in `taken`, which it joins. */
export function asciiKey(text: string, taken: Set<string>, fallback = 'view'): string {
    return unique(/[A-Za-z0-9]/.test(text) ? text.replace(/[^A-Za-z0-9_-]/g, '_') : fallback, taken);
}

/** `name`, or `name-2`, `name-3`… when it is already in `taken`; the result joins `taken`. */
export function unique(name: string, taken: Set<string>): string {
    let out = name;
    for (let i = 2; taken.has(out); i++) out = `${name}-${i}`;
    taken.add(out);
    return out;
}
