// Times the analysis alone on an already built workspace (argv: folder, runs): building
// the resolved model, its facts, the analysis and the checks, each phase's median.
import '../src/language/polyfill.js';
import { analyse } from '../src/analysis/scenario.js';
import { MODEL_CHECKS, runChecks } from '../src/checks/index.js';
import { deriveFacts } from '../src/model/graph.js';
import { buildModel } from '../src/model/model.js';
import { loadWorkspace } from '../src/workspace/load.js';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(dir: string, runs: number): Promise<void> {
    const ws = await loadWorkspace([dir]);
    const docs = ws.services.shared.workspace.LangiumDocuments.all.toArray();
    const times: number[] = [];
    const phases = { model: [] as number[], facts: [] as number[], analysis: [] as number[], checks: [] as number[] };
    let scenarios = 0;
    for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        const model = buildModel(docs);
        const t1 = performance.now();
        const facts = deriveFacts(model);
        const t2 = performance.now();
        const analysis = analyse(model, facts);
        scenarios = analysis.scenarios.length;
        const t3 = performance.now();
        runChecks(model, facts, analysis, () => undefined, MODEL_CHECKS);
        const t4 = performance.now();
        times.push(t3 - t0);
        phases.model.push(t1 - t0);
        phases.facts.push(t2 - t1);
        phases.analysis.push(t3 - t2);
        phases.checks.push(t4 - t3);
    }
    process.stdout.write(
        JSON.stringify({
            medianMs: median(times),
            scenarios,
            phases: Object.fromEntries(Object.entries(phases).map(([k, v]) => [k, median(v)])),
        }) + '\n',
    );
}

void main(process.argv[2], Number(process.argv[3] ?? 5));
