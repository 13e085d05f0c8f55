// Cost per 10k transactions against the budget (spec section 5, step 3).
import type { LoadGraph } from '../model/graph.js';
import type { ModelNode, Price } from '../model/model.js';
import { EPSILON } from './status.js';

export interface Money {
    amount: number;
    currency: string;
}

export interface Cost {
    costPer10k: Money | null;
    budgetPer10k: Money | null;
    /** Currencies of the costs and the budget the scenario reaches, in first-seen order. */
    currencies: string[];
    overBudget: boolean;
}

export const PER_TRANSACTIONS = 10_000;

/** Price of one request (or transaction), or undefined when the price is not valid money. */
export function unitPrice(p: Price | undefined): Money | undefined {
    if (!p || p.amount.base === undefined || !p.amount.currency || !(p.per > 0)) return undefined;
    return { amount: p.amount.base / p.per, currency: p.amount.currency };
}

const prices = new WeakMap<LoadGraph, (Money | undefined)[]>();

/** A load graph node's unit price: resources only have one. */
const priceOf = (node: ModelNode) => (node.keyword === 'resource' ? unitPrice(node.cost) : undefined);

/** The unit price of each resource of the load graph, by position: worked out once per graph. */
export function pricesOf(graph: LoadGraph): (Money | undefined)[] {
    let list = prices.get(graph);
    if (!list) {
        prices.set(graph, list = graph.order.map(priceOf));
    }
    return list;
}

/**
 * The unit prices of `to`, a load graph over `from`'s rows (a value edit): `from`'s, but at
 * the positions whose node was made again. False when none of those changed, so every
 * cost worked out over `from` holds.
 */
export function carryPrices(from: LoadGraph, to: LoadGraph): boolean {
    const before = prices.get(from);
    if (!before || prices.has(to) || to.start !== from.start) return true;
    const list = before.slice();
    let changed = false;
    for (let p = 0; p < list.length; p++) {
        const node = to.order[p];
        if (node === from.order[p]) continue;
        const price = priceOf(node);
        changed ||= price?.amount !== list[p]?.amount || price?.currency !== list[p]?.currency;
        list[p] = price;
    }
    prices.set(to, list);
    return changed;
}

/**
 * Σ load(R)·price(R) / Σ r(F) · 10,000 over the loaded resources (`loads` aligned with
 * `positions`), null when nothing loaded has a cost or currencies mix; the budget scaled
 * to 10k as amount × (10k / per), which keeps round budgets round.
 */
export function costOf(
    scenario: ModelNode,
    positions: readonly number[],
    loads: readonly number[],
    unitPrices: readonly (Money | undefined)[],
    transactions: number,
): Cost {
    const currencies: string[] = [];
    // Nearly always one currency: compare with the last one seen before searching.
    const seen = (c: string) => {
        if (currencies[currencies.length - 1] !== c && !currencies.includes(c)) currencies.push(c);
    };
    let spend = 0;
    let costed = false;
    for (let i = 0; i < positions.length; i++) {
        const price = unitPrices[positions[i]];
        if (!price) continue;
        spend += loads[i] * price.amount;
        costed = true;
        seen(price.currency);
    }
    const budget = scenario.budget;
    const budgetPrice = unitPrice(budget);
    if (budgetPrice) seen(budgetPrice.currency);
    const costPer10k = costed && currencies.length === 1 && transactions > 0
        ? { amount: (spend / transactions) * PER_TRANSACTIONS, currency: currencies[0] }
        : null;
    const budgetPer10k = budgetPrice && budget
        ? { amount: budget.amount.base! * (PER_TRANSACTIONS / budget.per), currency: budgetPrice.currency }
        : null;
    const overBudget = !!costPer10k && !!budgetPer10k && costPer10k.amount > budgetPer10k.amount * (1 + EPSILON);
    return { costPer10k, budgetPer10k, currencies, overBudget };
}
