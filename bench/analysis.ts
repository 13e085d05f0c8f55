// Times the analysis alone on an already built workspace (argv: folder, runs).
import '../src/language/polyfill.js';
import { analyse } from '../src/analysis/scenario.js';
import { deriveFacts } from '../src/model/graph.js';
import { buildModel } from '../src/model/model.js';
import { loadWorkspace } from '../src/workspace/load.js';

async function main(dir: string, runs: number): Promise<void> {
    const ws = await loadWorkspace([dir]);
    const docs = ws.services.shared.workspace.LangiumDocuments.all.toArray();
    const times: number[] = [];
    let scenarios = 0;
    for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        const model = buildModel(docs);
        scenarios = analyse(model, deriveFacts(model)).scenarios.length;
        times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    process.stdout.write(JSON.stringify({ medianMs: times[Math.floor(times.length / 2)], scenarios }) + '\n');
}

void main(process.argv[2], Number(process.argv[3] ?? 5));
