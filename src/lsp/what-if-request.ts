// The preview's what-if: read exactly as `bos analyze --scale … --set …` reads its
// flags (cli/what-if.ts: the same quantities, names and refusals), so the command it
// offers to copy replays the very run the preview drew. Files are never touched.
import { analyse, type Analysis, type ScenarioResult } from '../analysis/scenario.js';
import { readWhatIfFlags, resolveWhatIf, whatIfLine } from '../cli/what-if.js';
import type { WorkspaceResult } from '../services/workspace-model.js';
import type { WhatIfAnswer, WhatIfParams } from './protocol.js';

/** The largest scale the preview takes: beyond it every node is saturated long before. */
export const MAX_SCALE = 1000;

export interface PreviewAnalysis {
    analysis: Analysis;
    /** Absent when no what-if was asked for. */
    answer?: WhatIfAnswer;
}

/** The analysis the preview draws: the workspace's own, or a what-if run over the same facts. */
export function previewAnalysis(
    params: WhatIfParams | undefined,
    result: WorkspaceResult,
    defaultHeadroom: number,
): PreviewAnalysis {
    if (!params) return { analysis: result.analysis };
    const scale = params.scale ?? 1;
    if (!(Number.isFinite(scale) && scale >= 0 && scale <= MAX_SCALE)) {
        return refused(result, `a what-if scale is a number from 0 to ${MAX_SCALE}, not ${String(scale)}`);
    }
    const set = (params.sets ?? []).map(s => `${s.name}.${s.property}=${s.value}`);
    try {
        const whatIf = resolveWhatIf({ ...readWhatIfFlags({ set }), scale }, result.model);
        const analysis = analyse(result.model, result.facts, {
            scale,
            overrides: whatIf.overrides,
            defaultHeadroom,
        });
        const flags = [...(scale === 1 ? [] : ['--scale', String(scale)]), ...set.flatMap(f => ['--set', f])];
        return {
            analysis,
            answer: { command: ['bos', 'analyze', ...flags].map(shellWord).join(' '), summary: whatIfLine(whatIf) },
        };
    } catch (err) {
        return refused(result, err instanceof Error ? err.message : String(err));
    }
}

function refused(result: WorkspaceResult, problem: string): PreviewAnalysis {
    return { analysis: result.analysis, answer: { problem: `what-if not applied: ${problem}` } };
}

/** A word as a POSIX shell reads it: plain when it can be, else in single quotes. */
export function shellWord(word: string): string {
    return /^[\w.,=/:+@%-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Every loaded node that has a capacity is at or over it: nothing is left to compare. */
export function saturatesAll(s: ScenarioResult | undefined): boolean {
    const measured = s?.nodes.filter(l => l.utilisation !== undefined) ?? [];
    return measured.length > 0 && measured.every(l => l.utilisation! >= 1);
}
