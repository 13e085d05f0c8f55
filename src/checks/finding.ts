// A finding is a diagnostic before it has a range: the syntax node and property it is
// about. The language services turn it into an LSP diagnostic; nothing here knows LSP.
import type { AstNode } from 'langium';
import type { ModelNode } from '../model/model.js';
import type { Dimension } from '../model/units.js';
import { type Code, CODES, type Severity } from './codes.js';

export interface Place {
    node: AstNode;
    property?: string;
    index?: number;
}

export interface Finding extends Place {
    code: Code;
    severity: Severity;
    message: string;
    /** Other places that explain this one: the other duplicate, every member of a cycle. */
    related?: (Place & { message: string })[];
    /** What a quick fix needs; it reaches the editor as the diagnostic's `data`, so no fix reads a message. */
    data?: FindingData;
}

export interface FindingData {
    /** Words that may replace the flagged one, or be added after it, best first (kinds, layers). */
    choices?: string[];
    /** The dimension the flagged quantity needs (`bos/unit`). */
    dimension?: Dimension;
    [key: string]: unknown;
}

export function finding(
    code: Code,
    message: string,
    place: Place,
    related?: Finding['related'],
    data?: FindingData,
): Finding {
    return { code, severity: CODES[code].severity, message, ...place, related, data };
}

/**
 * Whether two lists of findings would give the same diagnostics: the same nodes (a file
 * parsed again has new ones, so its findings never count as the same), properties,
 * codes, messages, related places and quick-fix data, in the same order.
 */
export function sameFindings(a: readonly Finding[], b: readonly Finding[]): boolean {
    return a === b || (a.length === b.length && a.every((f, i) => sameFinding(f, b[i])));
}

function sameFinding(a: Finding, b: Finding): boolean {
    return samePlace(a, b) && a.code === b.code && a.severity === b.severity && a.message === b.message
        && (a.related?.length ?? 0) === (b.related?.length ?? 0)
        && (a.related ?? []).every((r, i) => samePlace(r, b.related![i]) && r.message === b.related![i].message)
        && JSON.stringify(a.data) === JSON.stringify(b.data);
}

function samePlace(a: Place, b: Place): boolean {
    return a.node === b.node && a.property === b.property && a.index === b.index;
}

/** How a declaration is named in messages: its qualified name, or its keyword when it has none. */
export function label(n: ModelNode): string {
    return n.id ?? `unnamed ${n.keyword}`;
}

export function atName(n: ModelNode): Place {
    return { node: n.source, property: 'name' };
}
