#!/usr/bin/env node
// The `bos` command (spec: cli.md). Exit 0: no errors; 1: the model has errors (or too
// many warnings); 2: the command could not run, with one line on stderr.
import '../language/polyfill.js';
import { writeFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { analysisJson, analysisText } from '../analysis/report.js';
import { startServer } from '../lsp/server.js';
import { describeFailure } from '../services/workspace-model.js';
import { UsageError } from '../workspace/files.js';
import { type LoadedWorkspace, loadWorkspace } from '../workspace/load.js';
import { collectRows, plural, type Row, summarise, summaryLine } from './diagnostics.js';
import { exportJson } from './export.js';
import { formatFiles } from './format.js';
import { renderCommand } from './render.js';
import { toSarif } from './sarif.js';
import { colours, progressLine } from './terminal.js';

declare const BOS_VERSION: string;
const VERSION = typeof BOS_VERSION === 'string' ? BOS_VERSION : '0.0.0-dev';

const HELP = `bos ${VERSION} — validate, analyse and export business-OS models (.bos)

Usage:
  bos validate [paths...] [--format text|json|sarif] [--max-warnings N] [--quiet]
  bos analyze  [paths...] [--scenario NAME] [--format text|json]
  bos render   [paths...] [--view NAME] [--scenario NAME] [--theme light|dark] [-o FILE.svg|.png|.html]
  bos format   [paths...] [--check]
  bos export   [paths...] [-o FILE.json]
  bos lsp      --stdio
  bos --help | --version

Paths are files or folders (searched recursively for *.bos, skipping node_modules
and dot-folders); no path means the current folder. All files form one model.

Options:
  --format F         output format (validate: text, json, sarif; analyze: text, json)
  --max-warnings N   exit 1 when there are more than N warnings
  --quiet            print errors only (warnings still count for --max-warnings)
  --scenario NAME    analyse one scenario (qualified or short name)
  --view NAME        (render) the view to draw (default: the first view, or Overview)
  --theme T          (render) light (default) or dark
  --check            (format) change nothing; list the files that would change
  -o, --output FILE  write to FILE instead of standard output
  --stdio            (lsp) speak the Language Server Protocol on stdin/stdout
  -h, --help         show this help
  -v, --version      print the version

Exit status: 0 no errors; 1 the model has errors, too many warnings, or
files to format (format --check);
2 the command could not run (bad arguments, unreadable path, no .bos file).
`;

const OPTIONS = {
    format: { type: 'string' },
    'max-warnings': { type: 'string' },
    quiet: { type: 'boolean' },
    scenario: { type: 'string' },
    output: { type: 'string', short: 'o' },
    stdio: { type: 'boolean' },
    check: { type: 'boolean' },
    view: { type: 'string' },
    theme: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean', short: 'v' },
} satisfies ParseArgsConfig['options'];

const ALLOWED: Readonly<Record<string, readonly (keyof typeof OPTIONS)[]>> = {
    validate: ['format', 'max-warnings', 'quiet'],
    analyze: ['format', 'scenario'],
    export: ['output'],
    format: ['check'],
    render: ['view', 'scenario', 'output', 'theme'],
    lsp: ['stdio'],
};

type Values = { [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string };

function parse(argv: string[]): { command?: string; paths: string[]; values: Values } {
    let parsed;
    try {
        parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    } catch (err) {
        throw new UsageError((err as Error).message.split('\n')[0].replace(/\. To specify a positional.*$/, ''));
    }
    const [command, ...paths] = parsed.positionals;
    return { command, paths, values: parsed.values as Values };
}

function outputFormat(values: Values, allowed: readonly string[]): string {
    const f = values.format ?? 'text';
    if (!allowed.includes(f)) throw new UsageError(`--format must be one of ${allowed.join(', ')}, not '${f}'`);
    return f;
}

function maxWarnings(values: Values): number {
    if (values['max-warnings'] === undefined) return Infinity;
    const n = Number(values['max-warnings']);
    if (!Number.isInteger(n) || n < 0) {
        throw new UsageError(`--max-warnings needs a whole number of 0 or more, not '${values['max-warnings']}'`);
    }
    return n;
}

/** Exit status of a command that reads the model: 1 when it has errors. */
function modelExit(ws: LoadedWorkspace): number {
    return summarise(collectRows(ws.files)).errors > 0 ? 1 : 0;
}

/** Set when a check threw: the result is incomplete, so the command must not pass. */
let incomplete = false;

async function load(paths: string[]): Promise<LoadedWorkspace> {
    const progress = progressLine(process.stderr);
    let ws: LoadedWorkspace;
    try {
        ws = await loadWorkspace(paths, (done, total) => progress.update(done, total, 'checking model'));
    } finally {
        progress.clear();
    }
    for (const failure of ws.result.failures) {
        process.stderr.write(`bos: ${describeFailure(failure)} (please report it)\n`);
    }
    incomplete ||= ws.result.failures.length > 0;
    return ws;
}

function printText(rows: readonly Row[], files: number, quiet: boolean): void {
    const c = colours(process.stdout);
    const paint = { error: c.red, warning: c.yellow, info: c.blue, hint: c.dim } as const;
    for (const r of rows) {
        if (quiet && r.severity !== 'error') continue;
        process.stdout.write(
            `${c.bold(`${r.file}:${r.line}:${r.column}`)}  ${paint[r.severity](r.severity)}  ${
                c.dim(r.code)
            }  ${r.message}\n`,
        );
    }
    const s = summarise(rows);
    const line = summaryLine(s, files);
    process.stdout.write((s.errors ? c.red(line) : s.warnings ? c.yellow(line) : c.green(line)) + '\n');
}

function write(text: string, output: string | undefined): void {
    if (output === undefined) {
        process.stdout.write(text);
        return;
    }
    try {
        writeFileSync(output, text);
    } catch (err) {
        throw new UsageError(`cannot write ${output}: ${(err as Error).message}`);
    }
}

async function validate(paths: string[], values: Values): Promise<number> {
    const fmt = outputFormat(values, ['text', 'json', 'sarif']);
    const limit = maxWarnings(values);
    const ws = await load(paths);
    const rows = collectRows(ws.files);
    const summary = summarise(rows);
    const shown = values.quiet ? rows.filter(r => r.severity === 'error') : rows;
    if (fmt === 'json') {
        process.stdout.write(JSON.stringify({ files: ws.files.length, diagnostics: shown, summary }, null, 2) + '\n');
    } else if (fmt === 'sarif') {
        process.stdout.write(JSON.stringify(toSarif(shown, VERSION), null, 2) + '\n');
    } else {
        printText(rows, ws.files.length, !!values.quiet);
    }
    return summary.errors > 0 || summary.warnings > limit ? 1 : 0;
}

async function analyze(paths: string[], values: Values): Promise<number> {
    const fmt = outputFormat(values, ['text', 'json']);
    const ws = await load(paths);
    const { analysis } = ws.result;
    let scenarios = analysis.scenarios;
    if (values.scenario !== undefined) {
        const want = values.scenario;
        scenarios = scenarios.filter(s => s.scenario.id === want || s.scenario.name === want);
        if (scenarios.length === 0 && !analysis.skipped) {
            const known = analysis.scenarios.map(s => s.scenario.id).join(', ') || 'none';
            throw new UsageError(`no scenario named '${want}' (scenarios: ${known})`);
        }
    }
    if (fmt === 'json') process.stdout.write(JSON.stringify(analysisJson(analysis, scenarios), null, 2) + '\n');
    else process.stdout.write(analysisText(analysis, scenarios, colours(process.stdout)));
    return modelExit(ws);
}

async function exportModel(paths: string[], values: Values): Promise<number> {
    const ws = await load(paths);
    write(JSON.stringify(exportJson(ws.result.model, ws.result.analysis), null, 2) + '\n', values.output);
    return modelExit(ws);
}

async function format(paths: string[], values: Values): Promise<number> {
    const { changed, unparsable } = await formatFiles(await load(paths), !!values.check);
    for (const file of unparsable) {
        process.stderr.write(`bos: ${file} does not parse; not formatted (see bos validate)\n`);
    }
    for (const file of changed) process.stdout.write(`${file}\n`);
    if (values.check) {
        process.stdout.write(
            changed.length ? `${plural(changed.length, 'file')} would be reformatted\n` : 'all files are formatted\n',
        );
    } else process.stdout.write(`${plural(changed.length, 'file')} reformatted\n`);
    return (values.check && changed.length) || unparsable.length ? 1 : 0;
}

async function renderView(paths: string[], values: Values): Promise<number> {
    const ws = await load(paths);
    process.stdout.write(
        await renderCommand(ws, {
            view: values.view,
            scenario: values.scenario,
            output: values.output,
            theme: values.theme,
        }),
    );
    return modelExit(ws);
}

/** Runs the language server until the client disconnects; it never returns a code. */
async function lsp(paths: string[], values: Values): Promise<number> {
    if (!values.stdio || paths.length) throw new UsageError('usage: bos lsp --stdio');
    startServer();
    return new Promise<number>(() => {/* the connection ends the process */});
}

const COMMANDS: Readonly<Record<string, (paths: string[], values: Values) => Promise<number>>> = {
    validate,
    analyze,
    render: renderView,
    format,
    export: exportModel,
    lsp,
};

export async function main(argv: string[]): Promise<number> {
    try {
        const { command, paths, values } = parse(argv);
        if (values.version) {
            process.stdout.write(`${VERSION}\n`);
            return 0;
        }
        if (values.help || command === undefined || command === 'help') {
            process.stdout.write(HELP);
            return command === undefined && !values.help ? 2 : 0;
        }
        const run = COMMANDS[command];
        if (!run) {
            throw new UsageError(
                `unknown command '${command}' (commands: ${Object.keys(COMMANDS).join(', ')}; see bos --help)`,
            );
        }
        const stray = (Object.keys(values) as (keyof Values)[]).filter(k =>
            values[k] !== undefined && !ALLOWED[command].includes(k)
        );
        if (stray.length) throw new UsageError(`bos ${command} does not take --${stray[0]}`);
        const code = await run(paths, values);
        return incomplete ? 2 : code;
    } catch (err) {
        if (err instanceof UsageError) {
            process.stderr.write(`bos: ${err.message}\n`);
            return 2;
        }
        process.stderr.write(`bos: internal error: ${(err as Error)?.message ?? String(err)} (please report it)\n`);
        return 2;
    }
}

// A reader that stops early (`bos validate | head`) is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    else throw err;
});

main(process.argv.slice(2)).then(code => {
    process.exitCode = code;
});
