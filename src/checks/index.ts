// Every model-level check, run once per workspace build.
import type { Analysis } from '../analysis/scenario.js';
import type { ModelFacts } from '../model/graph.js';
import type { BosModel } from '../model/model.js';
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

export const MODEL_CHECKS: readonly ModelCheck[] = [
    { name: 'imports', run: checkImports },
    { name: 'duplicates', run: checkDuplicates },
    { name: 'target-kinds', run: checkTargetKinds },
    { name: 'layering', run: checkLayering },
    { name: 'cycles', run: checkCycles },
    { name: 'kinds', run: checkKinds },
    { name: 'units', run: checkUnits },
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
    checks: readonly ModelCheck[] = MODEL_CHECKS,
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
    for (const check of checks) run(check.name, () => check.run(model, facts));
    run('capacity', () => checkCapacity(analysis));
    run('performance', () => checkPerformance(model, facts, analysis));
    return out;
}
