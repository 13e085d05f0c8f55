// Every model-level check, run once per workspace build.
import type { Analysis } from '../analysis/scenario.js';
import type { ModelFacts } from '../model/graph.js';
import type { BosModel, ModelNode } from '../model/model.js';
import { checkCapacity } from './capacity.js';
import { checkCycles } from './cycles.js';
import { checkDuplicates } from './duplicates.js';
import type { Finding } from './finding.js';
import { checkRepeats, checkUnused, checkWiring } from './hygiene.js';
import { checkKinds } from './kinds.js';
import { checkLayering } from './layering.js';
import { checkCapacityMismatch, checkPerformance } from './performance.js';
import { checkImports, checkTargetKinds } from './references.js';
import { checkUnits } from './units.js';

/** A check with a name of its own: minified bundles rename functions, and failures name the check. */
export interface ModelCheck {
    name: string;
    run: (model: BosModel, facts: ModelFacts) => Finding[];
}

/**
 * A check that reads each declaration's own values only (never a target, never another
 * declaration): it runs per file, and a file's findings are kept while its nodes are
 * (they are made again only when the file is parsed again).
 */
export interface LocalCheck {
    name: string;
    local: (nodes: readonly ModelNode[]) => Finding[];
}

/**
 * A check that reads each declaration of a file, the qualified names and keywords of
 * what it refers to, and how many depend on it (not, say, which packages exist, which a
 * file without declarations changes): a kept file's findings also hold while
 * the dependency graph is the previous build's node for node (`ModelChanges.sameGraph`),
 * for then every name, keyword, target and count is.
 */
export interface LinkedCheck {
    name: string;
    linked: (nodes: readonly ModelNode[], facts: ModelFacts) => Finding[];
}

export type Check = ModelCheck | LocalCheck | LinkedCheck;

export const MODEL_CHECKS: readonly Check[] = [
    { name: 'imports', run: checkImports },
    { name: 'duplicates', run: checkDuplicates },
    { name: 'target-kinds', linked: checkTargetKinds },
    { name: 'layering', linked: checkLayering },
    { name: 'cycles', run: checkCycles },
    { name: 'kinds', local: checkKinds },
    { name: 'units', local: checkUnits },
    { name: 'wiring', local: checkWiring },
    { name: 'unused', linked: checkUnused },
    { name: 'repeated', run: checkRepeats },
    { name: 'capacity-mismatch', local: checkCapacityMismatch },
];

/**
 * Each file's findings of the per-file checks, by the file's node list (the same array
 * while the file is kept), owned by whoever checks the same model again and again.
 */
export class CheckCache {
    private readonly local = new Map<string, WeakMap<readonly ModelNode[], Finding[]>>();
    private linked = new Map<string, WeakMap<readonly ModelNode[], Finding[]>>();

    /** Before a build's checks: the linked checks' findings are kept only over the previous build's graph. */
    renew(sameGraph: boolean): void {
        if (!sameGraph) this.linked = new Map();
    }

    /** The findings of `check` by file for the files of this build. */
    of(check: LocalCheck | LinkedCheck): WeakMap<readonly ModelNode[], Finding[]> {
        const maps = 'local' in check ? this.local : this.linked;
        let byFile = maps.get(check.name);
        if (!byFile) maps.set(check.name, byFile = new WeakMap());
        return byFile;
    }
}

/**
 * Runs every check; one that throws is reported once and skipped, so a bug in one
 * rule never hides the others.
 */
export function runChecks(
    model: BosModel,
    facts: ModelFacts,
    analysis: Analysis,
    onError: (check: string, err: unknown) => void,
    checks: readonly Check[] = MODEL_CHECKS,
    cache = new CheckCache(),
): Finding[] {
    const out: Finding[] = [];
    const run = (name: string, f: () => Finding[]) => {
        // A loop, not push(...): a huge model can have more findings than a call has arguments.
        try {
            for (const finding of f()) out.push(finding);
        } catch (err) {
            onError(name, err);
        }
    };
    for (const check of checks) {
        run(check.name, () => ('run' in check ? check.run(model, facts) : perFile(check, model.files, facts, cache)));
    }
    run('capacity', () => checkCapacity(analysis));
    run('performance', () => checkPerformance(model, facts, analysis));
    return out;
}

function perFile(
    check: LocalCheck | LinkedCheck,
    files: BosModel['files'],
    facts: ModelFacts,
    cache: CheckCache,
): Finding[] {
    const byFile = cache.of(check);
    const out: Finding[] = [];
    for (const { nodes } of files) {
        let found = byFile.get(nodes);
        if (!found) byFile.set(nodes, found = 'local' in check ? check.local(nodes) : check.linked(nodes, facts));
        for (const f of found) out.push(f);
    }
    return out;
}
