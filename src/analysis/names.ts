// Qualified names by load-graph position, read once per graph: ties between nodes go to
// the first by qualified name, and a hot loop should not read `id` off nodes of many
// shapes. Comparing two names costs tens of nanoseconds, so a reader that sorts every
// scenario's nodes sorts the whole graph once (`rankOf`) and then compares integers.
import type { LoadGraph } from '../model/graph.js';

const names = new WeakMap<LoadGraph, string[]>();
const ranks = new WeakMap<LoadGraph, Int32Array>();

export function namesOf(graph: LoadGraph): string[] {
    let list = names.get(graph);
    if (!list) names.set(graph, list = graph.order.map(n => n.id!));
    return list;
}

/** Each position's place in qualified-name order. */
export function rankOf(graph: LoadGraph): Int32Array {
    let rank = ranks.get(graph);
    if (!rank) {
        const list = namesOf(graph);
        const sorted = list.map((_, p) => p).sort((a, b) => (list[a] < list[b] ? -1 : list[a] > list[b] ? 1 : 0));
        rank = new Int32Array(list.length);
        sorted.forEach((p, i) => {
            rank![p] = i;
        });
        ranks.set(graph, rank);
    }
    return rank;
}
