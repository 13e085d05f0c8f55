// Who reads the base of a compared preview. It needs git and the disk, so the entry point
// chooses: the Node server compares (compare.ts), the browser server has neither and says
// so in the answer, never by failing the request.
import type { ChangeMarks } from '../diagram/change.js';
import type { WorkspaceResult } from '../services/workspace-model.js';
import type { BaseRefsResult, DiagramCompare } from './protocol.js';

/** The workspace folders as the client gave them: what the head is, and where a base's paths start. */
export type Folders = readonly { uri: string }[] | undefined;

export interface Comparison {
    marks?: ChangeMarks;
    compare: Omit<DiagramCompare, 'base'>;
}

export interface Comparer {
    /** The revisions the compare command offers (HEAD, branches, recent commits), or why there are none. */
    baseRefs(folders: Folders): BaseRefsResult;
    /** What changed from `given` to the live model, or the one line why it cannot be compared. */
    comparison(given: string, folders: Folders, head: WorkspaceResult): Promise<Comparison>;
}

const NO_GIT = 'Comparing with a revision needs git, which is not available in the browser: '
    + 'use the desktop extension or `bos render --base`.';

/** The browser server's: no revision to offer, and every compared picture is the head's with the reason. */
export const WITHOUT_GIT: Comparer = {
    baseRefs: () => ({ refs: [], error: NO_GIT }),
    comparison: () => Promise.resolve({ compare: { error: NO_GIT } }),
};
