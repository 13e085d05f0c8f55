// The resolved model, its analysis and every finding, computed once per workspace
// build and shared by validation, the CLI and (later) hovers and diagrams.
import { AstUtils, WorkspaceCache, type LangiumCoreServices, type LangiumDocuments } from 'langium';
import { buildModel, type BosModel, type ModelCache, type ModelNode } from '../model/model.js';
import { deriveFacts } from '../model/graph.js';
import { analyse, loadsByNode, type Analysis, type ScenarioLoad } from '../analysis/scenario.js';
import { runChecks } from '../checks/index.js';
import type { Finding } from '../checks/finding.js';
import type { BosSettings } from './settings.js';
import { blamesDamage, damagedDeclarations } from './syntax-damage.js';

export interface WorkspaceResult {
    model: BosModel;
    analysis: Analysis;
    /** Findings grouped by the URI of the document they point into. */
    findings: Map<string, Finding[]>;
    /** Each loaded node's load per scenario (hovers, lenses), computed when first asked. */
    readonly loads: Map<ModelNode, ScenarioLoad[]>;
    /** How many declarations depend on each node, by model index. */
    dependents: Int32Array;
}

export class BosWorkspaceModel {
    private readonly documents: LangiumDocuments;
    private readonly cache: WorkspaceCache<'result', WorkspaceResult>;

    private readonly settings: BosSettings;
    /** Per-file model parts, reused while a file's syntax tree stays the same. */
    private readonly parts: ModelCache = new WeakMap();

    constructor(services: LangiumCoreServices, settings: BosSettings) {
        this.documents = services.shared.workspace.LangiumDocuments;
        this.cache = new WorkspaceCache(services.shared);
        this.settings = settings;
    }

    /** Forgets the result, e.g. after the settings changed. */
    invalidate(): void {
        this.cache.clear();
    }

    get(): WorkspaceResult {
        return this.cache.get('result', () => this.compute());
    }

    private compute(): WorkspaceResult {
        const documents = this.documents.all.toArray();
        const model = buildModel(documents, this.parts);
        const damaged = damagedDeclarations(documents);
        const facts = deriveFacts(model);
        const analysis = analyse(model, facts, this.settings.defaultHeadroom);
        const findings = new Map<string, Finding[]>();
        const all = runChecks(model, facts, analysis, (check, err) => console.error(`bos: check ${check} failed and was skipped:`, err));
        for (const f of all) {
            if (damaged.size && blamesDamage(f, damaged)) continue;
            const uri = AstUtils.getDocument(f.node).uri.toString();
            const list = findings.get(uri);
            if (list) list.push(f); else findings.set(uri, [f]);
        }
        let loads: Map<ModelNode, ScenarioLoad[]> | undefined;
        return {
            model, analysis, findings, dependents: facts.dependents,
            get loads() { return (loads ??= loadsByNode(analysis)); },
        };
    }
}
