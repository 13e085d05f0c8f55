// The preview's what-if is `bos analyze --scale … --set …`: the command it offers to
// copy, run as a process, gives the numbers the preview drew.
import { describe, expect, it } from 'vitest';
import { parseFromWebview } from '../src/lsp/protocol.js';
import { previewAnalysis, shellWord } from '../src/lsp/what-if-request.js';
import { bos, needsBuild } from './bos-process.js';
import { exampleFiles } from './example-files.js';
import { check } from './helpers.js';

/** The words of a command line as a POSIX shell splits them (plain words and single quotes). */
function words(line: string): string[] {
    return [...line.matchAll(/'((?:[^']|'\\'')*)'|(\S+)/g)].map(m => m[2] ?? m[1].replace(/'\\''/g, "'"));
}

describe('the preview what-if replayed by bos analyze', () => {
    it('copies a command whose run gives the very utilisations the preview drew', async () => {
        needsBuild();
        const { result } = await check(exampleFiles());
        const sets = [
            { name: 'tmall.platforms.Business.PlaceOrder', property: 'capacity', value: '800k/s' },
            { name: 'tmall.cloud.AlibabaCloud.Tair', property: 'instances', value: '50k' },
        ] as const;
        const { analysis, answer } = previewAnalysis({ scale: 1.3, sets: [...sets] }, result, 0.2);
        expect(answer?.problem).toBeUndefined();
        expect(answer?.summary).toMatch(/^what-if \(files unchanged\): every load ×1.3; /);
        const [program, ...args] = words(answer!.command!);
        expect(program).toBe('bos');
        const run = bos('examples/double11', [...args, '--format', 'json']);
        expect(run.code, run.err).toBe(0);
        const replayed = JSON.parse(run.out) as {
            scenarios: { name: string; nodes: { name: string; utilisation: number | null }[] }[];
        };
        const drawn = analysis.scenarios.flatMap(s =>
            s.nodes.map(l => [`${s.scenario.id} ${l.node.id}`, l.utilisation ?? null])
        );
        const ran = replayed.scenarios.flatMap(s => s.nodes.map(n => [`${s.name} ${n.name}`, n.utilisation]));
        expect(drawn.length).toBeGreaterThan(10);
        expect(ran).toEqual(drawn);
    });

    it('refuses what bos analyze refuses, with its words', async () => {
        const { result } = await check(exampleFiles());
        const bad = previewAnalysis(
            { sets: [{ name: 'tmall.nothing.Here', property: 'capacity', value: '1k/s' }] },
            result,
            0.2,
        );
        expect(bad.answer?.problem).toMatch(/^what-if not applied: --set .*no declaration named 'tmall.nothing.Here'/);
        expect(bad.analysis).toBe(result.analysis);
        const zero = previewAnalysis(
            { sets: [{ name: 'tmall.platforms.Business.Pay', property: 'capacity', value: '0/s' }] },
            result,
            0.2,
        );
        expect(zero.answer?.problem).toMatch(/a capacity of 0 counts as none/);
        expect(previewAnalysis({ scale: Number.NaN }, result, 0.2).answer?.problem).toMatch(/not NaN$/);
    });

    it('takes from the page only well-formed what-if messages', () => {
        const set = { name: 'a.B', property: 'capacity', value: '1k/s' };
        expect(parseFromWebview({ type: 'whatIf', whatIf: { scale: 1.3, sets: [set] } })).toEqual({
            type: 'whatIf',
            whatIf: { scale: 1.3, sets: [set] },
        });
        expect(parseFromWebview({ type: 'copyWhatIf', text: 'rm -rf /' })).toEqual({ type: 'copyWhatIf' });
        for (
            const whatIf of [
                null,
                { scale: '1.3' },
                { sets: [{ ...set, property: 'latency' }] },
                { sets: [{ ...set, value: 5 }] },
                { sets: [{ ...set, value: 'x'.repeat(101) }] },
                { sets: Array.from({ length: 101 }, () => set) },
                { sets: 'a.B.capacity=1k/s' },
            ]
        ) {
            expect(parseFromWebview({ type: 'whatIf', whatIf })).toBeUndefined();
        }
    });

    it('quotes only the words a shell would split or expand', () => {
        expect(shellWord('tmall.platforms.Business.Pay.capacity=1.2M/s')).toBe(
            'tmall.platforms.Business.Pay.capacity=1.2M/s',
        );
        expect(shellWord('a.订单.instances=2')).toBe("'a.订单.instances=2'");
        expect(words(shellWord("it's $HOME"))).toEqual(["it's $HOME"]);
    });
});
