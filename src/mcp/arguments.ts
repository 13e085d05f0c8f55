// A tool's arguments checked against its schema, with what is wrong said in one line:
// the first problem, named by its argument (`scale: expected a number, not a string`).
import type * as z from 'zod/v4';
import { ToolError } from './tool-error.js';

export function parseArguments<S extends z.ZodObject>(tool: string, schema: S, args: unknown): z.infer<S> {
    const parsed = schema.safeParse(args ?? {});
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const takes = Object.keys(schema.shape);
    throw new ToolError(`${tool}: ${describe(issue, valueAt(args, issue.path), takes)}`);
}

/** What the client sent at an issue's path (zod's issues do not carry it). */
function valueAt(args: unknown, path: readonly PropertyKey[]): unknown {
    let value = args;
    for (const key of path) {
        if (value === null || typeof value !== 'object') return undefined;
        value = (value as Record<PropertyKey, unknown>)[key];
    }
    return value;
}

function describe(issue: z.core.$ZodIssue, input: unknown, takes: readonly string[]): string {
    const at = issue.path.map(p => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
    const name = at ? `'${at}'` : 'the arguments';
    switch (issue.code) {
        case 'unrecognized_keys':
            return `no argument ${issue.keys.map(k => `'${k}'`).join(', ')} (it takes ${takes.join(', ') || 'none'})`;
        case 'invalid_type':
            return input === undefined
                ? `${name} is required`
                : `${name} must be ${issue.expected === 'int' ? 'a whole number' : article(issue.expected)}, not ${
                    kindOf(input)
                }`;
        case 'invalid_value':
            return `${name} must be one of ${issue.values.map(v => String(v)).join(', ')}, not ${
                JSON.stringify(input) ?? 'nothing'
            }`;
        case 'too_small':
            return issue.origin === 'string'
                ? `${name} must not be empty`
                : `${name} must be at least ${String(issue.minimum)}`;
        case 'too_big':
            return `${name} must be at most ${String(issue.maximum)}`;
        default:
            return `${name}: ${issue.message}`;
    }
}

function kindOf(value: unknown): string {
    if (value === null) return 'null';
    if (typeof value === 'number') return String(value);
    if (Array.isArray(value)) return 'an array';
    return article(typeof value);
}

function article(word: string): string {
    return `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`;
}
