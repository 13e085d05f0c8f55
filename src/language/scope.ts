// Name resolution (spec section 2). A reference is looked up, in order, as a bare child
// of the container it sits in, as a name of its own package (any file), through the
// file's imports, and finally as a fully qualified name. Every declaration is exported
// to the index under its fully qualified name, so each step is one map lookup.
import {
    type AstNode,
    type AstNodeDescription,
    AstUtils,
    DefaultScopeComputation,
    DocumentState,
    EMPTY_STREAM,
    type IndexManager,
    type LangiumCoreServices,
    type LangiumDocument,
    type LocalSymbols,
    MultiMap,
    type ReferenceInfo,
    type Scope,
    type ScopeProvider,
    type Stream,
    stream,
    WorkspaceCache,
} from 'langium';
import { type Declaration, isDeclaration, isInfrastructure, isModel, isPlatform, type Model } from './generated/ast.js';
import { joinName, packageOf, qualifiedName, rootOf } from './names.js';

/** Every declaration of a file, containers before their children, in text order. */
export function declarationsOf(model: Model): Declaration[] {
    const out: Declaration[] = [];
    for (const d of model.declarations) {
        out.push(d);
        // Loops, not push(...): one container may hold more children than a call has arguments.
        if (isPlatform(d)) { for (const c of d.capabilities) out.push(c); }
        else if (isInfrastructure(d)) { for (const r of d.resources) out.push(r); }
    }
    return out;
}

export class BosScopeComputation extends DefaultScopeComputation {
    override async collectExportedSymbols(document: LangiumDocument): Promise<AstNodeDescription[]> {
        const model = document.parseResult.value;
        if (!isModel(model)) return [];
        const out: AstNodeDescription[] = [];
        for (const decl of declarationsOf(model)) {
            const name = qualifiedName(decl);
            if (name !== undefined) out.push(this.descriptions.createDescription(decl, name, document));
        }
        return out;
    }

    // Local scopes are computed on demand by BosScopeProvider; nothing to precompute.
    override async collectLocalSymbols(): Promise<LocalSymbols> {
        return new MultiMap();
    }
}

/** The declaration (or file) a reference is written in; completion may hand a synthetic node. */
function holderOf(node: AstNode | undefined): Declaration | Model | undefined {
    return node
        && AstUtils.getContainerOfType(node, n => isDeclaration(n) || isModel(n)) as Declaration | Model | undefined;
}

/** One step of name lookup: a qualified-name prefix (`pkg.`), or an import's alias. */
export type LookupStep = { prefix: string } | { alias: string; path: string };

/** One import as written: `import a.b.*` or `import a.b.X as Y`. */
interface ImportRule {
    wildcard: boolean;
    path: string;
    alias: string;
}

export function importRule(path: string, alias?: string): ImportRule {
    const wildcard = path.endsWith('.*');
    const clean = wildcard ? path.slice(0, -2) : path;
    return { wildcard, path: clean, alias: alias ?? clean.slice(clean.lastIndexOf('.') + 1) };
}

export class BosScopeProvider implements ScopeProvider {
    private readonly index: IndexManager;
    private readonly byName: WorkspaceCache<'all', Map<string, AstNodeDescription>>;

    /** The map last filled, and how many times the index had been updated then (see `carryNames`). */
    private filled?: { names: Map<string, AstNodeDescription>; indexed: number };
    private indexed = 0;

    constructor(services: LangiumCoreServices) {
        this.index = services.shared.workspace.IndexManager;
        // Rebuilt once the index has been updated, before any linking uses it.
        this.byName = new WorkspaceCache(services.shared, DocumentState.IndexedContent);
        const builder = services.shared.workspace.DocumentBuilder;
        builder.onBuildPhase(DocumentState.IndexedContent, () => void this.indexed++);
        builder.onUpdate((_, deleted) => void (this.indexed += deleted.length));
    }

    /**
     * After one index update that kept every exported name, type and path (the language
     * server checks it), the map filled before it stays right once each replaced
     * description is swapped for its successor: no need to go over every name again.
     */
    carryNames(successors: ReadonlyMap<AstNode, AstNodeDescription>): void {
        const names = this.filled?.indexed === this.indexed - 1 ? this.filled.names : undefined;
        if (!names) return;
        for (const [old, next] of successors) if (names.get(next.name)?.node === old) names.set(next.name, next);
        this.filled = { names, indexed: this.indexed };
        this.byName.set('all', names);
    }

    /**
     * Every exported declaration by qualified name. Of duplicates, the first in file-path
     * order wins (then text order), whatever order the files were loaded in.
     */
    globalNames(): Map<string, AstNodeDescription> {
        return this.byName.get('all', () => {
            const map = new Map<string, AstNodeDescription>();
            for (const d of this.index.allElements()) {
                const seen = map.get(d.name);
                if (!seen || d.documentUri.path < seen.documentUri.path) map.set(d.name, d);
            }
            this.filled = { names: map, indexed: this.indexed };
            return map;
        });
    }

