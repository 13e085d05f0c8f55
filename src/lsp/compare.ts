// The preview compared with a base (`bos/diagram` with `base`, `bos/baseRefs`): the base
// read from the workspace folders' git repository (or a folder) by the CLI's own reader,
// checked once per commit with the same services as `bos render --base`, and diffed
// against the live model — unsaved edits included — after every build.
import { URI } from 'langium';
import { diffModels, type DiffSide } from '../diff/diff.js';
import { UsageError } from '../services/usage-error.js';
import type { WorkspaceResult } from '../services/workspace-model.js';
import { type Base, baseCommit, baseLabel, readBase } from '../workspace/base.js';
import { recentRefs, workTreeTop } from '../workspace/git.js';
import { loadSources } from '../workspace/load-sources.js';
import type { Comparer, Comparison, Folders } from './comparer.js';
import type { BaseRefsResult } from './protocol.js';

const pathsOf = (folders: Folders) => (folders ?? []).map(f => URI.parse(f.uri).fsPath);

/** How many commits of HEAD the compare command offers. */
const RECENT_COMMITS = 15;

function baseRefs(folders: Folders): BaseRefsResult {
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

interface BuiltBase {
    side: DiffSide;
    syntaxErrors: number;
    label: string;
}

/**
 * The last revision built, by what was asked and the commit it named: a commit never
 * changes, so while the revision names the same one (a new commit moves `HEAD`) each
 * refresh after an edit costs two `git rev-parse` and the diff, not reading and building
 * the base again. A folder is read every time.
 */
let cached: { key: string; commit: string; built: BuiltBase } | undefined;

async function build(base: Base): Promise<BuiltBase> {
    const loaded = await loadSources(base.sources);
    const syntaxErrors = loaded.files.flatMap(f => f.diagnostics).filter(d => d.code === 'bos/syntax').length;
    return { side: side(loaded.result), syntaxErrors, label: baseLabel(base) };
}

async function baseOf(paths: readonly string[], given: string): Promise<BuiltBase> {
    const key = [given, ...paths].join('\u0000');
    const commit = baseCommit(paths, given, paths[0]);
    if (commit !== undefined && cached?.key === key && cached.commit === commit) return cached.built;
    const base = readBase(paths, given, paths[0]);
    const built = await build(base);
    if (base.commit) cached = { key, commit: base.commit, built };
    return built;
}

/**
 * What changed from `given` to the live model, for the picture, and what the banner says;
 * a base that cannot be read is the one line why (the picture is then the head's).
 */
async function comparison(given: string, folders: Folders, head: WorkspaceResult): Promise<Comparison> {
    const paths = pathsOf(folders);
    let base: BuiltBase;
    try {
        if (!paths.length) throw new UsageError('open a folder to compare it with a revision');
        base = await baseOf(paths, given);
    } catch (err) {
        if (err instanceof UsageError) return { compare: { error: err.message } };
        throw err;
    }
    const diff = diffModels(base.side, side(head));
    const marks = { ...diff, base: base.side.model, label: base.label };
    return { marks, compare: base.syntaxErrors ? { baseSyntaxErrors: base.syntaxErrors } : {} };
}

/** The Node server's: the base read from the workspace folders' git repository or a folder. */
export const GIT_COMPARER: Comparer = { baseRefs, comparison };
