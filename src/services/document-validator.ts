// Gives Langium's own diagnostics the language's codes: lexer and parser errors are
// bos/syntax, unresolved references bos/unresolved.
import { DefaultDocumentValidator, DocumentValidator, type LangiumDocument, type ValidationOptions } from 'langium';
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
}
