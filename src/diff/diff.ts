// The semantic comparison of two models (spec cli.md, `diff`): pure, two resolved models
// with their analyses and findings in, what changed out. The CLI builds both sides with
// the same services; nothing here knows where a side came from.
import type { Analysis } from '../analysis/scenario.js';
import type { BosModel } from '../model/model.js';
import { type DeclarationDiff, diffDeclarations } from './declarations.js';
import { diffFindings, type FindingDiff, type FindingRow } from './findings.js';
import type { Renames } from './renames.js';
import { diffScenarios, type ScenarioChange } from './scenarios.js';

export interface DiffSide {
    model: BosModel;
    analysis: Analysis;
    findings: readonly FindingRow[];
}

export interface ModelDiff {
    declarations: DeclarationDiff;
    findings: FindingDiff;
    scenarios: ScenarioChange[];
    /** Before → after qualified names of the renamed declarations. */
    renames: Renames;
    /** `bos/syntax` findings of the base: its model is partial. */
    baseSyntaxErrors: number;
    /** Why scenarios were not compared (an analysis skipped on a side). */
    notes: string[];
}

export function diffModels(before: DiffSide, after: DiffSide): ModelDiff {
    const { declarations, renames } = diffDeclarations(before.model, after.model);
    const notes: string[] = [];
    if (before.analysis.skipped) notes.push(`scenarios not compared: at the base, ${before.analysis.skipped}`);
    if (after.analysis.skipped) notes.push(`scenarios not compared: ${after.analysis.skipped}`);
    return {
        declarations,
        findings: diffFindings(before.findings, after.findings, renames),
        scenarios: notes.length ? [] : diffScenarios(before.analysis, after.analysis, renames),
        renames,
        baseSyntaxErrors: before.findings.filter(f => f.code === 'bos/syntax').length,
        notes,
    };
}

/** Whether a diff says nothing changed. */
export function isEmpty(diff: ModelDiff): boolean {
    const { added, removed, renamed, changed } = diff.declarations;
    return !added.length && !removed.length && !renamed.length && !changed.length && !diff.findings.introduced.length
        && !diff.findings.resolved.length && !diff.scenarios.length;
}
