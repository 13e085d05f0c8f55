// `bos import FILE -o DIR`: a LikeC4 JSON export or a Structurizr workspace as BOS files
// in DIR, one per package, checked and formatted in memory first. A file that cannot be
// read, is not JSON, or is JSON of another tool is one line and exit 2; nothing is
// written then, and an existing file is never overwritten.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { ImportError, importModel } from '../../import/import.js';
import { decodeSource } from '../../services/source-problems.js';
import { UsageError } from '../../services/usage-error.js';
import { loadSources } from '../../workspace/load-sources.js';
import { collectRows, displayPath, plural, summarise, summaryLine } from '../diagnostics.js';
import { canonicalText } from '../format.js';
import { progressLine } from '../terminal.js';
import type { Command } from './command.js';

function readInput(file: string): string {
    let bytes: Buffer;
    try {
        bytes = readFileSync(file);
    } catch (err) {
        throw new UsageError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    const source = decodeSource(file, bytes);
    if ('error' in source) throw new UsageError(`${file}: ${source.error}`);
    return source.text;
}

/** `big-bank.workspace.json` → `big-bank`: the name of the file without a package. */
function stem(file: string): string {
    return basename(file).replace(/\.json$/i, '').replace(/\.workspace$/i, '') || 'model';
}

function checkFolder(dir: string): void {
    if (existsSync(dir) && !statSync(dir).isDirectory()) throw new UsageError(`${dir} is not a folder`);
}

export const importCommand: Command = {
    options: ['output'],
    async run(paths, values) {
        if (paths.length !== 1) {
            throw new UsageError('bos import takes one FILE (a LikeC4 JSON export or a Structurizr workspace JSON)');
        }
        const dir = values.output;
        if (dir === undefined) throw new UsageError('bos import needs -o DIR, the folder to write the model into');
        const [file] = paths;
        const text = readInput(file);
        let result;
        try {
            result = importModel(text, basename(file));
        } catch (err) {
            if (err instanceof ImportError) throw new UsageError(`${file} ${err.message}`);
            throw err;
        }
        checkFolder(dir);
        const outputs = result.files.map(f => ({
            path: resolve(join(dir, `${f.package || stem(file)}.bos`)),
            text: f.text,
        }));
        const existing = outputs.find(o => existsSync(o.path));
        if (existing) throw new UsageError(`${displayPath(existing.path)} exists; bos import never overwrites a file`);

        const progress = progressLine(process.stderr);
        let ws;
        try {
            ws = await loadSources(
                outputs.map(o => ({ ...o, bom: false })),
                (done, total) => progress.update(done, total, 'checking the import'),
            );
        } finally {
            progress.clear();
        }
        const texts = await Promise.all(ws.files.map(f => canonicalText(ws, f)));
        try {
            mkdirSync(dir, { recursive: true });
            outputs.forEach((o, i) => writeFileSync(o.path, texts[i] ?? o.text));
        } catch (err) {
            throw new UsageError(`cannot write into ${dir}: ${(err as Error).message}`);
        }
        const summary = summarise(collectRows(ws.files));
        for (const o of outputs) process.stdout.write(`${displayPath(o.path)}\n`);
        const notes = result.notes ? `; ${plural(result.notes, 'thing')} not mapped, listed at the top` : '';
        process.stdout.write(`imported ${plural(result.declarations, 'declaration')} from ${result.tool}${notes}\n`);
        process.stdout.write(`${summaryLine(summary, outputs.length)} (bos validate ${displayPath(resolve(dir))})\n`);
        return summary.errors > 0 ? 1 : 0;
    },
};
