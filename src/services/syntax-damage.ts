// Declarations a syntax error cuts short. Their missing parts are the syntax error's to
// report: while `capability C {` is being typed it is not also "unhosted" or "unused".
import { AstUtils, type LangiumDocument } from 'langium';
import type { Code } from '../checks/codes.js';
import type { Finding } from '../checks/finding.js';
import { type Declaration, isDeclaration } from '../language/generated/ast.js';

/** Codes about something missing, which a cut-short declaration cannot be blamed for. */
const ABOUT_MISSING: ReadonlySet<Code> = new Set<Code>([
    'bos/missing-kind',
    'bos/undigitised',
    'bos/unhosted',
    'bos/unused',
    'bos/empty-flow',
    'bos/repeated',
]);

export function damagedDeclarations(documents: readonly LangiumDocument[]): Set<Declaration> {
    const out = new Set<Declaration>();
    for (const doc of documents) {
        const { parserErrors, value } = doc.parseResult;
        if (!parserErrors.length) continue;
        const text = doc.textDocument.getText();
        const end = text.length;
        const offsets = parserErrors.map(
            e => (Number.isFinite(e.token.startOffset) && e.token.startOffset >= 0 ? e.token.startOffset : end),
        );
        for (const decl of AstUtils.streamAst(value).filter(isDeclaration)) {
            const cst = decl.$cstNode;
            if (!cst) continue;
            // A body left open runs to the end of the text, whatever its last token; an
            // error on the token right after a declaration cut it short too (`element E :`).
            const open = cst.text.includes('{') && !cst.text.trimEnd().endsWith('}');
            const next = cst.end + (/^\s*/.exec(text.slice(cst.end))?.[0].length ?? 0);
            const last = open ? end : next;
            if (offsets.some(o => o >= cst.offset && o <= last)) out.add(decl);
        }
    }
    return out;
}

export function blamesDamage(f: Finding, damaged: ReadonlySet<Declaration>): boolean {
    if (!ABOUT_MISSING.has(f.code)) return false;
    const decl = AstUtils.getContainerOfType(f.node, isDeclaration);
    return !!decl && damaged.has(decl);
}
