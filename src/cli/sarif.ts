// SARIF 2.1.0 for code scanning, as GitHub requires it (the multitool's `Sarif;Gh` rules
// check it in test/sarif-multitool.test.ts): one run, every bos/ code as a rule with its
// help, results with locations relative to the repository root, related locations, and
// fingerprints that survive edits moving lines.
import { createHash } from 'node:crypto';
import { existsSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Code, CODES, type Severity } from '../checks/codes.js';
import { UsageError } from '../services/usage-error.js';
import type { Row, Span } from './diagnostics.js';
import { RULE_HELP } from './rule-help.js';

const LEVEL: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
/** GitHub's own scale for rules that are not security rules. */
const PROBLEM_SEVERITY: Readonly<Record<Severity, string>> = {
    error: 'error',
    warning: 'warning',
    info: 'recommendation',
    hint: 'recommendation',
};
const RULE_IDS = Object.keys(CODES) as Code[];
const HOME = 'https://github.com/bos-studio/bos-studio';
const RULES_DOC = `${HOME}/blob/main/README.md#what-is-checked`;
const ROOT_ID = '%SRCROOT%';
/** Our key in `partialFingerprints`; GitHub's upload action adds its own `primaryLocationLineHash` beside it. */
const FINGERPRINT = 'bosFinding/v1';

export interface SarifOptions {
    version: string;
    /** The folder artifact URIs are relative to (see sarifRoot). */
    root: string;
    /** Why the run is incomplete or could not check anything: one tool notification each. */
    failures?: readonly string[];
}

/**
 * Where SARIF paths start: `--sarif-root`, else the top of the git work tree around the
 * current folder (GitHub reads paths from the repository root), else the current folder.
 */
export function sarifRoot(option: string | undefined): string {
    if (option !== undefined) {
        const dir = resolve(option);
        if (!existsSync(dir) || !statSync(dir).isDirectory()) {
            throw new UsageError(`--sarif-root needs a folder, not '${option}'`);
        }
        return dir;
    }
    for (let dir = process.cwd();; dir = dirname(dir)) {
        if (existsSync(join(dir, '.git'))) return dir;
        if (dirname(dir) === dir) return process.cwd();
    }
}

export function toSarif(rows: readonly Row[], { version, root, failures = [] }: SarifOptions): object {
    const locate = artifactLocations(root);
    const physical = (s: Span) => ({
        artifactLocation: locate(s.path),
        region: { startLine: s.line, startColumn: s.column, endLine: s.endLine, endColumn: s.endColumn },
    });
    const prints = fingerprints(rows, r => JSON.stringify(locate(r.path)));
    return {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [{
            tool: {
                driver: {
                    name: 'bos',
                    fullName: 'BOS Studio validator',
                    version,
                    semanticVersion: version,
                    informationUri: HOME,
                    rules: RULE_IDS.map(rule),
                },
            },
            invocations: [{
                executionSuccessful: failures.length === 0,
                ...(failures.length
                    ? { toolExecutionNotifications: failures.map(text => ({ level: 'error', message: { text } })) }
                    : {}),
            }],
            originalUriBaseIds: { [ROOT_ID]: { uri: pathToFileURL(root.endsWith(sep) ? root : root + sep).href } },
            columnKind: 'utf16CodeUnits',
            results: rows.map((r, i) => ({
                ruleId: r.code,
                ...(RULE_IDS.includes(r.code as Code) ? { ruleIndex: RULE_IDS.indexOf(r.code as Code) } : {}),
                level: LEVEL[r.severity],
                message: { text: r.message },
                locations: [{ physicalLocation: physical(r) }],
                ...(r.related.length
                    ? {
                        relatedLocations: r.related.map((x, id) => ({
                            id,
                            physicalLocation: physical(x),
                            message: { text: x.message },
                        })),
                    }
                    : {}),
                partialFingerprints: { [FINGERPRINT]: prints[i] },
            })),
        }],
    };
}

function rule(id: Code) {
    const { severity, summary } = CODES[id];
    const { description, fix, tags } = RULE_HELP[id];
    return {
        id,
        name: id.slice(4).replace(/(^|-)(\w)/g, (_, _dash, c: string) => c.toUpperCase()),
        shortDescription: { text: summary },
        fullDescription: { text: description, markdown: description },
        help: {
            text: `${description}\n\nHow to fix: ${fix}`,
            markdown: `${description}\n\n**How to fix:** ${fix}\n\nSee [what BOS checks](${RULES_DOC}).`,
        },
        helpUri: RULES_DOC,
        defaultConfiguration: { level: LEVEL[severity] },
        properties: { tags: ['bos', ...tags], precision: 'very-high', 'problem.severity': PROBLEM_SEVERITY[severity] },
    };
}

/** Artifact locations, one lookup per file: relative to the root with its base id, or absolute outside it. */
function artifactLocations(root: string) {
    const realRoot = real(root);
    const known = new Map<string, { uri: string; uriBaseId?: string }>();
    return (path: string) => {
        let location = known.get(path);
        if (!location) {
            // A file reached through a link inside the root keeps its path there.
            const rel = inside(root, path) ?? inside(realRoot, real(path));
            location = rel === undefined
                ? { uri: pathToFileURL(path).href }
                : { uri: rel.split(sep).map(encodeURIComponent).join('/'), uriBaseId: ROOT_ID };
            known.set(path, location);
        }
        return location;
    };
}

function real(path: string): string {
    try {
        return realpathSync(path);
    } catch {
        return path;
    }
}

function inside(root: string, path: string): string | undefined {
    const rel = relative(root, path);
    return rel && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel) ? rel : undefined;
}

/**
 * A finding's identity, not its line: the code, the declaration it lies in (or its file
 * when it lies in none), the scenario it is about, and its rank among findings sharing
 * all three (two unresolved names in one `uses`). Moving text around keeps every
 * fingerprint, so code scanning keeps its alerts instead of opening new ones.
 */
function fingerprints(rows: readonly Row[], fileOf: (r: Row) => string): string[] {
    const seen = new Map<string, number>();
    return rows.map(r => {
        const key = JSON.stringify([r.code, r.declaration ?? fileOf(r), r.scenario ?? null]);
        const rank = seen.get(key) ?? 0;
        seen.set(key, rank + 1);
        return createHash('sha256').update(`${key}#${rank}`).digest('hex').slice(0, 32);
    });
}
