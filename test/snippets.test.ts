// Every snippet, with its placeholders filled by their defaults, is valid BOS.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check } from './helpers.js';

const snippets: Record<string, { body: string[] }> = JSON.parse(readFileSync('snippets/bos.json', 'utf8'));

/** `${1:Name}` → `Name`, `${3|a,b|}` → `a`, `$0` → nothing. */
function expand(body: string[]): string {
    return body.join('\n')
        .replace(/\$\{\d+:([^}]*)\}/g, '$1')
        .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
        .replace(/\$\d+/g, '')
        .replace(/\t/g, '  ');
}

describe('snippets', () => {
    for (const [name, snippet] of Object.entries(snippets)) {
        it(`${name} expands to text that parses`, async () => {
            const text = expand(snippet.body);
            const c = await check(name === 'capability' ? `platform P : business {\n${text}\n}\n` : `${text}\n`);
            expect(c.codes.filter(code => code === 'bos/syntax' || code === 'bos/unit'), text).toEqual([]);
        });
    }
});
