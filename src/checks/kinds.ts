// bos/missing-kind and bos/unknown-kind: platforms, elements and resources choose a kind
// of their layer; view patterns name real kinds and layers.
import { closest } from 'fastest-levenshtein';
import type { BosModel } from '../model/model.js';
import { ALL_KINDS, article, KINDS, LAYERS } from '../model/vocabulary.js';
import { atName, type Finding, finding, label } from './finding.js';

function unknown(word: string, valid: readonly string[], what: string): string {
    return `'${word}' is not ${what}; did you mean '${closest(word, valid as string[])}'? (one of: ${
        valid.join(', ')
    })`;
}

export function checkKinds(model: BosModel): Finding[] {
    const out: Finding[] = [];
    for (const node of model.nodes) {
        const valid = KINDS[node.keyword];
        if (valid && node.id !== undefined) {
            if (node.kind === undefined) {
                out.push(
                    finding(
                        'bos/missing-kind',
                        `${node.keyword} ${label(node)} needs a kind: one of ${valid.join(', ')}`,
                        atName(node),
                    ),
                );
            } else if (!valid.includes(node.kind)) {
                out.push(
                    finding(
                        'bos/unknown-kind',
                        unknown(node.kind, valid, `${article(node.keyword)} ${node.keyword} kind`),
                        { node: node.source, property: 'kind' },
                    ),
                );
            }
        }
        for (const p of [...node.includes, ...node.excludes]) {
            if (p.type === 'kind' && p.kind !== undefined && !ALL_KINDS.includes(p.kind)) {
                out.push(
                    finding('bos/unknown-kind', unknown(p.kind, ALL_KINDS, 'a kind'), {
                        node: p.source,
                        property: 'kind',
                    }),
                );
            } else if (p.type === 'layer' && p.layer !== undefined && !(LAYERS as string[]).includes(p.layer)) {
                out.push(
                    finding('bos/unknown-kind', unknown(p.layer, LAYERS, 'a layer'), {
                        node: p.source,
                        property: 'layer',
                    }),
                );
            }
        }
    }
    return out;
}
