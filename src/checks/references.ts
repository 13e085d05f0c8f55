// bos/target-kind, and bos/unresolved for imports (the linker reports other references).
import { importRule } from '../language/scope.js';
import type { BosModel, ModelNode } from '../model/model.js';
import { expectedTargets, fits } from '../model/relations.js';
import { article } from '../model/vocabulary.js';
import { type Finding, finding, label } from './finding.js';

export function checkTargetKinds(nodes: readonly ModelNode[]): Finding[] {
    const out: Finding[] = [];
    for (const node of nodes) {
        for (const d of node.deps) {
            if (!d.target || fits(d.relation, d.target.keyword)) continue;
            out.push(
                finding(
                    'bos/target-kind',
                    `'${d.relation}' needs ${expectedTargets(d.relation)}, but ${label(d.target)} is ${
                        article(d.target.keyword)
                    } ${d.target.keyword}`,
                    { node: d.source, property: d.property },
                ),
            );
        }
    }
    return out;
}

export function checkImports(model: BosModel): Finding[] {
    const out: Finding[] = [];
    for (const file of model.files) {
        for (const imp of file.source.imports) {
            if (!imp.path) continue;
            const rule = importRule(imp.path, imp.alias);
            const found = rule.wildcard ? model.packages.has(rule.path) : model.byId.has(rule.path);
            if (!found) {
                out.push(
                    finding(
                        'bos/unresolved',
                        rule.wildcard ? `no package named '${rule.path}'` : `'${rule.path}' names no declaration`,
                        { node: imp, property: 'path' },
                    ),
                );
            }
        }
    }
    return out;
}
