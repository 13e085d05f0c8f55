// A generated stack of drawable declarations, for the diagram and what-if benchmarks.

/** A stack of about `nodes` drawable declarations. */
export function generated(nodes: number): string {
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
