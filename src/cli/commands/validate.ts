// `bos validate`: every finding as text, JSON or SARIF; fails on errors or too many warnings.
import { UsageError } from '../../workspace/files.js';
import { collectRows, type Row, summarise, summaryLine } from '../diagnostics.js';
import { outputFormat, type Values } from '../options.js';
import { toSarif } from '../sarif.js';
import { load } from '../session.js';
import { colours } from '../terminal.js';
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

function printText(rows: readonly Row[], files: number, quiet: boolean): void {
    const c = colours(process.stdout);
    const paint = { error: c.red, warning: c.yellow, info: c.blue, hint: c.dim } as const;
    for (const r of rows) {
        if (quiet && r.severity !== 'error') continue;
        const where = c.bold(`${r.file}:${r.line}:${r.column}`);
        process.stdout.write(`${where}  ${paint[r.severity](r.severity)}  ${c.dim(r.code)}  ${r.message}\n`);
    }
    const s = summarise(rows);
    const line = summaryLine(s, files);
    process.stdout.write((s.errors ? c.red(line) : s.warnings ? c.yellow(line) : c.green(line)) + '\n');
}

export const validateCommand: Command = {
    options: ['format', 'max-warnings', 'quiet'],
    async run(paths, values) {
        const fmt = outputFormat(values, ['text', 'json', 'sarif']);
        const limit = maxWarnings(values);
        const ws = await load(paths);
        const rows = collectRows(ws.files);
        const summary = summarise(rows);
        const shown = values.quiet ? rows.filter(r => r.severity === 'error') : rows;
        if (fmt === 'json') {
            const report = { files: ws.files.length, diagnostics: shown, summary };
            process.stdout.write(JSON.stringify(report, null, 2) + '\n');
        } else if (fmt === 'sarif') {
            process.stdout.write(JSON.stringify(toSarif(shown, VERSION), null, 2) + '\n');
        } else {
            printText(rows, ws.files.length, !!values.quiet);
        }
        return summary.errors > 0 || summary.warnings > limit ? 1 : 0;
    },
};
