// `bos analyze`'s what-if flags (cli.md): `--scale FACTOR`, `--set NAME.PROPERTY=QUANTITY`
// (repeatable), `--sweep FROM..TO [--steps N]`. They change this run only; files are
// never touched. The flags are read before the workspace loads, so a typo costs no
// parse; the names in `--set` are resolved once the model exists. Anything wrong is a
// UsageError: exit 2 and one line naming what.
import { distance } from 'fastest-levenshtein';
import { factor } from '../analysis/format.js';
import { type Override, type Overrides, type Tunable, TUNABLES } from '../analysis/scenario.js';
import type { BosModel, ModelNode } from '../model/model.js';
import { PROPERTIES } from '../model/properties.js';
import { UsageError } from '../services/usage-error.js';
import type { Values } from './options.js';
import { type Read, readNumber, readQuantity } from './quantity.js';

export interface SweepPlan {
    from: number;
    to: number;
    steps: number;
}

/** One `--set`, read but not yet resolved against the model. */
interface SetFlag {
    written: string;
    name: string;
    property: Tunable;
    /** In the base unit: per second, seconds, a count. */
    value: number;
    quantity: string;
}

export interface WhatIfFlags {
    /** Every load rate times this; 1 without `--scale`. */
    scale: number;
    sets: SetFlag[];
    sweep?: SweepPlan;
}

export interface WhatIf extends WhatIfFlags {
    overrides: Overrides;
    /** What was set, for people: `tmall.platforms.Business.PlaceOrder instances 1200 (declared 1_000)`. */
    described: string[];
}

export const DEFAULT_STEPS = 11;
/** A sweep analyses the model once a step: beyond this many it would only take long. */
export const MAX_STEPS = 1000;

export function givesWhatIf(values: Values): boolean {
    return values.scale !== undefined || (values.set?.length ?? 0) > 0 || values.sweep !== undefined
        || values.steps !== undefined;
}

/** The value read, or a usage error: `where` says which flag, `what` names the text (default: quoted). */
function number(where: string, text: string, read: Read = readNumber(text), what = `'${text}'`): number {
    if ('problem' in read) throw new UsageError(`${where} ${what} ${read.problem}`);
    return read.value;
}

/** The what-if flags as given, checked for everything but the names they set. */
export function readWhatIfFlags(values: Values): WhatIfFlags {
    if (values.steps !== undefined && values.sweep === undefined) throw new UsageError('--steps goes with --sweep');
    if (values.sweep !== undefined && values.scale !== undefined) {
        throw new UsageError('--sweep and --scale do not combine: a sweep sets the scale of each step');
    }
    return {
        scale: values.scale === undefined ? 1 : number('--scale', values.scale),
        sets: (values.set ?? []).map(readSet),
        sweep: values.sweep === undefined ? undefined : readSweep(values.sweep, values.steps),
    };
}

function readSweep(text: string, stepsText: string | undefined): SweepPlan {
    const m = /^(.*?)\.\.(.*)$/s.exec(text);
    if (!m) throw new UsageError(`--sweep needs FROM..TO, such as 0.5..1.5, not '${text}'`);
    const from = number('--sweep FROM', m[1]), to = number('--sweep TO', m[2]);
    if (!(from < to)) throw new UsageError(`--sweep needs FROM below TO, not '${text}'`);
    const steps = stepsText === undefined ? DEFAULT_STEPS : number('--steps', stepsText);
    if (!Number.isInteger(steps) || steps < 2 || steps > MAX_STEPS) {
        throw new UsageError(`--steps needs a whole number from 2 to ${MAX_STEPS}, not '${stepsText}'`);
    }
    return { from, to, steps };
}

