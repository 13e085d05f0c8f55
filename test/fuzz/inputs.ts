// Generators for the fuzz tests: token soup built from the language's own words and
// some hostile ones, and token-level mutations of valid models.
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const KEYWORDS = [
    'package',
    'import',
    'actor',
    'infrastructure',
    'resource',
    'platform',
    'capability',
    'element',
    'flow',
    'scenario',
    'view',
    'uses',
    'runs',
    'on',
    'calls',
    'depends',
    'capacity',
    'cost',
    'per',
    'latency',
    'instances',
    'concurrency',
    'slo',
    'from',
    'step',
    'load',
    'budget',
    'headroom',
    'include',
    'exclude',
    'overlay',
    'layer',
    'kind',
    'description',
    'owner',
    'tags',
    'region',
    'x',
    'compute',
    'database',
    'business',
    'data',
    'sales',
    'finance',
    'commerce',
    'infrastructure',
    'platform',
];
const NAMES = [
    'A',
    'B',
    'Cloud',
    'Trade',
    'Trade.Order',
    'Cloud.VM',
    'shop',
    'shop.*',
    '^flow',
    '交易',
    '_x1',
    'a.b.c',
];
const NUMBERS = [
    '0',
    '1',
    '583k',
    '3M',
    '2B',
    '0.5',
    '1_000',
    '10k',
    '9'.repeat(400),
    '1'.repeat(320),
    '00',
    '1.',
    '1_000_000_000_000',
    '0.000001',
    '1.5',
];
const UNITS = ['/s', '/min', '/h', 'ms', 's', '%', 'CNY', 'USD', 'k/s', '/', 'per 10k'];
const PUNCTUATION = ['{', '}', ':', ',', '.', '*', '{}', '}}', '{{'];
const STRINGS = [
    '"T"',
    '"双11零点峰值"',
    '""',
    '"a\\"b"',
    '"<img src=x onerror=alert(1)>"',
    '"unterminated',
    '"\u0000"',
];
const COMMENTS = ['// note', '/* block */', '/* multi\nline */', '//', '/* unterminated', '// 注释 ✓'];
const GARBAGE = [
    '@',
    '#',
    '$',
    '\u0000',
    '\uFEFF',
    '\u200B',
    '😀',
    '\uD800',
    '\t',
    '\r\n',
    '\r',
    ';',
    '\\',
    '`',
    '~',
    '/*/',
    '1e400',
    'NaN',
    '-1',
];

const token = fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...KEYWORDS) },
    { weight: 4, arbitrary: fc.constantFrom(...NAMES) },
    { weight: 2, arbitrary: fc.constantFrom(...NUMBERS) },
    { weight: 2, arbitrary: fc.constantFrom(...UNITS) },
    { weight: 4, arbitrary: fc.constantFrom(...PUNCTUATION) },
    { weight: 1, arbitrary: fc.constantFrom(...STRINGS) },
    { weight: 1, arbitrary: fc.constantFrom(...COMMENTS) },
    { weight: 1, arbitrary: fc.constantFrom(...GARBAGE) },
    { weight: 1, arbitrary: fc.string({ maxLength: 6, unit: 'grapheme' }) },
);
const separator = fc.constantFrom(' ', ' ', ' ', '\n', '\n  ', '', '\r\n', '\t');

/** Random sequences of tokens, joined by random whitespace (or none). */
export const tokenSoup = fc.array(fc.tuple(token, separator), { maxLength: 80 })
    .map(parts => parts.map(([t, s]) => t + s).join(''));

/** The lexemes of a text with the whitespace after each, so a mutation keeps layout. */
function lex(text: string): string[] {
    return text.match(/"(?:[^"\\\n]|\\.)*"\s*|\/\/[^\n]*\s*|\/\*[\s\S]*?\*\/\s*|[\p{L}\p{N}_^]+\s*|\S\s*/gu) ?? [];
}

/** Valid models to mutate: the bundled examples and the starter. */
export const SEEDS: string[] = ['examples/double11', 'examples/starter'].flatMap(dir =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(f => f.endsWith('.bos')).map(f =>
        readFileSync(join(dir, f), 'utf8')
    )
);

