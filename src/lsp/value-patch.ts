// The commonest edit is a value typed over: a capacity from 5M/s to 6M/s, a weight, a
// latency, a title. It changes no name, no reference and no other token, so instead of
// parsing the file again the syntax tree is patched where it stands: the value, its
// token's text and length, and the positions of everything after it. The document keeps
// its syntax tree, so its links and every other document's links into it hold, and no
// file is linked again.
//
// It reaches into Langium 4.4's concrete syntax tree (the leaves' private positions, the
// composites' range cache, the root's text): a Langium upgrade must re-check it. The
// tests compare every patched tree with a fresh parse of the same text.
import { CstUtils, GrammarAST, type LangiumDocument, type LeafCstNode, type ValueConverter } from 'langium';

/** Langium's leaf and root internals that a patch rewrites. */
interface Leaf {
    _offset: number;
    _length: number;
    _startLine: number;
    _startColumn: number;
    _endLine: number;
    _endColumn: number;
}
interface Composite {
    content: (Leaf | Composite)[];
    _rangeCache?: unknown;
}

/**
 * The terminals a patch may rewrite, by how their text starts: no other token starts so,
 * and neither holds a line break.
 */
const VALUES: Readonly<Record<string, RegExp>> = { NUMBER: /^\d/, STRING: /^"/ };

/**
 * Patches `document`'s syntax tree to `text` when the two differ inside one number or
 * string token of a clean parse that holds a single value (`title=STRING`, not a list),
 * and `text` lexes the same but for it; true if it did. Positions after the token move by
 * the change in its length.
 */
export function patchValue(document: LangiumDocument, text: string, converter: ValueConverter): boolean {
    const { parseResult } = document;
    const root = parseResult.value.$cstNode?.root;
    if (!root || parseResult.lexerErrors.length || parseResult.parserErrors.length) return false;
    const old = root.fullText;
    if (old === text) return false;
    // The changed span: the common prefix and suffix are kept.
    let from = 0;
    const shortest = Math.min(old.length, text.length);
    while (from < shortest && old.charCodeAt(from) === text.charCodeAt(from)) from++;
    let back = 0;
    while (
        back < shortest - from && old.charCodeAt(old.length - 1 - back) === text.charCodeAt(text.length - 1 - back)
    ) back++;
    const to = old.length - back;
    const leaf = valueAround(root, from, to);
    if (!leaf) return false;
    const delta = text.length - old.length;
    const written = text.slice(leaf.offset, leaf.end + delta);
    if (!lexesAs(leaf, text, written)) return false;
    const assignment: unknown = leaf.grammarSource?.$container;
    if (!GrammarAST.isAssignment(assignment) || assignment.operator !== '=') return false;
    const value = converter.convert(written, leaf);
    // Positions first, while the leaf still has its old end.
    if (delta) shiftAfter(root as unknown as Composite, leaf, delta);
    const own = leaf as unknown as Leaf;
    own._length += delta;
    own._endColumn += delta;
    (root as unknown as { _text: string })._text = text;
    (leaf.astNode as unknown as Record<string, unknown>)[assignment.feature] = value;
    return true;
}

/** The value token that holds the whole changed span [from, to), if one does. */
function valueAround(root: LeafCstNode['root'], from: number, to: number): LeafCstNode | undefined {
    // A span at the token's very end (a digit typed after it) starts at the next token.
    for (const at of [from, from - 1]) {
        const leaf = at >= 0 ? CstUtils.findLeafNodeAtOffset(root, at) : undefined;
        if (leaf && !leaf.hidden && leaf.tokenType.name in VALUES && leaf.offset <= from && to <= leaf.end) {
            return leaf;
        }
    }
    return undefined;
}

/**
 * Whether the lexer would read `written` at the leaf's place in `text` as one token of
 * the leaf's kind: the text before is unchanged and no other token starts as it does, the
 * text after is unchanged, so the kind's own pattern decides where it ends.
 */
function lexesAs(leaf: LeafCstNode, text: string, written: string): boolean {
    if (!VALUES[leaf.tokenType.name].test(written)) return false;
    const pattern = leaf.tokenType.PATTERN;
    // Langium makes a terminal with the `u` or `s` flag a custom pattern: a function of the text and an offset.
    if (typeof pattern === 'function') return pattern(text, leaf.offset, [], {})?.[0] === written;
    if (!(pattern instanceof RegExp)) return false;
    const sticky = new RegExp(pattern.source, pattern.flags.replace('g', '') + 'y');
    sticky.lastIndex = leaf.offset;
    return sticky.exec(text)?.[0] === written;
}

/** Moves every leaf after `leaf` by `delta` (on its line, its columns too) and forgets the composites' ranges. */
function shiftAfter(root: Composite, leaf: LeafCstNode, delta: number): void {
    const end = leaf.end, line = leaf.range.start.line;
    const stack: (Leaf | Composite)[] = [root];
    while (stack.length) {
        const node = stack.pop()!;
        if ('content' in node) {
            node._rangeCache = undefined;
            for (const child of node.content) stack.push(child);
        } else if (node._offset >= end) {
            node._offset += delta;
            // A comment may start on the number's line and end on another.
            if (node._startLine === line) node._startColumn += delta;
            if (node._endLine === line) node._endColumn += delta;
        }
    }
}
