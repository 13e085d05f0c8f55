#!/usr/bin/env node
// The `bos` command (spec: cli.md). Exit 0: no errors; 1: the model has errors (or too
// many warnings); 2: the command could not run, with one line on stderr. Each command
// lives in commands/ with the options it takes.
import '../language/polyfill.js';
import '../host/node-host.js';
import { UsageError } from '../services/usage-error.js';
import { analyzeCommand } from './commands/analyze.js';
import type { Command } from './commands/command.js';
import { diffCommand } from './commands/diff.js';
import { formatCommand } from './commands/format.js';
import { importCommand } from './commands/import.js';
import { lspCommand } from './commands/lsp.js';
import { mcpCommand } from './commands/mcp.js';
import { exportCommand } from './commands/model-export.js';
import { queryCommand } from './commands/query.js';
import { renderViewCommand } from './commands/render.js';
import { siteCommand } from './commands/site.js';
import { validateCommand } from './commands/validate.js';
import { type OptionName, parseArgv } from './options.js';
import { isIncomplete } from './session.js';
import { VERSION } from './version.js';

const HELP = `bos ${VERSION} — validate, analyse and export business-OS models (.bos)

Usage:
  bos validate [paths...] [--format text|json|sarif] [--max-warnings N] [--quiet]
               [--color auto|always|never] [--sarif-root DIR]
  bos analyze  [paths...] [--scenario NAME] [--format text|json] [--color auto|always|never]
               [--scale FACTOR] [--set NAME.PROPERTY=QUANTITY]... [--sweep FROM..TO [--steps N]]
  bos diff     [paths...] --base REV|DIR [--format text|json|markdown] [--fail-on WHAT,...]
  bos render   [paths...] [--view NAME | --focus NAME | --flow NAME] [--scenario NAME]
               [--theme light|dark] [-o FILE.svg|.png|.html] [--base REV|DIR] [--no-bundle]
  bos site     [paths...] -o FILE.html   (one offline page: every view, what-if, findings, search)
  bos format   [paths...] [--check]
  bos export   [paths...] [--to json|mermaid|plantuml|d2|structurizr|drawio|lqn] [--view NAME]
               [--scenario NAME] [-o FILE]
  bos import   FILE -o DIR  (a LikeC4 JSON export or a Structurizr workspace JSON as .bos files)
  bos query    impact NAME [--scenario S] | path FROM TO | uses NAME | who-uses NAME
               [paths...] [--format text|json]
  bos lsp      --stdio
  bos mcp      [paths...]   (Model Context Protocol server over stdio; never writes a file)
  bos --help | --version

Paths are files or folders (searched recursively for *.bos, skipping node_modules
and dot-folders); no path means the current folder. All files form one model.

Options:
  --format F         output format (validate: text, json, sarif; analyze: text, json;
                     diff: text, json, markdown)
  --max-warnings N   exit 1 when there are more than N warnings
  --quiet            print errors only (warnings still count for --max-warnings)
  --color WHEN       auto (default: on a terminal, unless NO_COLOR is set or TERM=dumb),
                     always or never
  --sarif-root DIR   (validate --format sarif) paths relative to DIR (default: the git
                     top level, else the current folder)
  --scenario NAME    analyse one scenario (qualified or short name); export --to lqn: its scenario
  --scale FACTOR     (analyze) what-if: every load rate times FACTOR (files are never changed)
  --set N.P=Q        (analyze) what-if: property P (capacity, latency, instances or
                     concurrency) of declaration N is Q, e.g. Business.PlaceOrder.instances=1200
                     or tmall.platforms.Business.PlaceOrder.latency=120ms; repeatable
  --sweep FROM..TO   (analyze) analyse at each scale from FROM to TO: per scale the
                     bottleneck's utilisation, s* and every flow's latency
  --steps N          (analyze --sweep) how many scales, 2 to 1000 (default 11)
  --view NAME        (render, export) the view to draw or export (default: the first view, or Overview)
  --focus NAME       (render) the focus view of a declaration (short or qualified name):
                     it, its children, and what they depend on and what depends on them
  --flow NAME        (render) a flow as a sequence view; with a scenario (default: the
                     first that loads it), each visit's share of its latency against the SLO
  --to F             (export) json (default: the resolved model), mermaid, plantuml, d2,
                     structurizr (workspace JSON), drawio, lqn (the LQN model of a scenario)
  --theme T          (render) light (default) or dark
  --no-bundle        (render) draw every edge on its own; by default 3 or more edges between
                     the same two containers are drawn as one, labelled with their count
  --base REV|DIR     (diff, render) compare with the same paths at a git revision (read from the
                     repository that holds them; nothing is checked out) or in a folder
                     (render: added and changed boxes marked, removed ones drawn faded)
  --fail-on WHAT     (diff) exit 1 when one holds, comma-separated: errors or warnings
                     introduced, cost (a cost per 10k rose), latency (a flow's rose),
                     saturation (a scenario's s* fell)
  --check            (format) change nothing; list the files that would change
  -o, --output FILE  write to FILE instead of standard output (import: the folder to write into)
  --stdio            (lsp) speak the Language Server Protocol on stdin/stdout
  -h, --help         show this help
  -v, --version      print the version

Exit status: 0 no errors; 1 the model has errors, too many warnings, or
files to format (format --check);
2 the command could not run (bad arguments, unreadable path, no .bos file).
`;

const COMMANDS: Readonly<Record<string, Command>> = {
    validate: validateCommand,
    analyze: analyzeCommand,
    diff: diffCommand,
    render: renderViewCommand,
    site: siteCommand,
    format: formatCommand,
    export: exportCommand,
    import: importCommand,
    query: queryCommand,
    lsp: lspCommand,
    mcp: mcpCommand,
};

export async function main(argv: string[]): Promise<number> {
    try {
        const { command, paths, values } = parseArgv(argv);
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
            const known = Object.keys(COMMANDS).join(', ');
            throw new UsageError(`unknown command '${command}' (commands: ${known}; see bos --help)`);
        }
        const given = (Object.keys(values) as OptionName[]).filter(k => values[k] !== undefined);
        const stray = given.find(k => !run.options.includes(k));
        if (stray) throw new UsageError(`bos ${command} does not take --${stray}`);
        const code = await run.run(paths, values);
        return isIncomplete() ? 2 : code;
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
