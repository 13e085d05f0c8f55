#!/usr/bin/env node
// The `bos` command (spec: cli.md). Exit 0: no errors; 1: the model has errors (or too
// many warnings); 2: the command could not run, with one line on stderr. Each command
// lives in commands/ with the options it takes.
import '../language/polyfill.js';
import { UsageError } from '../workspace/files.js';
import { analyzeCommand } from './commands/analyze.js';
import type { Command } from './commands/command.js';
import { formatCommand } from './commands/format.js';
import { lspCommand } from './commands/lsp.js';
import { exportCommand } from './commands/model-export.js';
import { renderViewCommand } from './commands/render.js';
import { validateCommand } from './commands/validate.js';
import { type OptionName, parseArgv } from './options.js';
import { isIncomplete } from './session.js';
import { VERSION } from './version.js';

const HELP = `bos ${VERSION} — validate, analyse and export business-OS models (.bos)

Usage:
  bos validate [paths...] [--format text|json|sarif] [--max-warnings N] [--quiet]
               [--color auto|always|never] [--sarif-root DIR]
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
  --color WHEN       auto (default: on a terminal, unless NO_COLOR is set or TERM=dumb),
                     always or never
  --sarif-root DIR   (validate --format sarif) paths relative to DIR (default: the git
                     top level, else the current folder)
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

const COMMANDS: Readonly<Record<string, Command>> = {
    validate: validateCommand,
    analyze: analyzeCommand,
    render: renderViewCommand,
    format: formatCommand,
    export: exportCommand,
    lsp: lspCommand,
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
