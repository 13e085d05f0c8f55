// Every option of the `bos` command, once; each command says which it takes
// (commands/*.ts). Parsing is node:util's; a bad flag or value is a UsageError.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../services/usage-error.js';

export const OPTIONS = {
    format: { type: 'string' },
    'max-warnings': { type: 'string' },
    quiet: { type: 'boolean' },
    scenario: { type: 'string' },
    output: { type: 'string', short: 'o' },
    stdio: { type: 'boolean' },
    check: { type: 'boolean' },
    view: { type: 'string' },
    focus: { type: 'string' },
    flow: { type: 'string' },
    theme: { type: 'string' },
    'no-bundle': { type: 'boolean' },
    scale: { type: 'string' },
    set: { type: 'string', multiple: true },
    sweep: { type: 'string' },
    steps: { type: 'string' },
    color: { type: 'string' },
    'sarif-root': { type: 'string' },
    base: { type: 'string' },
    'fail-on': { type: 'string' },
    to: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean', short: 'v' },
} satisfies ParseArgsConfig['options'];

export type OptionName = keyof typeof OPTIONS;

type ValueOf<K extends OptionName> = (typeof OPTIONS)[K] extends { multiple: true } ? string[]
    : (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean
    : string;

export type Values = { [K in OptionName]?: ValueOf<K> };

export interface ParsedArgs {
    command?: string;
    paths: string[];
    values: Values;
}

export function parseArgv(argv: string[]): ParsedArgs {
    let parsed;
    try {
        parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    } catch (err) {
        throw new UsageError((err as Error).message.split('\n')[0].replace(/\. To specify a positional.*$/, ''));
    }
    const [command, ...paths] = parsed.positionals;
    return { command, paths, values: parsed.values as Values };
}

/** The value of an option that takes one of a few words, or its default. */
export function oneOf<T extends string>(
    name: string,
    value: string | undefined,
    allowed: readonly T[],
    fallback: T,
): T {
    const v = value ?? fallback;
    if (!(allowed as readonly string[]).includes(v)) {
        throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, not '${v}'`);
    }
    return v as T;
}

export function outputFormat<T extends string>(values: Values, allowed: readonly T[]): T {
    return oneOf('format', values.format, allowed, allowed[0]);
}
