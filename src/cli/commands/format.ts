// `bos format [--check]`: the canonical layout; a file that does not parse is never touched.
import { plural } from '../diagnostics.js';
import { formatFiles, type FormatOutcome } from '../format.js';
import { load } from '../session.js';
import type { Command } from './command.js';

/** The last line: what changed (or would), and never "all files are formatted" while some did not parse. */
function summary({ changed, unparsable }: FormatOutcome, check: boolean, skipped: string): string {
    const files = plural(changed.length, 'file');
    let line = `${files} reformatted`;
    if (check) line = changed.length || unparsable.length ? `${files} would be reformatted` : 'all files are formatted';
    if (unparsable.length) {
        const verb = unparsable.length === 1 ? 'does' : 'do';
        line += `; ${plural(unparsable.length, 'file')} ${verb} not parse (${skipped})`;
    }
    return line;
}

export const formatCommand: Command = {
    options: ['check'],
    async run(paths, values) {
        const check = !!values.check;
        const outcome = await formatFiles(await load(paths), check);
        const skipped = check ? 'not checked' : 'not formatted';
        for (const file of outcome.unparsable) {
            process.stderr.write(`bos: ${file} does not parse; ${skipped} (see bos validate)\n`);
        }
        for (const file of outcome.changed) process.stdout.write(`${file}\n`);
        process.stdout.write(`${summary(outcome, check, skipped)}\n`);
        return (check && outcome.changed.length) || outcome.unparsable.length ? 1 : 0;
    },
};
