// The base of a comparison (`bos diff --base`, `bos render --base`): read from git or a
// folder, checked with the same services as the head, with a progress line; and, for the
// picture, the semantic diff handed to the diagram as its change marks.
import type { ChangeMarks } from '../diagram/change.js';
import { diffModels } from '../diff/diff.js';
import { describeFailure } from '../services/workspace-model.js';
import { type Base, baseLabel } from '../workspace/base.js';
import { loadSources } from '../workspace/load-sources.js';
import type { LoadedWorkspace } from '../workspace/load.js';
import { diffSide, plural } from './diagnostics.js';
import { progressLine } from './terminal.js';

/** The base's model, with the progress line and the checks that threw, as the head's. */
export async function loadBase(base: Base): Promise<LoadedWorkspace> {
    const progress = progressLine(process.stderr);
    let loaded: LoadedWorkspace;
    try {
        loaded = await loadSources(base.sources, (done, total) => progress.update(done, total, 'checking the base'));
    } finally {
        progress.clear();
    }
    for (const failure of loaded.result.failures) {
        process.stderr.write(`bos: the base: ${describeFailure(failure)} (please report it)\n`);
    }
    return loaded;
}

/** What changed from the base to the head, as the picture marks it. */
export async function changeMarks(base: Base, head: LoadedWorkspace): Promise<ChangeMarks> {
    const before = await loadBase(base);
    const diff = diffModels(diffSide(before, base.root), diffSide(head, process.cwd()));
    if (diff.baseSyntaxErrors) {
        process.stderr.write(
            `bos: the base ${baseLabel(base)} has ${plural(diff.baseSyntaxErrors, 'syntax error')}; `
                + 'what did not parse there is drawn as added\n',
        );
    }
    for (const note of diff.notes) process.stderr.write(`bos: ${note}\n`);
    return { ...diff, base: before.result.model, label: baseLabel(base) };
}
