// Property-based (fast-check, seeded): random Structurizr workspaces and LikeC4 exports —
// names in any script, emoji, reserved words, digits first, empty; relations between any
// two elements, themselves included, in cycles and up the stack; components, deployment
// nodes, instances, views — always import into BOS that parses and validates without
// one error, and whose notes lie in comments.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importModel } from '../src/import/import.js';
import { ALL_KINDS, DECLARATION_KEYWORDS } from '../src/model/vocabulary.js';
import { check } from './helpers.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_201);
/** About 0.2 s an input on this machine; room for a loaded one. */
const TIMEOUT = Math.max(30_000, RUNS * 1_000);

const WORDS = ['Database', 'Queue', 'Redis', 'Kafka', 'S3', 'GPU', 'Route 53', 'Java', 'ML', 'Data', 'Mail', 'person'];
const name = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 12 }),
    fc.constantFrom('platform', 'flow', 'view', 'uses', '3D', 'A-B', 'café', 'e\u0301', '交易中台', '🚀', '', ' '),
);
const tags = fc.subarray(WORDS, { maxLength: 3 }).map(t => t.join(','));
/** What a BOS export writes, or a hand-edited workspace: any keyword, name, kind, capacity. */
const hint = fc.option(
    fc.record({
        'bos.keyword': fc.constantFrom(...DECLARATION_KEYWORDS, 'bogus'),
        'bos.name': fc.oneof(name, name.map(n => `pkg.${n}`), fc.constantFrom('a.b.C', 'platform.X', 'tmall.Y')),
        'bos.kind': fc.constantFrom(...ALL_KINDS, 'bogus', ''),
        capacity: fc.constantFrom('10k/s', 'fast', '3ms', '2 k/s', '0.5/s', '1e5/s'),
        cost: fc.constantFrom('0.1 CNY per 10k', '1 per 2', 'x'),
    }),
    { nil: undefined },
);
const technology = fc.option(fc.constantFrom(...WORDS), { nil: undefined });

interface Tree {
    name: string;
    tags: string;
    technology?: string;
    bos?: Record<string, string>;
    children: Tree[];
}
const leaf = fc.record({ name, tags, technology, bos: hint, children: fc.constant([] as Tree[]) });
const container = fc.record({ name, tags, technology, bos: hint, children: fc.array(leaf, { maxLength: 3 }) });
const system = fc.record({ name, tags, technology, bos: hint, children: fc.array(container, { maxLength: 3 }) });

const shape = fc.record({
    people: fc.array(fc.record({ name, tags }), { maxLength: 3 }),
    systems: fc.array(system, { minLength: 1, maxLength: 4 }),
    nodes: fc.array(fc.record({ name, tags, technology, children: fc.array(leaf, { maxLength: 2 }) }), {
        maxLength: 2,
    }),
    /** Pairs of indices into every element, taken modulo their number. */
    relations: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.option(name, { nil: undefined })), { maxLength: 12 }),
    instances: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 4 }),
    views: fc.array(fc.tuple(name, fc.array(fc.nat(), { maxLength: 5 })), { maxLength: 3 }),
});
type Shape = typeof shape extends fc.Arbitrary<infer T> ? T : never;

function structurizr(s: Shape): string {
    let next = 1;
    const structure: { id: string; relationships: object[] }[] = [];
    const nodes: string[] = [];
    const element = (t: { name: string; tags: string; technology?: string; bos?: object }, type: string) => {
        const e = {
            id: String(next++),
            name: t.name,
            tags: `Element,${type},${t.tags}`,
            technology: t.technology,
            properties: t.bos,
            relationships: [],
        };
        structure.push(e);
        return e;
    };
    const people = s.people.map(p => element(p, 'Person'));
    const softwareSystems = s.systems.map(sys => ({
        ...element(sys, 'Software System'),
        containers: sys.children.map(c => ({
            ...element(c, 'Container'),
            components: c.children.map(k => element(k, 'Component')),
        })),
    }));
    const deploymentNodes = s.nodes.map((n, i) => {
        const node = { ...element(n, 'Deployment Node'), environment: i ? 'Development' : 'Live' };
        nodes.push(node.id);
        return {
            ...node,
            children: n.children.map(c => {
                const child = element(c, 'Deployment Node');
                nodes.push(child.id);
                return child;
            }),
            containerInstances: s.instances.filter(([, at]) => at % s.nodes.length === i).map(([what]) => ({
                id: String(next++),
                containerId: structure[what % structure.length].id,
            })),
        };
    });
    for (const [from, to, description] of s.relations) {
        const source = structure[from % structure.length], target = structure[to % structure.length];
        source.relationships.push({ id: String(next++), sourceId: source.id, destinationId: target.id, description });
    }
    const views = s.views.map(([key, picks]) => ({
        key,
        elements: picks.map(p => ({ id: structure[p % structure.length].id })),
    }));
    return JSON.stringify({
        name: 'fuzz',
        model: { people, softwareSystems, deploymentNodes },
        views: { systemLandscapeViews: views },
    });
}

function likec4(s: Shape): string {
    const elements: Record<string, object> = {};
    const ids: string[] = [];
    const add = (t: { name: string; tags: string; technology?: string }, kind: string, parent?: string) => {
        const id = `${parent ? `${parent}.` : ''}e${ids.length}`;
        elements[id] = { id, kind, title: t.name, technology: t.technology, tags: t.tags ? t.tags.split(',') : [] };
        ids.push(id);
        return id;
    };
    for (const p of s.people) add(p, 'actor');
    for (const sys of s.systems) {
        const id = add(sys, 'system');
        for (const c of sys.children) {
            const cid = add(c, 'container', id);
            for (const k of c.children) add(k, 'component', cid);
        }
    }
    const relations = Object.fromEntries(s.relations.map(([from, to, title], i) => [
        `r${i}`,
        { id: `r${i}`, source: { model: ids[from % ids.length] }, target: { model: ids[to % ids.length] }, title },
    ]));
    const views = Object.fromEntries(s.views.map(([title, picks], i) => [
        `v${i}`,
        { id: `v${i}`, title, _type: 'element', nodes: picks.map(p => ({ id: ids[p % ids.length] })) },
    ]));
    return JSON.stringify({ elements, relations, views });
}

async function expectClean(text: string): Promise<void> {
    const result = importModel(text, 'fuzz.json');
    const files = Object.fromEntries(result.files.map((f, i) => [`f${i}.bos`, f.text]));
    const checked = await check(files);
    const errors = checked.diagnostics.filter(d => d.severity === 'error');
    expect(errors, Object.values(files).join('\n----\n')).toEqual([]);
}

describe('bos import of random models', () => {
    it('turns every Structurizr workspace into BOS without errors', async () => {
        await fc.assert(fc.asyncProperty(shape, s => expectClean(structurizr(s))), { numRuns: RUNS, seed: SEED });
    }, TIMEOUT);

    it('turns every LikeC4 export into BOS without errors', async () => {
        await fc.assert(fc.asyncProperty(shape, s => expectClean(likec4(s))), { numRuns: RUNS, seed: SEED });
    }, TIMEOUT);
});
