// The resolved model, its analysis and every finding, computed once per workspace
// build and shared by validation, the CLI and (later) hovers and diagrams.
import { AstUtils, DocumentState, type LangiumCoreServices, type LangiumDocuments, WorkspaceCache } from 'langium';
import { carryLoads } from '../analysis/scenario-load.js';
import { analyse, type Analysis, type LoadsByNode, loadsByNode } from '../analysis/scenario.js';
import { carryStations } from '../analysis/stations.js';
import { type Finding, sameFindings } from '../checks/finding.js';
import { type Check, CheckCache, MODEL_CHECKS, runChecks } from '../checks/index.js';
import { carryFacts, deriveFacts, type ModelFacts } from '../model/graph.js';
import { type BosModel, buildModel, ModelParts } from '../model/model.js';
import type { BosLinker } from './linker.js';
import type { BosSettings } from './settings.js';
import { blamesDamage, damagedDeclarations } from './syntax-damage.js';

export interface WorkspaceResult {
    model: BosModel;
    analysis: Analysis;
    /** Findings grouped by the URI of the document they point into. */
    findings: Map<string, Finding[]>;
    /** Each loaded node's load per scenario (hovers, lenses), computed when first asked. */
    readonly loads: LoadsByNode;
    /** How many declarations depend on each node, by model index. */
    dependents: Int32Array;
    /** The dependency graph the analysis ran on (cycles, load graph): what-if runs and questions reuse it. */
    facts: ModelFacts;
    /** Checks that threw on this build (their findings are missing; the others ran). */
    failures: CheckFailure[];
    /**
     * Scenarios whose load was carried from the previous build: they reach no changed node, or
     * the dependency graph is the same and only values changed (their cost is worked out again).
     */
    carried: number;
}

const NONE: readonly Finding[] = [];

export interface CheckFailure {
    check: string;
    error: unknown;
}

/** One line for people: which check failed and why. */
export function describeFailure(f: CheckFailure): string {
    const why = f.error instanceof Error ? `${f.error.name}: ${f.error.message}` : String(f.error);
    return `internal error: check ${f.check} failed (${why}); its findings are missing, the other checks ran`;
}

export class BosWorkspaceModel {
    private readonly documents: LangiumDocuments;
    private readonly cache: WorkspaceCache<'result', WorkspaceResult>;

    private readonly settings: BosSettings;
    /** Per-file model parts, reused while a file's version and syntax tree stay the same. */
    private readonly parts = new ModelParts();
    /** Tells which documents were linked since the last model: only their dependencies can have moved. */
    private readonly linker: BosLinker;
    private readonly checks: readonly Check[] = withInjectedFault(MODEL_CHECKS);
    /** The per-file checks' findings, kept with the files' nodes. */
    private readonly checked = new CheckCache();
    /** The last result computed: what the next build may carry over. */
    private previous?: WorkspaceResult;
    /** The findings each document's validation last emitted, by URI (see `findingsChanged`). */
    private readonly emitted = new Map<string, readonly Finding[]>();

    constructor(services: LangiumCoreServices, settings: BosSettings, linker: BosLinker) {
        this.linker = linker;
        this.documents = services.shared.workspace.LangiumDocuments;
        this.cache = new WorkspaceCache(services.shared);
        this.settings = settings;
        // What a deleted file was told holds its old syntax tree: forget it with the file.
        services.shared.workspace.DocumentBuilder.onUpdate((_changed, deleted) => {
            for (const uri of deleted) this.emitted.delete(uri.toString());
        });
    }

    /** Forgets the result, e.g. after the settings changed, and what each document was told. */
    invalidate(): void {
        this.cache.clear();
        this.emitted.clear();
    }

    /** The findings of one document, for its validation: remembered as what it was told. */
    findingsOf(uri: string): readonly Finding[] {
        const list = this.get().findings.get(uri) ?? NONE;
        this.emitted.set(uri, list);
        return list;
    }

    /**
     * Whether the document's findings differ from those its last validation emitted. A
     * document that was neither parsed nor linked again since then, and whose findings are
     * the same, would get the same diagnostics: the language server need not validate it.
     */
    findingsChanged(uri: string): boolean {
        const told = this.emitted.get(uri);
        return !told || !sameFindings(told, this.get().findings.get(uri) ?? NONE);
    }

    get(): WorkspaceResult {
        // A request while a build has not linked every file yet (a hover during an edit) gets
        // the last whole result: one computed from half-built trees would be kept for the build.
        if (this.previous && !this.cache.has('result') && this.building()) return this.previous;
        return this.cache.get('result', () => this.compute());
    }

    private building(): boolean {
        return this.documents.all.some(d => d.state < DocumentState.Linked);
    }

    private compute(): WorkspaceResult {
        const documents = this.documents.all.toArray();
        // A build that stops half-way leaves nothing to carry from: the next one starts afresh.
        const previous = this.previous;
        this.previous = undefined;
        const model = buildModel(documents, this.parts, this.linker.takeLinked(), this.linker.takeTouched());
        const damaged = damagedDeclarations(documents);
        const changes = this.parts.changes;
        // Only over the graph of the last whole result: a build that stopped half-way may have changed it.
        const sameGraph = !!previous && changes.sameGraph;
        const facts = sameGraph ? carryFacts(previous.facts, model) : deriveFacts(model);
        const before = previous?.facts.loadGraph;
        if (before && facts.loadGraph) carryStations(before, facts.loadGraph);
        const carried = before && facts.loadGraph
            ? carryLoads(before, facts.loadGraph, model, old => changes.carried(old))
            : 0;
        const analysis = analyse(model, facts, this.settings.defaultHeadroom, previous?.analysis);
        const findings = new Map<string, Finding[]>();
        const failures: CheckFailure[] = [];
        this.checked.renew(sameGraph);
        const all = runChecks(
            model,
            facts,
            analysis,
            (check, error) => failures.push({ check, error }),
            this.checks,
            this.checked,
        );
        for (const f of all) {
            if (damaged.size && blamesDamage(f, damaged)) continue;
            const uri = AstUtils.getDocument(f.node).uri.toString();
            const list = findings.get(uri);
            if (list) list.push(f);
            else findings.set(uri, [f]);
        }
        let loads: LoadsByNode | undefined;
        return this.previous = {
            model,
            analysis,
            findings,
            dependents: facts.dependents,
            facts,
            failures,
            carried,
            get loads() {
                return (loads ??= loadsByNode(analysis, facts.loadGraph));
            },
        };
    }
}

/**
 * Fault injection for resilience tests: with `BOS_INJECT_FAULT=check` one extra check
 * throws on every build, as a buggy rule would. Off unless the variable is set.
 */
function withInjectedFault(checks: readonly Check[]): readonly Check[] {
    // A browser has no process: the browser server runs without fault injection.
    if (globalThis.process?.env.BOS_INJECT_FAULT !== 'check') return checks;
    return [...checks, {
        name: 'injected-fault',
        run: () => {
            throw new Error('fault injected by BOS_INJECT_FAULT');
        },
    }];
}
