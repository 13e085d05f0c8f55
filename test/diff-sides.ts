// Sides of a diff built as `bos diff` builds them (workspace/load-sources.ts, the CLI's
// rows), from texts in memory: file name → text.
import { collectRows } from '../src/cli/diagnostics.js';
import { diffModels, type DiffSide, type ModelDiff } from '../src/diff/diff.js';
import { loadSources } from '../src/workspace/load-sources.js';
import type { LoadedWorkspace } from '../src/workspace/load.js';

const ROOT = '/virtual/model';

export async function loaded(files: Record<string, string>): Promise<LoadedWorkspace> {
    return loadSources(Object.entries(files).map(([name, text]) => ({ path: `${ROOT}/${name}`, text, bom: false })));
}

export function sideOf(ws: LoadedWorkspace): DiffSide {
    const findings = collectRows(ws.files, ws.result.model).map(r => ({ ...r, origin: r.path.slice(ROOT.length + 1) }));
    return { model: ws.result.model, analysis: ws.result.analysis, findings };
}

export async function diffOf(before: Record<string, string>, after: Record<string, string>): Promise<ModelDiff> {
    return diffModels(sideOf(await loaded(before)), sideOf(await loaded(after)));
}
