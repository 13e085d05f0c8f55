// The preview compared with a base (`bos/diagram` with `base`, `bos/baseRefs`): the base
// read from the workspace folders' git repository (or a folder) by the CLI's own reader,
// checked once per commit with the same services as `bos render --base`, and diffed
// against the live model — unsaved edits included — after every build.
import { URI } from 'langium';
import type { ChangeMarks } from '../diagram/change.js';
import { diffModels, type DiffSide } from '../diff/diff.js';
import type { WorkspaceResult } from '../services/workspace-model.js';
import { type Base, baseLabel, readBase } from '../workspace/base.js';
import { UsageError } from '../workspace/files.js';
import { recentRefs, workTreeTop } from '../workspace/git.js';
import { loadSources } from '../workspace/load-sources.js';
import type { BaseRefsResult, DiagramCompare } from './protocol.js';

/** The workspace folders as paths: what the head is, and where a base's paths start. */
export type Folders = readonly { uri: string }[] | undefined;

const pathsOf = (folders: Folders) => (folders ?? []).map(f => URI.parse(f.uri).fsPath);

/** How many commits of HEAD the compare command offers. */
const RECENT_COMMITS = 15;

export function baseRefs(folders: Folders): BaseRefsResult {
    const [first] = pathsOf(folders);
    const top = first === undefined ? undefined : workTreeTop(first);
    if (top === undefined) return { refs: [], error: 'The workspace is in no git repository.' };
    const { branches, commits } = recentRefs(top, RECENT_COMMITS);
    const head = commits[0];
    return {
        refs: [
            ...(head ? [{ rev: 'HEAD', label: 'HEAD', description: head.commit, detail: head.subject }] : []),
            ...branches.map(b => ({
                rev: b.rev,
                label: b.rev,
                description: `branch · ${b.commit}`,
                detail: b.subject,
            })),
            ...commits.map(c => ({ rev: c.rev, label: c.commit, description: 'commit', detail: c.subject })),
        ],
    };
}

/** Findings are not compared here: the picture marks declarations and numbers only. */
const side = (r: Pick<WorkspaceResult, 'model' | 'analysis'>): DiffSide => ({
    model: r.model,
    analysis: r.analysis,
    findings: [],
});

/** The last base checked: a revision's commit never changes, so it is read and built once. */
let cached: { key: string; side: DiffSide; syntaxErrors: number } | undefined;

async function baseSide(base: Base): Promise<{ side: DiffSide; syntaxErrors: number }> {
    const key = base.commit && `${base.commit}\u0000${base.sources.map(s => s.path).join('\u0000')}`;
    if (key && cached?.key === key) return cached;
    const loaded = await loadSources(base.sources);
    const syntaxErrors = loaded.files.flatMap(f => f.diagnostics).filter(d => d.code === 'bos/syntax').length;
    const built = { side: side(loaded.result), syntaxErrors };
    if (key) cached = { key, ...built };
    return built;
}

/**
 * What changed from `given` to the live model, for the picture, and what the banner says;
 * a base that cannot be read is the one line why (the picture is then the head's).
 */
export async function comparison(
    given: string,
    folders: Folders,
    head: WorkspaceResult,
): Promise<{ marks?: ChangeMarks; compare: Omit<DiagramCompare, 'base'> }> {
    const paths = pathsOf(folders);
    let base: Base;
    try {
        if (!paths.length) throw new UsageError('open a folder to compare it with a revision');
        base = readBase(paths, given, paths[0]);
    } catch (err) {
        if (err instanceof UsageError) return { compare: { error: err.message } };
        throw err;
    }
    const { side: before, syntaxErrors } = await baseSide(base);
    const diff = diffModels(before, side(head));
    const marks = { ...diff, base: before.model, label: baseLabel(base) };
    return { marks, compare: syntaxErrors ? { baseSyntaxErrors: syntaxErrors } : {} };
}
