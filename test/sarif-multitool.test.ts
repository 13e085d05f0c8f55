// GitHub code scanning's requirements, checked by a client nobody here wrote: Microsoft's
// SARIF multitool (the npm build, no .NET needed) with GitHub's rules on (`Sarif;Gh`).
// Every SARIF log the CLI writes below is validated in one multitool run; each test then
// asserts what code scanning needs of it and that the multitool found no error in it.
import { spawnSync } from 'node:child_process';
import { accessSync, chmodSync, constants, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sarifErrors } from './sarif.js';
import { exampleCopy, tempDir } from './temp.js';

const CLI = resolve('out/cli.cjs');
const MULTITOOL = resolve('node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool');

interface Result {
    ruleId: string;
    level: string;
    message: { text: string };
    locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Region } }[];
    relatedLocations?: {
        physicalLocation: { artifactLocation: { uri: string }; region: Region };
        message: { text: string };
    }[];
    partialFingerprints: Record<string, string>;
}
interface Region {
    startLine: number;
    startColumn: number;
}

const CYCLE_AND_DUPLICATE = `package p
platform P : business {
  capability A { calls B  runs on I.R }
  capability B { calls A  runs on I.R }
}
infrastructure I { resource R : compute }
element E : sales { uses P.A, Nowhere, Nothing }
element E : sales { uses P.B }
element 销售 "𠀀𠀁 销售" : sales { uses 交易中台.缺失 }
`;

/** One repository: the example under model/, a model with a cycle and a duplicate under bad/, a tools/ folder. */
const repo = exampleCopy('sarif', 'model');
mkdirSync(join(repo, 'bad'));
mkdirSync(join(repo, 'tools'));
writeFileSync(join(repo, 'bad', 'model.bos'), CYCLE_AND_DUPLICATE);
const out = tempDir('sarif-out');

/** Runs `bos validate … --format sarif` in `cwd` and keeps the log under `name` for the multitool. */
function sarif(name: string, cwd: string, ...args: string[]) {
    const r = spawnSync(process.execPath, [CLI, 'validate', '--format', 'sarif', ...args], {
        cwd,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
    });
    writeFileSync(join(out, `${name}.sarif`), r.stdout);
    return {
        code: r.status,
        err: r.stderr,
        log: JSON.parse(r.stdout),
        results: JSON.parse(r.stdout).runs[0].results as Result[],
    };
}

const logs = {
    root: () => sarif('root', repo, 'model'),
    inside: () => sarif('inside', join(repo, 'model')),
    sibling: () => sarif('sibling', join(repo, 'tools'), '../model'),
    chosen: () => sarif('chosen', repo, 'model', '--sarif-root', 'model'),
    related: () => sarif('related', repo, 'bad'),
    moved: () => {
        const moved = join(repo, 'moved');
        mkdirSync(moved, { recursive: true });
        writeFileSync(
            join(moved, 'model.bos'),
            CYCLE_AND_DUPLICATE.replace('package p\n', 'package p\n\n// moved down\n\n'),
        );
        return sarif('moved', repo, 'moved');
    },
    empty: () => sarif('empty', join(repo, 'tools')),
};
type Name = keyof typeof logs;
let made: { [K in Name]: ReturnType<typeof sarif> };
/** What the multitool reported per log, errors and warnings (its notes are advice such as "add snippets"). */
let findings: Record<string, string[]>;

beforeAll(() => {
    spawnSync('git', ['init', '-q', repo]);
    made = Object.fromEntries(Object.entries(logs).map(([name, make]) => [name, make()])) as typeof made;
    // npm 11 does not run the package's install script, which would make the binary executable.
    try {
        accessSync(MULTITOOL, constants.X_OK);
    } catch {
        chmodSync(MULTITOOL, 0o755);
    }
    const report = join(out, 'multitool.sarif');
    const validation = multitool(Object.keys(logs).map(name => join(out, `${name}.sarif`)), report);
    const texts: Record<string, Record<string, { text: string }>> = Object.fromEntries(
        (validation.tool.driver.rules ?? []).map((
            r: { id: string; messageStrings: object },
        ) => [r.id, r.messageStrings]),
    );
    findings = {};
    for (const r of validation.results ?? []) {
        const file = r.locations[0].physicalLocation.artifactLocation.uri.split('/').pop().replace('.sarif', '');
        const text = (texts[r.ruleId]?.[r.message.id]?.text ?? r.message.id)
            .replace(/\{(\d+)\}/g, (_: string, i: string) => r.message.arguments[Number(i)]);
        (findings[file] ??= []).push(`${r.level ?? 'warning'} ${r.ruleId}: ${text}`);
    }
}, 60_000);

/**
 * The multitool's own SARIF report on `logs`. Called directly: the package's bin wrapper
 * passes `Sarif;Gh` through a shell, which splits it at the `;`. The logs come first, since
 * `--log` takes every word after it.
 */
