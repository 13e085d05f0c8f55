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

/** How a declaration is named in messages: its qualified name, or its keyword when it has none. */
export function label(n: ModelNode): string {
    return n.id ?? `unnamed ${n.keyword}`;
}

export function atName(n: ModelNode): Place {
    return { node: n.source, property: 'name' };
}
