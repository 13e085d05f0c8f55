// The view walk every export format prints: boxes, nesting, bands and summed weights.
import { describe, expect, it } from 'vitest';
import { decimal, integer, printable, xml } from '../src/export/text.js';
import { edgeLabel } from '../src/export/view-graph.js';
import { hostileCase } from './export-cases.js';

describe('export view graph', () => {
    it('keeps every box of the view with its container and band, top layer first', async () => {
        const { graph } = await hostileCase();
        expect(graph.bands.map(b => [b.layer, b.roots.map(r => r.node.name)])).toEqual([
            ['actors', ['Consumer']],
            ['commerce', ['Sales']],
            ['platform', ['Trade']],
            ['infrastructure', ['Cloud', 'Cache']],
        ]);
        const trade = graph.nodes.find(n => n.node.name === 'Trade')!;
        expect(trade.children.map(c => c.node.name)).toEqual(['PlaceOrder', 'Stock', 'Delay']);
        expect(trade.children.every(c => c.parent === trade)).toBe(true);
    });

    it('sums the weights of references written twice and labels the edge with them', async () => {
        const { graph } = await hostileCase();
        const labels = graph.edges.map(e => `${e.source.node.name} ${edgeLabel(e)} ${e.target.node.name}`);
        expect(labels).toEqual(expect.arrayContaining([
            'PlaceOrder runs on ×3 DB',
            'PlaceOrder runs on ×0.5 MQ',
            'PlaceOrder calls ×3 Stock',
            'DB depends on MQ',
            'Consumer uses Sales',
            'Sales uses Trade',
        ]));
        expect(new Set(labels).size).toBe(labels.length);
    });

    it('follows the view: a hidden child is not a box, and its container stays', async () => {
        const { graph } = await hostileCase('Platforms');
        expect(graph.bands.map(b => b.layer)).toEqual(['platform']);
        expect(graph.nodes.map(n => n.node.name)).toEqual(['Trade', 'PlaceOrder', 'Stock']);
        expect(graph.edges.map(e => edgeLabel(e))).toEqual(['calls ×3']);
    });
});

describe('export text helpers', () => {
    it('escapes XML, keeps line ends in attributes and drops what XML cannot hold', () => {
        expect(xml('a<b>&"c"\'\n\t\u0001\ud800🎉')).toBe('a&lt;b&gt;&amp;&quot;c&quot;&apos;&#10;&#9;\uFFFD\uFFFD🎉');
    });

    it('turns control characters into spaces for the label formats, keeping line feeds', () => {
        expect(printable('a\r\nb\u0007c\td\u007fe')).toBe('a\nb c d e');
    });

    it('writes sums without rounding noise and large counts in plain digits', () => {
        expect([decimal(0.1 + 0.2), decimal(3), decimal(1 / 1200), integer(1e21)])
            .toEqual(['0.3', '3', '0.000833333333333', '1000000000000000000000']);
    });
});