function readSet(written: string): SetFlag {
    const eq = written.indexOf('=');
    const target = eq < 0 ? '' : written.slice(0, eq).trim();
    const dot = target.lastIndexOf('.');
    if (eq < 0 || dot <= 0) {
        throw new UsageError(
            `--set needs NAME.PROPERTY=QUANTITY, such as Business.PlaceOrder.instances=1200, not '${written}'`,
        );
    }
    const property = target.slice(dot + 1);
    if (!(TUNABLES as readonly string[]).includes(property)) {
        throw new UsageError(
            `--set '${written}': '${property}' is not a property it sets (${TUNABLES.join(', ')}); `
                + 'write NAME.PROPERTY=QUANTITY',
        );
    }
    const p = property as Tunable;
    const quantity = written.slice(eq + 1).trim();
    const facts = PROPERTIES[p].value;
    const value = number(`--set ${written}:`, quantity, readQuantity(quantity, facts.dimension), `${p} '${quantity}'`);
    // The analysis would take a capacity of 0 for none: say so rather than quietly drop it.
    if (p === 'capacity' && value === 0) {
        throw new UsageError(`--set ${target}=${quantity}: a capacity of 0 counts as none; give a positive rate`);
    }
    // `^platform` escapes a reserved word in a file; on the command line it names the same thing.
    const name = target.slice(0, dot).split('.').map(s => s.replace(/^\^/, '')).join('.');
    return { written, name, property: p, value, quantity };
}

/** The flags with each `--set` name resolved against the model, as overrides for the analysis. */
export function resolveWhatIf(flags: WhatIfFlags, model: BosModel): WhatIf {
    const overrides = new Map<ModelNode, Override>();
    const described: string[] = [];
    for (const set of flags.sets) {
        const nodes = resolve(set, model);
        for (const node of nodes) overrides.set(node, { ...overrides.get(node), [set.property]: set.value });
        const declared = nodes[0][set.property]?.source.$cstNode?.text;
        described.push(
            `${nodes[0].id} ${set.property} ${set.quantity} (${declared ? `declared ${declared}` : 'not declared'})`,
        );
    }
    return { ...flags, overrides, described };
}

/** The declarations a `--set` name means: fully qualified, or as a reference from its package's root. */
function resolve(set: SetFlag, model: BosModel): ModelNode[] {
    const exact = model.nodes.filter(n => n.id === set.name);
    const found = exact.length ? exact : model.nodes.filter(n => n.pkg !== '' && n.id === `${n.pkg}.${set.name}`);
    if (found.length === 0) {
        throw new UsageError(`--set ${set.written}: no declaration named '${set.name}'${nearest(set.name, model)}`);
    }
    const ids = [...new Set(found.map(n => n.id))];
    if (ids.length > 1) {
        throw new UsageError(
            `--set ${set.written}: '${set.name}' names ${ids.join(' and ')}; write one fully qualified`,
        );
    }
    const node = found[0];
    if (!(PROPERTIES[set.property].on as readonly string[]).includes(node.keyword)) {
        throw new UsageError(
            `--set ${set.written}: ${node.id} is a ${node.keyword}; `
                + `${set.property} is set on capabilities and resources`,
        );
    }
    // A name declared twice (bos/duplicate) names both: each gets the value.
    return found;
}

/** ` (nearest: a, b, c)`: the capabilities and resources closest to `name`, qualified or from their package. */
function nearest(name: string, model: BosModel): string {
    const scored: { id: string; d: number }[] = [];
    for (const n of model.nodes) {
        if ((n.keyword !== 'capability' && n.keyword !== 'resource') || n.id === undefined) continue;
        const relative = n.pkg && n.id.startsWith(`${n.pkg}.`) ? n.id.slice(n.pkg.length + 1) : n.id;
        scored.push({ id: n.id, d: Math.min(distance(name, n.id), distance(name, relative)) });
    }
    scored.sort((a, b) => a.d - b.d || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const best = scored.slice(0, 3).map(s => s.id);
    return best.length ? ` (nearest: ${best.join(', ')})` : ' (the model has no capability or resource)';
}

/** The header of a what-if run: what it changed, and that the files did not. */
export function whatIfLine(w: WhatIf): string {
    const parts = [...(w.scale !== 1 || !w.described.length ? [`every load ${factor(w.scale)}`] : []), ...w.described];
    return `what-if (files unchanged): ${parts.join('; ')}`;
}
