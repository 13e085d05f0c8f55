// The hover's blocks, rendered for a client that shows Markdown and for one that shows text.
import { describe, expect, it } from 'vitest';
import { type Block, preferredMarkup, render } from '../src/lsp/markup.js';

const TABLE: Block = {
    table: {
        columns: [{ title: 'scenario' }, { title: 'load', align: 'right' }, { title: 'status' }],
        rows: [['峰值 (2020)', '583k/s', '🟢 ok'], ['a|b', '1/s', '🔴 overload']],
    },
};

describe('markup', () => {
    it('takes the first format the client prefers, Markdown when it names none we write', () => {
        expect(preferredMarkup(['plaintext', 'markdown'])).toBe('plaintext');
        expect(preferredMarkup(['markdown', 'plaintext'])).toBe('markdown');
        expect(preferredMarkup(['html', 'plaintext'])).toBe('plaintext');
        expect(preferredMarkup(undefined)).toBe('markdown');
    });

    it('escapes in Markdown only what would become markup: HTML, emphasis, links, code, not parentheses', () => {
        const md = render(
            [{ paragraph: ['<img src=x onerror=alert(1)> **b** [x](y) `c` a_b (2020) 1.5M/s &amp;'] }],
            'markdown',
        );
        expect(md).toBe('\\<img src=x onerror=alert(1)> \\*\\*b\\*\\* \\[x\\](y) \\`c\\` a\\_b (2020) 1.5M/s \\&amp;');
    });

    it('keeps user text from starting a heading, list or quote', () => {
        const md = (text: string) => render([{ paragraph: [text] }], 'markdown');
        expect(md('# not a heading')).toBe('\\# not a heading');
        expect(md('- not an item\n2. nor this\n> nor a quote')).toBe('\\- not an item\n2\\. nor this\n\\> nor a quote');
        expect(md('2020 peak')).toBe('2020 peak');
    });

    it('renders a Markdown table with a title on every column and pipes escaped in cells', () => {
        expect(render([TABLE], 'markdown')).toBe(
            '| scenario | load | status |\n| --- | ---: | --- |\n| 峰值 (2020) | 583k/s | 🟢 ok |\n| a\\|b | 1/s | 🔴 overload |',
        );
    });

    it('renders plain text with marks dropped and table columns aligned by display width', () => {
        const text = render([{
            paragraph: [{ strong: 'capability' }, ' ', { code: 'a.B' }, ' — ', { emphasis: 'x_y*' }],
        }, TABLE], 'plaintext');
        expect(text.split('\n')).toEqual([
            'capability a.B — x_y*',
            '',
            'scenario       load  status',
            '峰值 (2020)  583k/s  🟢 ok',
            'a|b             1/s  🔴 overload',
        ]);
    });
});
