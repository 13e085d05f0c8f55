// bos/missing-kind and bos/unknown-kind: platforms, elements and resources choose a kind
// of their layer; view patterns name real kinds and layers. Each finding carries the
// words its quick fix offers, best first.
import { closest } from 'fastest-levenshtein';
import type { ModelNode } from '../model/model.js';
import { ALL_KINDS, article, kindsOf, LAYERS } from '../model/vocabulary.js';
import { atName, type Finding, finding, label, type Place } from './finding.js';

function unknown(word: string, valid: readonly string[], what: string, place: Place): Finding {
    const best = closest(word, valid as string[]);
    const message = `'${word}' is not ${what}; did you mean '${best}'? (one of: ${valid.join(', ')})`;
    return finding('bos/unknown-kind', message, place, undefined, {
        choices: [best, ...valid.filter(v => v !== best)],
    });
}

/** Reads each declaration's own values only: run per file (`LocalCheck`). */
export function checkKinds(nodes: readonly ModelNode[]): Finding[] {
    const out: Finding[] = [];
    for (const node of nodes) {
        const valid = kindsOf(node.keyword);
        if (valid && node.id !== undefined) {
            if (node.kind === undefined) {
                const message = `${node.keyword} ${label(node)} needs a kind: one of ${valid.join(', ')}`;
                out.push(finding('bos/missing-kind', message, atName(node), undefined, { choices: [...valid] }));
            } else if (!valid.includes(node.kind)) {
                const what = `${article(node.keyword)} ${node.keyword} kind`;
                out.push(unknown(node.kind, valid, what, { node: node.source, property: 'kind' }));
            }
        }
        for (const p of [...node.includes, ...node.excludes]) {
            if (p.type === 'kind' && p.kind !== undefined && !ALL_KINDS.includes(p.kind)) {
                out.push(unknown(p.kind, ALL_KINDS, 'a kind', { node: p.source, property: 'kind' }));
            } else if (p.type === 'layer' && p.layer !== undefined && !(LAYERS as string[]).includes(p.layer)) {
                out.push(unknown(p.layer, LAYERS, 'a layer', { node: p.source, property: 'layer' }));
            }
        }
    }
    return out;
}
