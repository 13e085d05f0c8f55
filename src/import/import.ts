// `bos import`, pure: the text of a LikeC4 JSON export or a Structurizr workspace in,
// BOS files (one per package) out, with what could not be mapped listed in a comment.
// Which tool wrote it is read from its shape, not from the file's name.
import { readLikeC4 } from './likec4.js';
import { mapSource } from './mapping.js';
import { ImportError, type ImportSource } from './source.js';
import { readStructurizr } from './structurizr.js';
import { type ImportedFile, writeFiles } from './writer.js';

export { ImportError } from './source.js';
export type { ImportedFile } from './writer.js';

export interface ImportResult {
    tool: ImportSource['tool'];
    files: ImportedFile[];
    declarations: number;
    notes: number;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function read(json: unknown): ImportSource {
    if (isObject(json) && isObject(json.elements) && isObject(json.relations)) return readLikeC4(json);
    if (isObject(json) && isObject(json.model)) return readStructurizr(json);
    throw new ImportError('is JSON, but neither a LikeC4 export (likec4 export json) nor a Structurizr workspace');
}

export function importModel(text: string, origin: string): ImportResult {
    let json: unknown;
    try {
        json = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (err) {
        throw new ImportError(`is not JSON (${(err as Error).message})`);
    }
    const source = read(json);
    if (!source.elements.length) {
        throw new ImportError(`has no elements to import (a ${source.tool} file without a model)`);
    }
    const model = mapSource(source);
    const name = source.name ? `${source.tool} "${source.name}" (${origin})` : `${source.tool} ${origin}`;
    const files = writeFiles(model, name);
    let declarations = 0;
    const count = (ds: { children: unknown[] }[]): void => {
        for (const d of ds) {
            declarations++;
            count(d.children as { children: unknown[] }[]);
        }
    };
    for (const ds of model.packages.values()) count(ds);
    return { tool: source.tool, files, declarations, notes: model.notes.length };
}
