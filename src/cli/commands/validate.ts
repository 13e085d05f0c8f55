// `bos validate`: every finding as text, JSON or SARIF; fails on errors or too many warnings.
import { UsageError } from '../../services/usage-error.js';
import { describeFailure } from '../../services/workspace-model.js';
import { collectRows, jsonRow, type Row, summarise, summaryLine } from '../diagnostics.js';
import { oneOf, outputFormat, type Values } from '../options.js';
import { sarifRoot, toSarif } from '../sarif.js';
import { load } from '../session.js';
import { COLOR_MODES, colours } from '../terminal.js';
import { VERSION } from '../version.js';
import type { Command } from './command.js';

function maxWarnings(values: Values): number {
    if (values['max-warnings'] === undefined) return Infinity;
    const n = Number(values['max-warnings']);
    if (!Number.isInteger(n) || n < 0) {
        throw new UsageError(`--max-warnings needs a whole number of 0 or more, not '${values['max-warnings']}'`);
    }
    return n;
}

/** One line per finding, as the editors read them: control characters (a NUL the lexer quotes) as `\xNN`. */
const oneLine = (text: string) => text.replace(/\p{Cc}/gu, c => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);

/**
 * GNU's `file:line:column: severity: message`, which Vim's quickfix and Emacs's `compile`
 * read as they are. A hint prints as `note`, GNU's word: Emacs takes any other word for
 * an error.
 */
function printText(rows: readonly Row[], files: number, quiet: boolean, c: ReturnType<typeof colours>): void {
    const paint = { error: c.red, warning: c.yellow, info: c.blue, hint: c.dim } as const;
    for (const r of rows) {
        if (quiet && r.severity !== 'error') continue;
        const where = c.bold(`${r.file}:${r.line}:${r.screenColumn}:`);
        const severity = paint[r.severity](`${r.severity === 'hint' ? 'note' : r.severity}:`);
        process.stdout.write(`${where} ${severity} ${oneLine(r.message)} ${c.dim(`[${r.code}]`)}\n`);
    }
    const s = summarise(rows);
    const line = summaryLine(s, files);
    process.stdout.write((s.errors ? c.red(line) : s.warnings ? c.yellow(line) : c.green(line)) + '\n');
}

const json = (value: object) => JSON.stringify(value, null, 2) + '\n';

export const validateCommand: Command = {
    options: ['format', 'max-warnings', 'quiet', 'color', 'sarif-root'],
    async run(paths, values) {
        const fmt = outputFormat(values, ['text', 'json', 'sarif']);
        const limit = maxWarnings(values);
        const color = oneOf('color', values.color, COLOR_MODES, 'auto');
        if (values['sarif-root'] !== undefined && fmt !== 'sarif') {
            throw new UsageError('--sarif-root goes with --format sarif');
        }
        const root = fmt === 'sarif' ? sarifRoot(values['sarif-root']) : '';
        let ws;
        try {
            ws = await load(paths);
        } catch (err) {
            // The upload step after `> bos.sarif` needs a valid log even when nothing was checked.
            if (fmt === 'sarif' && err instanceof UsageError) {
                process.stdout.write(json(toSarif([], { version: VERSION, root, failures: [err.message] })));
            }
            throw err;
        }
        const rows = collectRows(ws.files, fmt === 'sarif' ? ws.result.model : undefined);
        const summary = summarise(rows);
        const shown = values.quiet ? rows.filter(r => r.severity === 'error') : rows;
        if (fmt === 'json') {
            process.stdout.write(json({ files: ws.files.length, diagnostics: shown.map(jsonRow), summary }));
        } else if (fmt === 'sarif') {
            const failures = ws.result.failures.map(describeFailure);
            process.stdout.write(json(toSarif(shown, { version: VERSION, root, failures })));
        } else {
            printText(rows, ws.files.length, !!values.quiet, colours(process.stdout, color));
        }
        return summary.errors > 0 || summary.warnings > limit ? 1 : 0;
    },
};
