// Writes the LikeC4 equivalent of a BOS workspace for `npm run bench:peer`: the same
// declarations as elements (one element kind per BOS keyword, nested as in BOS), every
// dependency as a relation, one `.c4` file per `.bos` file. It reads the workspace
// through `bos export` (the JSON of the resolved model), so whatever generated the BOS
// workspace, both tools get the same number of elements, the same nesting and the same
// relations. Views are left out on both sides' terms: `bos validate` draws none, and
// `likec4 validate --no-layout` is asked not to lay any out.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A LikeC4 identifier: letters, digits and underscores, not starting with a digit. */
const ident = name => name.replace(/[^A-Za-z0-9_]/g, '_').replace(/^(\d)/, '_$1');
/** BOS keywords such as `view` are LikeC4 keywords too: element kinds get a prefix. */
const kind = keyword => `bos_${ident(keyword)}`;
const quote = text => `'${String(text ?? '').replace(/[\\']/g, ' ')}'`;

export function writePeerModel(bosDir, outDir, cli = 'out/cli.cjs') {
    const r = spawnSync(process.execPath, [cli, 'export', bosDir], { encoding: 'utf8', maxBuffer: 1 << 30 });
    if (r.status !== 0) throw new Error(`bos export ${bosDir} failed: ${r.stderr.slice(0, 300)}`);
    const { declarations } = JSON.parse(r.stdout);
    const byName = new Map(declarations.map(d => [d.name, d]));
    const children = new Map();
    for (const d of declarations) if (d.parent) children.set(d.parent, [...(children.get(d.parent) ?? []), d]);
    // LikeC4 names top-level elements across the whole project, BOS within a package.
    const fqn = new Map();
    const place = (d, prefix) => {
        const id = prefix ? `${prefix}.${ident(d.name.split('.').pop())}` : ident(d.name);
        fqn.set(d.name, id);
        for (const c of children.get(d.name) ?? []) place(c, id);
    };
    for (const d of declarations) if (!d.parent) place(d, '');

    const element = (d, indent) => {
        const inner = (children.get(d.name) ?? []).map(c => element(c, `${indent}  `));
        const head = `${indent}${kind(d.keyword)} ${fqn.get(d.name).split('.').pop()} ${quote(d.title ?? d.name)}`;
        return inner.length ? `${head} {\n${inner.join('\n')}\n${indent}}` : head;
    };
    const files = new Map();
    for (const d of declarations) {
        const file = files.get(d.file) ?? { elements: [], relations: [] };
        files.set(d.file, file);
        if (!d.parent) file.elements.push(element(d, '  '));
        for (const dep of d.dependencies ?? []) {
            if (byName.has(dep.target)) {
                file.relations.push(`  ${fqn.get(d.name)} -> ${fqn.get(dep.target)} ${quote(dep.relation)}`);
            }
        }
    }
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });
    const kinds = [...new Set(declarations.map(d => kind(d.keyword)))].sort();
    writeFileSync(
        join(outDir, 'spec.c4'),
        `specification {\n${kinds.map(k => `  element ${k}`).join('\n')}\n}\n`,
    );
    let relations = 0;
    /** BOS file (as `bos export` names it) → the LikeC4 file written for it. */
    const written = new Map();
    for (const [bosFile, { elements, relations: rel }] of files) {
        relations += rel.length;
        const name = join(outDir, `m${String(written.size).padStart(3, '0')}.c4`);
        writeFileSync(name, `model {\n${[...elements, ...rel].join('\n')}\n}\n`);
        written.set(bosFile, name);
    }
    return { elements: declarations.length, relations, files: written };
}
