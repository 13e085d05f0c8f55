// SARIF 2.1.0 for code-scanning services: one run, every bos/ code as a rule, results
// with physical locations relative to the folder bos ran in.
import { pathToFileURL } from 'node:url';
import { type Code, CODES, type Severity } from '../checks/codes.js';
import type { Row } from './diagnostics.js';

const LEVEL: Readonly<Record<Severity, string>> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
const RULE_IDS = Object.keys(CODES) as Code[];

function artifactUri(file: string): string {
    return file.split('/').map(encodeURIComponent).join('/');
}

export function toSarif(rows: readonly Row[], version: string): object {
    return {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [{
            tool: {
                driver: {
                    name: 'bos',
                    fullName: 'BOS Studio validator',
                    version,
                    informationUri: 'https://github.com/bos-studio/bos-studio',
                    rules: RULE_IDS.map(id => ({
                        id,
                        name: id.slice(4).replace(/-(\w)/g, (_, c: string) => c.toUpperCase()),
                        shortDescription: { text: CODES[id].summary },
                        defaultConfiguration: { level: LEVEL[CODES[id].severity] },
                    })),
                },
            },
            originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(process.cwd() + '/').href } },
            results: rows.map(r => ({
                ruleId: r.code,
                ruleIndex: Math.max(0, RULE_IDS.indexOf(r.code as Code)),
                level: LEVEL[r.severity],
                message: { text: r.message },
                locations: [{
                    physicalLocation: {
                        artifactLocation: { uri: artifactUri(r.file), uriBaseId: 'SRCROOT' },
                        region: {
                            startLine: r.line,
                            startColumn: r.column,
                            endLine: r.endLine,
                            endColumn: r.endColumn,
                        },
                    },
                }],
            })),
        }],
    };
}
