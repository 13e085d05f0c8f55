// Quick fixes for the performance model (spec section 7). bos/slo: scale the node that
// waits longest out to the fewest instances that meet the SLO (with the capacity those
// instances bring, when it is declared), in whatever file it is declared. bos/capacity-
// mismatch: write the capacity that instances × concurrency / latency make, or the
// concurrency that makes the declared capacity. The numbers come in the finding's data.
import { type AstNode, AstUtils, type LangiumDocument } from 'langium';
import { inputsOf, type StationInputs, stationOf } from '../../analysis/stations.js';
import type { FindingData } from '../../checks/finding.js';
import * as ast from '../../language/generated/ast.js';
import type { BosModel } from '../../model/model.js';
import type { Fix } from './fix.js';
import { setProperty } from './property-edit.js';

const isStation = (d: AstNode | undefined): d is ast.Capability | ast.Resource =>
    ast.isCapability(d) || ast.isResource(d);
const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= 1;
const isRate = (x: unknown): x is number => typeof x === 'number' && x > 0 && x < Infinity;

/** `Set instances of PlaceOrder to 1_073 so Checkout meets its SLO in Double11Peak`, when the data has an N. */
export function scaleOut(data: FindingData, model: BosModel): Fix[] {
    const { node: id, instances, capacity } = data;
    const node = typeof id === 'string' ? model.byId.get(id) : undefined;
    const decl = node?.source;
    if (!node || !isStation(decl) || !isCount(instances)) return [];
    const document = AstUtils.getDocument(decl);
    const edits = [setProperty(document, decl, 'instances', countText(instances))];
    let also = '';
    if (isRate(capacity)) {
        // Rounded up: a capacity a hair under the one sized for would miss the SLO again.
        const written = rateText(capacity, true);
        edits.push(written && setProperty(document, decl, 'capacity', written.text));
        also = ` and capacity to ${written?.text}`;
    }
    if (!edits.every(e => e !== undefined)) return [];
    const name = (x: unknown) => (typeof x === 'string' ? model.byId.get(x)?.name ?? x.split('.').at(-1) : undefined);
    const flow = name(data.flow), scenario = name(data.scenario);
    const why = flow && scenario ? ` so ${flow} meets its SLO in ${scenario}` : '';
    return [{
        title: `Set instances of ${node.name} to ${countText(instances)}${also}${why}`,
        preferred: true,
        edits,
        uri: document.uri.toString(),
    }];
}

/**
 * `Set capacity to 600k/s` and `Set concurrency to 90`, each offered only when it clears
 * the mismatch (a whole concurrency cannot always match a capacity within 1%).
 */
export function matchCapacity(document: LangiumDocument, at: AstNode, data: FindingData, model: BosModel): Fix[] {
    const decl = AstUtils.getContainerOfType(at, isStation);
    const node = decl && model.byAst.get(decl);
    if (!decl || !node) return [];
    const inputs = inputsOf(node);
    const clears = (changed: StationInputs) => stationOf({ ...inputs, ...changed }).mismatch === undefined;
    const out: Fix[] = [];
    const capacity = isRate(data.capacity) ? rateText(data.capacity, false) : undefined;
    if (capacity && clears({ capacity: capacity.value })) {
        const edit = setProperty(document, decl, 'capacity', capacity.text);
        if (edit) out.push({ title: `Set capacity to ${capacity.text}`, edits: [edit] });
    }
    const concurrency = data.concurrency;
    if (isCount(concurrency) && clears({ concurrency })) {
        const edit = setProperty(document, decl, 'concurrency', countText(concurrency));
        if (edit) out.push({ title: `Set concurrency to ${countText(concurrency)}`, edits: [edit] });
    }
    if (out[0]) out[0].preferred = true;
    return out;
}

/** A count as the example writes it: `1_073`. */
function countText(n: number): string {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '_');
}

/**
 * A rate the way `rate()` prints it (`697.5k/s`: a scale suffix, one to four decimals),
 * rounded to nearest or up, with the value it stands for; undefined when it would round
 * to 0 or need an exponent.
 */
function rateText(perSecond: number, up: boolean): { text: string; value: number } | undefined {
    const [limit, suffix] = ([[1e9, 'B'], [1e6, 'M'], [1e3, 'k']] as const).find(([l]) => perSecond >= l) ?? [1, ''];
    const x = perSecond / limit;
    const digits = x >= 100 ? 1 : x >= 1 ? 2 : 4;
    const f = 10 ** digits;
    // The nudge keeps 1.3 from rounding up to 1.31 over a binary fraction.
    const y = (up ? Math.ceil(x * f - 1e-6) : Math.round(x * f)) / f;
    const number = String(Number(y.toFixed(digits)));
    if (!(y > 0) || /e/i.test(number)) return undefined;
    return { text: `${number}${suffix}/s`, value: Number(number) * limit };
}
