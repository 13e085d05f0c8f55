// Qualified names (spec section 2): `package.Name`, nested `package.Container.Name`.
import type { AstNode } from 'langium';
import { type Declaration, isInfrastructure, isModel, isPlatform, type Model } from './generated/ast.js';

/** Grammar rules whose keywords stand for names (`element product`, `org.platform`), never for statements. */
export const NAME_RULES: ReadonlySet<string> = new Set(['Name', 'Contextual', 'Segment', 'Reserved']);

export function packageOf(model: Model): string {
    return model.package ?? '';
}

export function joinName(prefix: string, name: string): string {
    return prefix ? `${prefix}.${name}` : name;
}

/** The container (platform or infrastructure group) a declaration sits in, if any. */
export function containerOf(node: AstNode): Declaration | undefined {
    const c = node.$container;
    return c && (isPlatform(c) || isInfrastructure(c)) ? c : undefined;
}

/** Name relative to the package: `Trade.PlaceOrder`. Undefined for a nameless (broken) declaration. */
export function relativeName(decl: Declaration): string | undefined {
    if (!decl.name) return undefined;
    const parent = containerOf(decl);
    if (!parent) return decl.name;
    const prefix = relativeName(parent);
    return prefix === undefined ? undefined : `${prefix}.${decl.name}`;
}

export function rootOf(node: AstNode): Model | undefined {
    let n: AstNode | undefined = node;
    while (n && !isModel(n)) n = n.$container;
    return n;
}

export function qualifiedName(decl: Declaration): string | undefined {
    const rel = relativeName(decl);
    const root = rootOf(decl);
    return rel === undefined || !root ? undefined : joinName(packageOf(root), rel);
}
