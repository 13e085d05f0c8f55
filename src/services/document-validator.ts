// Gives Langium's own diagnostics the language's codes: lexer and parser errors are
// bos/syntax, unresolved references bos/unresolved. Every BOS rule runs once on the root
// (see validator.ts), so the rest of the tree is walked only when some other check is
// registered for a node type below the root.
import {
    type AstNode,
    type AstReflection,
    AstUtils,
    Cancellation,
    DefaultDocumentValidator,
    DocumentValidator,
    interruptAndCheck,
    type LangiumCoreServices,
    type LangiumDocument,
    type ValidationAcceptor,
    type ValidationCategory,
    type ValidationCheck,
    type ValidationOptions,
} from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { fileProblemDiagnostic, hasSourceProblems, type SourceProblems } from './source-problems.js';

const SYNTAX = new Set<unknown>([DocumentValidator.LexingError, DocumentValidator.ParsingError]);

export class BosDocumentValidator extends DefaultDocumentValidator {
    /** The file reader, when it can say why a file it read came out empty. */
    private readonly problems?: SourceProblems;
    private readonly reflection: AstReflection;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.reflection = services.shared.AstReflection;
        const reader = services.shared.workspace.FileSystemProvider;
        if (hasSourceProblems(reader)) this.problems = reader;
    }

    override async validateDocument(
        document: LangiumDocument,
        options: ValidationOptions = {},
        cancelToken = Cancellation.CancellationToken.None,
    ): Promise<Diagnostic[]> {
        // A file the reader could not decode was loaded empty: say why, and nothing else.
        const problem = this.problems?.problemOf(document.uri);
        if (problem && document.textDocument.getText() === '') {
            return [fileProblemDiagnostic(problem)];
        }
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        // Langium's validateAst, appending one by one (see below).
        const root = document.parseResult.value;
        const accept: ValidationAcceptor = (severity, message, info) => {
            diagnostics.push(this.toDiagnostic(severity, message, info));
        };
        await this.validateAstBefore(root, options, accept, cancelToken);
        await this.validateAstNodes(root, options, accept, cancelToken);
        await this.validateAstAfter(root, options, accept, cancelToken);
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

    /**
     * Runs each node's registered checks, as Langium does, but walks below the root only
     * when a check is registered for another type: the workspace rules are one check on
     * the root, and a 50k-declaration workspace should not pay for a walk that finds nothing.
     */
    protected override async validateAstNodes(
        root: AstNode,
        options: ValidationOptions,
        accept: ValidationAcceptor,
        cancelToken = Cancellation.CancellationToken.None,
    ): Promise<void> {
        // Langium's own walk times each node type for its profiler.
        if (this.profiler?.isActive('validating')) return super.validateAstNodes(root, options, accept, cancelToken);
        const checks = this.checksByType(options.categories);
        const below = [...checks.keys()].some(type => type !== root.$type);
        for (const node of below ? AstUtils.streamAst(root) : [root]) {
            const own = checks.get(node.$type);
            if (!own) continue;
            await interruptAndCheck(cancelToken);
            for (const check of own) await check(node, accept, cancelToken);
        }
    }

    /** The checks of every node type that has any; asked per document, as checks may be registered at any time. */
    private checksByType(categories?: ValidationCategory[]): Map<string, ValidationCheck[]> {
        const checks = new Map<string, ValidationCheck[]>();
        for (const type of this.reflection.getAllTypes()) {
            const own = this.validationRegistry.getChecks(type, categories).toArray();
            if (own.length > 0) checks.set(type, own);
        }
        return checks;
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
