// The model's facts (cycles, the load graph), derived once per model: the workspace result
// keeps the analysis but not the graph it ran on, and a question or a what-if run needs it.
import { deriveFacts, type ModelFacts } from '../model/graph.js';
import type { BosModel } from '../model/model.js';

const facts = new WeakMap<BosModel, ModelFacts>();

export function factsOf(model: BosModel): ModelFacts {
    let found = facts.get(model);
    if (!found) facts.set(model, found = deriveFacts(model));
    return found;
}