function multitool(files: string[], report: string) {
    const run = spawnSync(
        MULTITOOL,
        ['validate', ...files, '--rule-kind', 'Sarif;Gh', '--output', report, '--log', 'ForceOverwrite'],
        { encoding: 'utf8', env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' } },
    );
    expect(run.status, run.stdout + run.stderr).toBe(0);
    return JSON.parse(readFileSync(report, 'utf8')).runs[0];
}

/** The multitool's errors and warnings about one log: none, for GitHub to take it. */
const complaints = (name: Name) => (findings[name] ?? []).filter(f => !f.startsWith('note'));

describe('bos validate --format sarif, as GitHub code scanning takes it', () => {
    it('passes the multitool with GitHub rules: every rule has full description, help and properties', () => {
        const { log } = made.root;
        expect(sarifErrors(log)).toEqual([]);
        expect(complaints('root')).toEqual([]);
        for (const rule of log.runs[0].tool.driver.rules) {
            expect(rule.fullDescription.text.length, rule.id).toBeGreaterThan(rule.shortDescription.text.length / 2);
            expect(rule.help.text, rule.id).toMatch(/How to fix: /);
            expect(rule.help.markdown, rule.id).toMatch(/\*\*How to fix:\*\*/);
            expect(rule.helpUri, rule.id).toMatch(/^https:\/\/github\.com\/.*#what-is-checked$/);
            expect(rule.properties, rule.id).toMatchObject({
                precision: 'very-high',
                tags: expect.arrayContaining(['bos']),
            });
            expect(['error', 'warning', 'recommendation'], rule.id).toContain(rule.properties['problem.severity']);
        }
        expect(log.runs[0].columnKind).toBe('utf16CodeUnits');
    });

    it('gives paths from the repository root, wherever bos runs, or from --sarif-root', () => {
        const uris = (name: Name) => made[name].results.map(r => r.locations[0].physicalLocation.artifactLocation);
        const expected = [
            { uri: 'model/platforms/business.bos', uriBaseId: '%SRCROOT%' },
            { uri: 'model/platforms/business.bos', uriBaseId: '%SRCROOT%' },
        ];
        for (const name of ['root', 'inside', 'sibling'] as const) {
            expect(uris(name), name).toEqual(expected);
            expect(made[name].log.runs[0].originalUriBaseIds['%SRCROOT%'].uri).toBe(`file://${repo}/`);
            expect(complaints(name)).toEqual([]);
        }
        expect(uris('chosen').map(u => u.uri)).toEqual(['platforms/business.bos', 'platforms/business.bos']);
        expect(made.chosen.log.runs[0].originalUriBaseIds['%SRCROOT%'].uri).toBe(`file://${repo}/model/`);
        expect(complaints('chosen')).toEqual([]);
    });

    it('lists every member of a cycle and the other duplicate as related locations', () => {
        const { results } = made.related;
        const cycle = results.find(r => r.ruleId === 'bos/cycle')!;
        expect(cycle.relatedLocations!.map(l => l.physicalLocation.region.startLine).sort()).toEqual([3, 4]);
        const duplicates = results.filter(r => r.ruleId === 'bos/duplicate');
        expect(
            duplicates.map(d =>
                d.relatedLocations!.map(
                    l => [l.physicalLocation.artifactLocation.uri, l.physicalLocation.region.startLine],
                )
            ),
        )
            .toEqual([[['bad/model.bos', 8]], [['bad/model.bos', 7]]]);
        expect(duplicates[0].relatedLocations![0].message.text).toBe("'p.E' is also declared here");
        expect(complaints('related')).toEqual([]);
    });

    it('counts columns in UTF-16 code units, as columnKind says', () => {
        const cjk = made.related.results.find(r => r.message.text.includes('交易中台.缺失'))!;
        // `element 销售 "𠀀𠀁 销售" : sales { uses `: 36 code units (the two ideographs beyond the BMP take two each).
        expect(cjk.locations[0].physicalLocation.region).toMatchObject({ startLine: 9, startColumn: 37 });
    });

    it('fingerprints a finding by code, declaration and scenario, so moving lines keeps every alert', () => {
        const prints = (name: Name) =>
            made[name].results.map(r => `${r.ruleId} ${r.partialFingerprints['bosFinding/v1']}`);
        const lines = (name: Name) => made[name].results.map(r => r.locations[0].physicalLocation.region.startLine);
        expect(lines('moved')).toEqual(lines('related').map(l => l + 3));
        expect(prints('moved')).toEqual(prints('related'));
        // Two unresolved names in one `uses`, and the two duplicates, each keep their own alert.
        expect(new Set(prints('related')).size).toBe(made.related.results.length);
        expect(complaints('moved')).toEqual([]);
    });

    it('writes a valid log with a tool notification when there is no .bos file, and exits 2', () => {
        const { code, err, log } = made.empty;
        expect(code).toBe(2);
        expect(err).toBe('bos: no .bos file found in the current folder\n');
        expect(sarifErrors(log)).toEqual([]);
        expect(log.runs[0].results).toEqual([]);
        expect(log.runs[0].invocations).toEqual([{
            executionSuccessful: false,
            toolExecutionNotifications: [{
                level: 'error',
                message: { text: 'no .bos file found in the current folder' },
            }],
        }]);
        expect(complaints('empty')).toEqual([]);
    });

    it('the multitool does find what GitHub rejects (so its silence above means something)', () => {
        const stripped = JSON.parse(readFileSync(join(out, 'root.sarif'), 'utf8'));
        for (const rule of stripped.runs[0].tool.driver.rules) delete rule.help;
        writeFileSync(join(out, 'stripped.sarif'), JSON.stringify(stripped));
        const { results } = multitool([join(out, 'stripped.sarif')], join(out, 'stripped-report.sarif'));
        expect(results.filter((r: { ruleId: string }) => r.ruleId === 'GH2012')).toHaveLength(
            stripped.runs[0].tool.driver.rules.length,
        );
    }, 30_000);
});
