// Gives Langium's own diagnostics the language's codes: lexer and parser errors are
// bos/syntax, unresolved references bos/unresolved. Every rule runs once on the root
// (see validator.ts), so the walk over the rest of the tree is skipped.
import { DefaultDocumentValidator, DocumentValidator, type AstNode, type LangiumDocument, type ValidateSingleNodeOptions, type ValidationOptions } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Cancellation } from 'langium';

const SYNTAX = new Set<unknown>([DocumentValidator.LexingError, DocumentValidator.ParsingError]);

export class BosDocumentValidator extends DefaultDocumentValidator {
    override async validateDocument(document: LangiumDocument, options?: ValidationOptions, cancelToken?: Cancellation.CancellationToken): Promise<Diagnostic[]> {
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        for (const d of diagnostics) {
            const code = d.data?.code;
            if (SYNTAX.has(code)) d.code = 'bos/syntax';
            else if (code === DocumentValidator.LinkingError) {
                d.code = 'bos/unresolved';
                d.message = `'${d.data?.refText ?? ''}' names nothing in scope (same package, imports, or a fully qualified name)`;
            }
        }
        return diagnostics;
    }

    protected override validateSingleNodeOptions(node: AstNode): ValidateSingleNodeOptions {
        return { validateNode: node.$container === undefined, validateChildren: false };
    }
}
