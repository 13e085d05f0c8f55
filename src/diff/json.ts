// `bos diff --format json` (cli.md): only what changed; `before` or `after` null where the
// thing is absent. Beside the spec's keys: `base` says what was compared with and whether
// its model parsed, `declarations.renamed` pairs the renames, a flow's `status` and
// `notes` say why scenarios were not compared.
import type { ModelDiff } from './diff.js';
import type { FindingRow } from './findings.js';

export interface BaseInfo {
    /** The revision or folder as given. */
    given: string;
    /** The commit of a revision; undefined for a folder. */
    commit?: string;
}

/** A finding as `bos validate --format json` prints a diagnostic: these keys, in this order. */
function diagnostic(f: FindingRow) {
    const { file, line, column, endLine, endColumn, severity, code, message } = f;
    return { file, line, column, endLine, endColumn, severity, code, message };
}

export function diffJson(diff: ModelDiff, base: BaseInfo) {
    const { added, removed, changed, renamed } = diff.declarations;
    return {
        base: {
            ...(base.commit === undefined ? { folder: base.given } : { revision: base.given, commit: base.commit }),
            syntaxErrors: diff.baseSyntaxErrors,
        },
        declarations: { added, removed, changed, renamed },
        findings: {
            introduced: diff.findings.introduced.map(diagnostic),
            resolved: diff.findings.resolved.map(diagnostic),
        },
        scenarios: diff.scenarios,
        ...(diff.notes.length ? { notes: diff.notes } : {}),
    };
}
