// BOS text for the mapped model, one file per package: a header naming the source and
// listing what was not mapped, then every declaration in the canonical layout (the CLI
// runs the formatter over it as well, so the layout has one definition).
import { PROPERTIES, type Property } from '../model/properties.js';
import { type Declaration, type MappedModel, qualified } from './declarations.js';
import { written } from './identifiers.js';

export interface ImportedFile {
    /** The file's package; '' for the file without one. */
    package: string;
    text: string;
}

const quote = (text: string) => JSON.stringify(text);
/** A comment's text on one line, without control characters. */
const oneLine = (text: string) => text.replace(/[\s\p{Cc}]+/gu, ' ').trim();

function reference(d: Declaration): string {
    const [first, ...rest] = qualified(d).split('.');
    return [written(first), ...rest].join('.');
}

function propertyLine([word, text]: [string, string]): string {
    const sort = PROPERTIES[word as Property].value.sort;
    return sort === 'text' ? `${word} ${quote(text)}` : `${word} ${text}`;
}

function body(d: Declaration): string[] {
    const lines: string[] = [];
    if (d.description !== undefined) lines.push(`description ${quote(d.description)}`);
    if (d.tags.length) lines.push(`tags ${d.tags.map(quote).join(', ')}`);
    lines.push(...d.properties.map(propertyLine));
    for (const dep of d.dependencies) {
        const weight = dep.weight === undefined ? '' : ` x ${dep.weight}`;
        const comment = dep.comment ? ` // ${oneLine(dep.comment)}` : '';
        lines.push(`${dep.relation} ${reference(dep.target)}${weight}${comment}`);
    }
    if (d.includes.length) lines.push(`include ${d.includes.map(reference).join(', ')}`);
    for (const child of d.children) lines.push('', ...block(child));
    return lines;
}

function block(d: Declaration): string[] {
    const title = d.title === undefined ? '' : ` ${quote(d.title)}`;
    const kind = d.kind === undefined ? '' : ` : ${d.kind}`;
    const header = `${d.keyword} ${written(d.name)}${title}${kind}`;
    const inner = body(d);
    if (!inner.length) return [header];
    const start = inner[0] === '' ? 1 : 0;
    return [`${header} {`, ...inner.slice(start).map(l => (l ? `  ${l}` : l)), '}'];
}

export function writeFiles(model: MappedModel, origin: string): ImportedFile[] {
    const files: ImportedFile[] = [];
    let first = true;
    for (const [pkg, declarations] of model.packages) {
        const header = [`// Imported by bos import from ${oneLine(origin)}.`];
        // The notes go into the first file only, once.
        if (first && model.notes.length) {
            header.push('// Not mapped:', ...model.notes.map(n => `// - ${oneLine(n)}`));
        }
        first = false;
        const parts = [header.join('\n')];
        if (pkg) parts.push(`package ${pkg}`);
        for (const d of declarations) parts.push(block(d).join('\n'));
        files.push({ package: pkg, text: parts.join('\n\n') + '\n' });
    }
    return files;
}