const insertable = fc.oneof(token, fc.string({ maxLength: 8, unit: 'binary' }));

type Mutation = (tokens: string[]) => string[];
const at = (n: number, tokens: string[]) => (tokens.length ? n % tokens.length : 0);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.nat().map(n => (t: string[]) => t.filter((_, i) => i !== at(n, t))), // delete
    fc.nat().map(n => (t: string[]) => t.flatMap((x, i) => (i === at(n, t) ? [x, x] : [x]))), // duplicate
    fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => (t: string[]) => { // swap
        if (t.length < 2) return t;
        const r = [...t];
        const i = at(a, t), j = at(b, t);
        [r[i], r[j]] = [r[j], r[i]];
        return r;
    }),
    fc.nat().map(n => (t: string[]) => t.slice(0, at(n, t))), // truncate
    fc.tuple(fc.nat(), insertable).map(([n, s]) => (t: string[]) =>
        t.flatMap((x, i) => (i === at(n, t) ? [s + ' ', x] : [x]))
    ), // insert
    fc.tuple(fc.nat(), fc.nat({ max: 3 })).map(([n, k]) => (t: string[]) => // cut a token short
        t.map((x, i) => (i === at(n, t) ? x.slice(0, Math.max(0, x.trimEnd().length - 1 - k)) + ' ' : x))
    ),
);

/** A valid model with one to four token-level mutations. */
export const mutatedModel = fc.tuple(
    fc.nat({ max: SEEDS.length - 1 }),
    fc.array(mutation, { minLength: 1, maxLength: 4 }),
)
    .map(([seed, mutations]) => mutations.reduce((tokens, m) => m(tokens), lex(SEEDS[seed])).join(''));

// Small valid models for the performance model (spec section 7) whose values are often
// hostile: latency 0 (a delay station, or no derived capacity), a capacity of 0 (none),
// a trillion instances, fractional or huge weights that multiply along a chain of calls
// to a million-fold visit and beyond, utilisation exactly 1, SLOs of 0ms, loads of 0.
const hostileCapacity = fc.constantFrom('', 'capacity 0/s', 'capacity 1k/s', 'capacity 2k/s', 'capacity 1B/s');
const hostileLatency = fc.constantFrom('', 'latency 0ms', 'latency 0.000001ms', 'latency 1ms', 'latency 500ms');
const hostileCount = (word: string) => fc.constantFrom('', `${word} 1`, `${word} 7`, `${word} 1_000_000_000_000`);
const nodeBody = fc.tuple(hostileCapacity, hostileLatency, hostileCount('instances'), hostileCount('concurrency'))
    .map(parts => parts.join(' '));

export const performanceModel = fc.record({
    resources: fc.array(nodeBody, { minLength: 1, maxLength: 3 }),
    capabilities: fc.array(
        fc.record({ body: nodeBody, weight: fc.constantFrom('0', '0.5', '1', '1000', '1_000_000') }),
        { minLength: 1, maxLength: 4 },
    ),
    slo: fc.constantFrom('', 'slo 0ms', 'slo 1ms', 'slo 100ms', 'slo 10s'),
    rates: fc.array(fc.constantFrom('0/s', '1/s', '1k/s', '2k/s', '583k/s', '1B/s'), { minLength: 1, maxLength: 3 }),
}).map(({ resources, capabilities, slo, rates }) => {
    const lines = ['package perf', 'infrastructure I {'];
    resources.forEach((body, i) => lines.push(`  resource R${i} : compute { ${body} }`));
    lines.push('}', 'platform P : business {');
    // Each capability calls the next one with its weight: the visits multiply down the chain.
    capabilities.forEach(({ body, weight }, i) => {
        const calls = i + 1 < capabilities.length ? `calls C${i + 1} x ${weight}` : '';
        lines.push(`  capability C${i} { runs on I.R${i % resources.length} ${calls} ${body} }`);
    });
    lines.push('}', 'element E : sales { uses P.C0 }', `flow F { step P.C0 ${slo} }`);
    rates.forEach((r, i) => lines.push(`scenario S${i} { load F ${r} }`));
    return lines.join('\n') + '\n';
});
