// Generates a synthetic BOS workspace: `total` declarations over `files` files in ten
// packages, with cross-file imports, flows and scenarios, so that validation and the
// analysis do real work. Deterministic: the same arguments give the same files.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function generate(dir, total, files = 100) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const per = Math.max(10, Math.round(total / files));
    // Per file: 1 infrastructure + r resources, 1 platform + c capabilities, e elements,
    // a actors, f flows, s scenarios, 1 view.
    const r = Math.max(1, Math.round(per * 0.2)),
        c = Math.max(1, Math.round(per * 0.4)),
        f = Math.max(1, Math.round(per * 0.05));
    const s = Math.max(1, Math.round(per * 0.02)), a = Math.max(1, Math.round(per * 0.05));
    const e = Math.max(1, per - (3 + r + c + f + s + a));
    let count = 0;
    for (let i = 0; i < files; i++) {
        const pkg = `bench.p${i % 10}`;
        const prev = i > 0 ? `bench.p${(i - 1) % 10}.Plat${i - 1}` : undefined;
        const out = [`package ${pkg}`, i > 0 ? `import bench.p${(i - 1) % 10}.*` : '', ''];
        out.push(`infrastructure Cloud${i} "云 ${i}" {`);
        for (let k = 0; k < r; k++) {
            const dep = k > 0 ? `\n    depends on R${k - 1} x 0.5` : '';
            out.push(
                `  resource R${k} "资源 ${k}" : ${
                    ['compute', 'database', 'cache', 'messaging'][k % 4]
                } {\n    capacity ${50 + k}M/s\n    cost 0.0${1 + (k % 9)} CNY per 10k${dep}\n  }`,
            );
        }
        out.push(
            '}',
            '',
            `platform Plat${i} "中台 ${i}" : ${['business', 'data', 'intelligence', 'collaboration'][i % 4]} {`,
        );
        for (let k = 0; k < c; k++) {
            const calls = k > 0 ? `\n    calls C${k - 1}` : prev ? `\n    calls Plat${i - 1}.C0` : '';
            out.push(
                `  capability C${k} "能力 ${k}" {\n    runs on Cloud${i}.R${k % r}, Cloud${i}.R${
                    (k * 7) % r
                } x 2${calls}\n    capacity ${5 + k}M/s\n    latency ${10 + k}ms\n  }`,
            );
        }
        out.push('}', '');
        const kinds = [
            'brand',
            'product',
            'sales',
            'marketing',
            'channel',
            'manufacturing',
            'service',
            'finance',
            'logistics',
            'organization',
            'it',
        ];
        for (let k = 0; k < e; k++) {
            out.push(
                `element E${i}_${k} "要素 ${k}" : ${kinds[k % 11]} { uses Plat${i}.C${k % c}, Plat${i}.C${
                    (k * 3) % c
                } }`,
            );
        }
        for (let k = 0; k < a; k++) out.push(`actor A${i}_${k} { uses E${i}_${k % Math.max(1, e)} }`);
        for (let k = 0; k < f; k++) {
            out.push(
                `flow F${i}_${k} {\n  from A${i}_${k % a}\n  step Plat${i}.C${(k * 5) % c} x 2\n  step Plat${i}.C${
                    c - 1
                }\n}`,
            );
        }
        for (let k = 0; k < s; k++) {
            out.push(
                `scenario S${i}_${k} "峰值 ${k}" {\n  load F${i}_${k % f} ${10 + k}k/s\n  budget 500 CNY per 10k\n}`,
            );
        }
        out.push(`view V${i} { include Plat${i}.*, Cloud${i}.* }`);
        count += 3 + r + c + e + a + f + s;
        writeFileSync(join(dir, `file${String(i).padStart(3, '0')}.bos`), out.join('\n') + '\n');
    }
    return count;
}

/**
 * Rewrites the workspace's files with or without the performance model's inputs: with
 * `on`, every capability and resource that declares a capacity also declares `latency`
 * and `instances` right after it; without, no declaration has either. Everything else
 * stays as it was, so the two variants differ only in those properties.
 */
export function setPerformance(dir, on) {
    for (const name of readdirSync(dir).filter(f => f.endsWith('.bos'))) {
        const file = join(dir, name);
        let text = readFileSync(file, 'utf8').replace(/^[ \t]*(?:latency|instances)\b[^\n]*\n/gm, '');
        if (on) {
            text = text.replace(/^([ \t]*)capacity ([^\n]*)\n/gm, '$1capacity $2\n$1latency 20ms\n$1instances 100\n');
        }
        writeFileSync(file, text);
    }
}
