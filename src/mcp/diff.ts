// The `diff` tool: the session's model against a base, as `bos diff --format json` says
// it. The base is a git revision (read with git's plumbing, never checked out) or a
// folder inside the workspace; it is loaded afresh for each call.
import { statSync } from 'node:fs';
import { diffSide } from '../cli/diagnostics.js';
import { diffModels } from '../diff/diff.js';
import { diffJson } from '../diff/json.js';
import { UsageError } from '../services/usage-error.js';
import { type Base, readBase } from '../workspace/base.js';
import { loadSources } from '../workspace/load-sources.js';
import type { WorkspaceBounds } from './inside.js';
import { ToolError } from './tool-error.js';
import type { McpWorkspace } from './workspace.js';

export async function diffWithBase(workspace: McpWorkspace, bounds: WorkspaceBounds, given: string) {
    if (isFolder(given)) bounds.check(given);
    let base: Base;
    try {
        base = readBase(workspace.paths, given);
    } catch (err) {
        throw err instanceof UsageError ? new ToolError(err.message) : err;
    }
    const before = await loadSources(base.sources);
    const head = await workspace.current();
    const diff = diffModels(diffSide(before, base.root), diffSide(head, process.cwd()));
    return diffJson(diff, { given: base.given, commit: base.commit });
}

function isFolder(path: string): boolean {
    try {
        return statSync(path).isDirectory();
    } catch {
        return false;
    }
}
