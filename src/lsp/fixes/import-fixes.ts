// Quick fix for a reference that names a declaration of another package: add its import.
import { type AstNode, AstUtils, GrammarUtils, type LangiumDocument } from 'langium';
import * as ast from '../../language/generated/ast.js';
import { packageOf } from '../../language/names.js';
import { type Fix, insertion } from './fix.js';

/** `import pkg.X` for each package that declares what the reference names; `names`: every qualified name. */
export function addImport(document: LangiumDocument, node: AstNode, names: Iterable<string>): Fix[] {
    const ref = AstUtils.streamReferences(node).head();
    const root = document.parseResult.value;
    if (!ref || !ast.isModel(root)) return [];
    const text = ref.reference.$refText;
    const first = text.split('.')[0];
    const own = packageOf(root);
    const imports = new Set<string>();
    for (const name of names) {
        if (!name.endsWith(`.${text}`)) continue;
        const prefix = name.slice(0, -text.length - 1);
        if (prefix !== own) imports.add(`${prefix}.${first}`);
    }
    const anchor = root.imports.at(-1)?.$cstNode ?? GrammarUtils.findNodeForProperty(root.$cstNode, 'package');
    const edit = (path: string) =>
        anchor
            ? insertion(anchor.range.end, `\nimport ${path}`)
            : insertion({ line: 0, character: 0 }, `import ${path}\n`);
    return [...imports].sort().map((path, i) => ({
        title: `Add 'import ${path}'`,
        preferred: i === 0,
        edits: [edit(path)],
    }));
}
