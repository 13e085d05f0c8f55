// The resolved model, its analysis and every finding, computed once per workspace
// build and shared by validation, the CLI and (later) hovers and diagrams.
import { AstUtils, WorkspaceCache, type LangiumCoreServices, type LangiumDocuments } from 'langium';
import { buildModel, type BosModel } from '../model/model.js';
import { analyse, type Analysis } from '../analysis/scenario.js';
import { runChecks } from '../checks/index.js';
import type { Finding } from '../checks/finding.js';

export interface WorkspaceResult {
    model: BosModel;
    analysis: Analysis;
    /** Findings grouped by the URI of the document they point into. */
    findings: Map<string, Finding[]>;
}

export class BosWorkspaceModel {
    private readonly documents: LangiumDocuments;
    private readonly cache: WorkspaceCache<'result', WorkspaceResult>;

    constructor(services: LangiumCoreServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
        this.cache = new WorkspaceCache(services.shared);
    }

    get(): WorkspaceResult {
        return this.cache.get('result', () => this.compute());
    }

    private compute(): WorkspaceResult {
        const model = buildModel(this.documents.all.toArray());
        const analysis = analyse(model);
        const findings = new Map<string, Finding[]>();
        const all = runChecks(model, analysis, (check, err) => console.error(`bos: check ${check} failed and was skipped:`, err));
        for (const f of all) {
            const uri = AstUtils.getDocument(f.node).uri.toString();
            const list = findings.get(uri);
            if (list) list.push(f); else findings.set(uri, [f]);
        }
        return { model, analysis, findings };
    }
}
