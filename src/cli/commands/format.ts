// `bos format [--check]`: the canonical layout; a file that does not parse is never touched.
import { plural } from '../diagnostics.js';
import { formatFiles } from '../format.js';
import { load } from '../session.js';
import type { Command } from './command.js';

export const formatCommand: Command = {
    options: ['check'],
    async run(paths, values) {
        const { changed, unparsable } = await formatFiles(await load(paths), !!values.check);
        for (const file of unparsable) {
            process.stderr.write(`bos: ${file} does not parse; not formatted (see bos validate)\n`);
        }
        for (const file of changed) process.stdout.write(`${file}\n`);
        if (values.check) {
            process.stdout.write(
                changed.length
                    ? `${plural(changed.length, 'file')} would be reformatted\n`
                    : 'all files are formatted\n',
            );
        } else process.stdout.write(`${plural(changed.length, 'file')} reformatted\n`);
        return (values.check && changed.length) || unparsable.length ? 1 : 0;
    },
};
