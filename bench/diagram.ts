// Diagram benchmark: layout + SVG of the example, and of generated views of 200, 1,000
// and 2,000 nodes (about 1.5 edges a node). Prints one JSON line.
import '../src/language/polyfill.js';
import '../src/host/node-host.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from '../src/diagram/render.js';
import { findView } from '../src/diagram/view.js';
import { check } from '../test/helpers.js';

async function workspace(files: Record<string, string>) {
    return (await check(files)).result;
}

/** A stack of about `nodes` drawable declarations. */
function generated(nodes: number): string {
    const platforms = Math.max(2, Math.round(nodes / 40));
    const caps = Math.round(nodes * 0.45 / platforms);
    const groups = Math.max(1, Math.round(nodes / 80));
    const res = Math.round(nodes * 0.3 / groups);
    const elements = Math.round(nodes * 0.15);
    const actors = Math.max(1, nodes - platforms * (caps + 1) - groups * (res + 1) - elements);
    const out = ['package g'];
    for (let g = 0; g < groups; g++) {
        out.push(`infrastructure I${g} {`);
        for (let r = 0; r < res; r++) out.push(`  resource R${r} : compute${r ? ` { depends on R${r - 1} }` : ''}`);
        out.push('}');
    }
    for (let p = 0; p < platforms; p++) {
        out.push(`platform P${p} : business {`);
        for (let c = 0; c < caps; c++) {
            out.push(
                `  capability C${c} { runs on I${(p + c) % groups}.R${(c * 7) % res}${
                    c % 3 ? `  calls C${c - 1}` : ''
                } }`,
            );
        }
        out.push('}');
    }
    for (let e = 0; e < elements; e++) out.push(`element E${e} : sales { uses P${e % platforms}.C${e % caps} }`);
    for (let a = 0; a < actors; a++) out.push(`actor A${a} { uses E${a % elements} }`);
    return out.join('\n');
}

async function time(result: Awaited<ReturnType<typeof workspace>>, view: string | undefined, runs: number) {
    const choice = findView(result.model, view)!;
    const times: number[] = [];
    let nodes = 0;
    let folded = false;
    for (let i = 0; i < runs; i++) {
        const t = performance.now();
        const r = await render({
            model: result.model,
            analysis: result.analysis,
            view: choice,
            theme: 'light',
            layout: { timeoutMs: 60_000 },
        });
        times.push(performance.now() - t);
        nodes = r.diagram.nodes.length;
        folded = !!r.diagram.note;
    }
    times.sort((a, b) => a - b);
    return { ms: times[Math.floor(times.length / 2)], nodes, folded };
}

async function main(): Promise<void> {
    const files: Record<string, string> = {};
    for (const e of readdirSync('examples/double11', { withFileTypes: true, recursive: true })) {
        if (e.isFile() && e.name.endsWith('.bos')) {
            files[join(e.parentPath, e.name)] = readFileSync(join(e.parentPath, e.name), 'utf8');
        }
    }
    const example = await workspace(files);
    await time(example, 'Overview', 1); // warm up the JIT
    const out: Record<string, unknown> = { example: await time(example, 'Overview', 5) };
    for (const n of [200, 1000, 2000]) {
        out[`n${n}`] = await time(await workspace({ 'g.bos': generated(n) }), undefined, n > 500 ? 1 : 3);
    }
    process.stdout.write(JSON.stringify(out) + '\n');
}

void main();
