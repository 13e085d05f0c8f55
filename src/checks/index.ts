// Every model-level check, run once per workspace build.
import type { Analysis } from '../analysis/scenario.js';
import type { ModelFacts } from '../model/graph.js';
import type { BosModel, ModelNode } from '../model/model.js';
import { checkCapacity } from './capacity.js';
import { checkCycles } from './cycles.js';
import { checkDuplicates } from './duplicates.js';
import type { Finding } from './finding.js';
import { checkHygiene } from './hygiene.js';
import { checkKinds } from './kinds.js';
import { checkLayering } from './layering.js';
import { checkPerformance } from './performance.js';
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

export type Check = ModelCheck | LocalCheck;

export const MODEL_CHECKS: readonly Check[] = [
    { name: 'imports', run: checkImports },
    { name: 'duplicates', run: checkDuplicates },
    { name: 'target-kinds', run: checkTargetKinds },
    { name: 'layering', run: checkLayering },
    { name: 'cycles', run: checkCycles },
    { name: 'kinds', local: checkKinds },
    { name: 'units', local: checkUnits },
    { name: 'hygiene', run: checkHygiene },
];

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
        run(check.name, () => ('local' in check ? perFile(check, model) : check.run(model, facts)));
    }
    run('capacity', () => checkCapacity(analysis));
    run('performance', () => checkPerformance(model, facts, analysis));
    return out;
}

/** Each file's findings of each local check, by the file's node list (the same array while the file is kept). */
const kept = new Map<string, WeakMap<readonly ModelNode[], Finding[]>>();

function perFile(check: LocalCheck, model: BosModel): Finding[] {
    let byFile = kept.get(check.name);
    if (!byFile) kept.set(check.name, byFile = new WeakMap());
    const out: Finding[] = [];
    for (const { nodes } of model.files) {
        let found = byFile.get(nodes);
        if (!found) byFile.set(nodes, found = check.local(nodes));
        for (const f of found) out.push(f);
    }
    return out;
}