    // A file's imports are parsed once per AST (a new text gives a new AST).
    private readonly importsOf = new WeakMap<Model, ImportRule[]>();

    private rules(root: Model): ImportRule[] {
        let rules = this.importsOf.get(root);
        if (!rules) {
            rules = root.imports.filter(i => i.path).map(i => importRule(i.path, i.alias));
            this.importsOf.set(root, rules);
        }
        return rules;
    }

    // Lookup steps depend only on the declaration's container and file, both part of one
    // AST: kept per AST node, so the references of one body share one list.
    private readonly stepsOf = new WeakMap<AstNode, LookupStep[]>();

    /** How names are looked up from `node`, in order (see the top of this file). */
    lookupFrom(node: Declaration | Model | undefined): LookupStep[] {
        if (!node) return [{ prefix: '' }];
        let steps = this.stepsOf.get(node);
        if (!steps) this.stepsOf.set(node, steps = this.computeSteps(node));
        return steps;
    }

    private computeSteps(node: Declaration | Model): LookupStep[] {
        const root = rootOf(node);
        if (!root) return [{ prefix: '' }];
        const steps: LookupStep[] = [];
        const container = isPlatform(node) || isInfrastructure(node) ? node : node.$container;
        if (container && (isPlatform(container) || isInfrastructure(container))) {
            const containerName = qualifiedName(container);
            if (containerName !== undefined) steps.push({ prefix: `${containerName}.` });
        }
        steps.push({ prefix: joinName(packageOf(root), '') });
        for (const rule of this.rules(root)) {
            steps.push(rule.wildcard ? { prefix: `${rule.path}.` } : { alias: rule.alias, path: rule.path });
        }
        steps.push({ prefix: '' });
        return steps;
    }

    /** The first declaration `text` names along the lookup steps. */
    resolveAlong(steps: readonly LookupStep[], text: string): AstNodeDescription | undefined {
        const names = this.globalNames();
        for (const step of steps) {
            let name: string | undefined;
            if ('prefix' in step) name = step.prefix + text;
            else if (text === step.alias) name = step.path;
            else if (text.startsWith(step.alias) && text[step.alias.length] === '.') {
                name = step.path + text.slice(step.alias.length);
            }
            const d = name === undefined ? undefined : names.get(name);
            if (d) return d;
        }
        return undefined;
    }

    resolve(node: Declaration | Model | undefined, text: string): AstNodeDescription | undefined {
        return this.resolveAlong(this.lookupFrom(node), text);
    }

    getScope(context: ReferenceInfo): Scope {
        const holder = holderOf(context.container);
        return {
            getElement: name => this.resolve(holder, name),
            getElements: name => {
                const d = this.resolve(holder, name);
                return d ? stream([d]) : EMPTY_STREAM;
            },
            getAllElements: () => this.visible(context),
        };
    }

    /**
     * Every declaration usable from the reference's place that passes `filter`, named the
     * shortest way it resolves from there (for completion); the first `limit` whose name
     * passes `named`, when given.
     */
    visible(
        context: ReferenceInfo,
        filter: (d: AstNodeDescription) => boolean = () => true,
        named: (name: string) => boolean = () => true,
        limit = Infinity,
    ): Stream<AstNodeDescription> {
        const node = holderOf(context.container);
        const steps = this.lookupFrom(node);
        const seen = new Set<string>();
        const out: AstNodeDescription[] = [];
        for (const d of this.globalNames().values()) {
            if (out.length >= limit) break;
            if (!filter(d)) continue;
            const short = this.shortestName(d.name, steps);
            if (seen.has(short) || !named(short)) continue;
            seen.add(short);
            // A prototype link keeps the description's lazy getters (name segment) lazy.
            out.push(short === d.name ? d : Object.create(d, { name: { value: short, enumerable: true } }));
        }
        return stream(out);
    }

    /** The shortest way to write `fqn` that resolves back to it from `node`: a suffix, or through an alias. */
    shortestName(fqn: string, steps: readonly LookupStep[]): string {
        const parts = fqn.split('.');
        const options: string[] = [];
        for (let i = parts.length - 1; i > 0; i--) options.push(parts.slice(i).join('.'));
        for (const step of steps) {
            if (!('alias' in step)) continue;
            if (fqn === step.path) options.push(step.alias);
            else if (fqn.startsWith(step.path + '.')) options.push(step.alias + fqn.slice(step.path.length));
        }
        options.sort((a, b) => a.length - b.length);
        return options.find(text => this.resolveAlong(steps, text)?.name === fqn) ?? fqn;
    }
}
