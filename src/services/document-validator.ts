// Gives Langium's own diagnostics the language's codes: lexer and parser errors are
// bos/syntax, unresolved references bos/unresolved. Every rule runs once on the root
// (see validator.ts), so the walk over the rest of the tree is skipped.
import {
    type AstNode,
    DefaultDocumentValidator,
    DocumentValidator,
    type LangiumCoreServices,
    type LangiumDocument,
    type ValidateSingleNodeOptions,
    type ValidationOptions,
} from 'langium';
import type { Cancellation } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { fileProblemDiagnostic, hasSourceProblems, type SourceProblems } from './source-problems.js';

const SYNTAX = new Set<unknown>([DocumentValidator.LexingError, DocumentValidator.ParsingError]);

export class BosDocumentValidator extends DefaultDocumentValidator {
    /** The file reader, when it can say why a file it read came out empty. */
    private readonly problems?: SourceProblems;

    constructor(services: LangiumCoreServices) {
        super(services);
        const reader = services.shared.workspace.FileSystemProvider;
        if (hasSourceProblems(reader)) this.problems = reader;
    }

    override async validateDocument(
        document: LangiumDocument,
        options?: ValidationOptions,
        cancelToken?: Cancellation.CancellationToken,
    ): Promise<Diagnostic[]> {
        // A file the reader could not decode was loaded empty: say why, and nothing else.
        const problem = this.problems?.problemOf(document.uri);
        if (problem && document.textDocument.getText() === '') {
            return [fileProblemDiagnostic(problem)];
        }
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        for (const d of await super.validateAst(document.parseResult.value, options ?? {}, cancelToken)) {
            diagnostics.push(d);
        }
        for (const d of diagnostics) {
            const code = d.data?.code;
            if (SYNTAX.has(code)) {
                d.code = 'bos/syntax';
                d.message = conciseSyntaxMessage(String(d.message));
            } else if (code === DocumentValidator.LinkingError) {
                d.code = 'bos/unresolved';
                d.message = `'${
                    d.data?.refText ?? ''
                }' names nothing in scope (same package, imports, or a fully qualified name)`;
            }
        }
        return diagnostics;
    }

    /**
     * Langium appends these with `push(...spread)`, which overflows the stack for a file
     * with more than about 100k findings: validateDocument appends them one by one.
     */
    protected override async validateAst(): Promise<Diagnostic[]> {
        return [];
    }

    protected override validateSingleNodeOptions(node: AstNode): ValidateSingleNodeOptions {
        return { validateNode: node.$container === undefined, validateChildren: false };
    }
}

/**
 * Chevrotain lists every token sequence it could accept, one per line; with contextual
 * words that is dozens of lines. Diagnostics are one line: a name is "a name", and long
 * lists are cut.
 */
export function conciseSyntaxMessage(message: string): string {
    const single = /^Expecting token of type '(.+)' but found `(.*)`\.?$/s.exec(message);
    if (single) {
        return `expected '${single[1]}', but found ${single[2] === '' ? 'the end of the file' : `'${single[2]}'`}`;
    }
    const alternatives = [...message.matchAll(/^\s*\d+\. \[(.+)\]$/gm)].map(m => m[1]);
    if (alternatives.length === 0) return message.replace(/\s*\n\s*/g, ' ');
    const found = /but found: '([^']*)'/.exec(message)?.[1] ?? '';
    const words = alternatives.some(a => a === 'ID')
        ? ['a name', ...alternatives.filter(a => a !== 'ID' && !/^[a-z]+$/.test(a))]
        : alternatives;
    const shown = words.slice(0, 6).map(w => (w === 'a name' ? w : `'${w}'`)).join(', ');
    const more = words.length > 6 ? ` or ${words.length - 6} more` : '';
    return `expected ${shown}${more}, but found ${found === '' ? 'the end of the file' : `'${found}'`}`;
}
