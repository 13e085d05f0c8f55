// The BOS side of an import: the declarations, dependencies and views the mapping makes
// and the writer prints, plus what could not be mapped.
import type { Relation } from '../model/relations.js';
import type { DeclarationKeyword } from '../model/vocabulary.js';

export interface Dependency {
    relation: Relation;
    target: Declaration;
    /** As written (`2`, `0.5`); absent for 1. */
    weight?: string;
    /** The tool's description and technology of the relation: BOS relations have no label. */
    comment?: string;
}

export interface Declaration {
    keyword: DeclarationKeyword;
    name: string;
    package: string;
    parent?: Declaration;
    title?: string;
    kind?: string;
    description?: string;
    tags: string[];
    /** Property word and its text as written (from a BOS export's properties). */
    properties: [string, string][];
    children: Declaration[];
    dependencies: Dependency[];
    /** A view's `include` list. */
    includes: Declaration[];
}

export interface MappedModel {
    /** Top-level declarations (views last) by package, in input order. */
    packages: Map<string, Declaration[]>;
    /** One line per thing not mapped, for the comment at the top of the output. */
    notes: string[];
}

export function declaration(
    keyword: DeclarationKeyword,
    name: string,
    pkg: string,
    rest: Partial<Declaration> = {},
): Declaration {
    return {
        keyword,
        name,
        package: pkg,
        tags: [],
        properties: [],
        children: [],
        dependencies: [],
        includes: [],
        ...rest,
    };
}

/** The name a reference writes: the fully qualified one, so no scope rule can read it otherwise. */
export function qualified(d: Declaration): string {
    const own = d.parent ? `${qualified(d.parent)}.${d.name}` : d.name;
    return d.package && !d.parent ? `${d.package}.${own}` : own;
}
