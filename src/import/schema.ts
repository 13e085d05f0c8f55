// What both readers share for checking an input's shape with zod: one line naming the
// first place that does not fit.
import type * as z from 'zod/v4';
import { ImportError } from './source.js';

export function parsed<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    const issue = result.error.issues[0];
    const where = issue.path.length ? ` at ${issue.path.join('.')}` : '';
    throw new ImportError(`not a valid ${what}${where}: ${issue.message}`);
}
