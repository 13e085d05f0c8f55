// The LQN export validated by Debian's xmllint against the published LQN schema (which
// also checks that every call names an existing entry), and read back: processors,
// tasks and entries with the service demands, servers, instances and call counts of
// the scenario, and open arrivals at each flow's rate.
import { DOMParser, type Element } from '@xmldom/xmldom';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseScenario, ExportError, exportScenario } from '../src/export/formats.js';
import { hostileCase } from './export-cases.js';
import { check } from './helpers.js';
import { tempDir } from './temp.js';

const SCHEMA = '../shared/data/lqn/lqn.xsd';

/** xmllint's verdict on a file against the LQN schema: exit status and what it said. */
function lint(text: string): { status: number | null; stderr: string } {
    const file = join(tempDir('lqn'), 'model.lqnx');
    writeFileSync(file, text);
    return spawnSync('xmllint', ['--noout', '--schema', SCHEMA, file], { encoding: 'utf8' });
}

function read(text: string) {
    const doc = new DOMParser().parseFromString(text, 'text/xml');
    const all = (tag: string) => [...doc.getElementsByTagName(tag)] as Element[];
    const byName = (tag: string) => new Map(all(tag).map(e => [e.getAttribute('name')!, e]));
    const attrs = (e: Element | undefined) =>
        Object.fromEntries([...(e?.attributes ?? [])].map(a => [a.name, a.value]));
    const calls = (entry: string) =>
        Object.fromEntries(
            [...byName('entry').get(entry)!.getElementsByTagName('synch-call')]
                .map(c => [c.getAttribute('dest'), Number(c.getAttribute('calls-mean'))]),
        );
    const demand = (entry: string) =>
        Number(byName('entry').get(entry)!.getElementsByTagName('activity')[0].getAttribute('host-demand-mean'));
    return {
        doc,
        processor: (n: string) => attrs(byName('processor').get(n)),
        task: (n: string) => byName('task').get(n)!,
        calls,
        demand,
    };
}

describe('lqn export', () => {
    it('is valid against the LQN schema, as the LQNS manual sample is, and a dangling call is not', async () => {
        const { analysis } = await hostileCase();
        const text = exportScenario(analysis, undefined);
        expect(lint(text)).toMatchObject({ status: 0 });
        expect(lint(readFileSync('../shared/data/lqn/bookstore.lqnx', 'utf8')).status).toBe(0);
        const dangling = lint(text.replace(/dest="hostile\.Cloud\.DB"/, 'dest="nowhere"'));
        expect(dangling.status).not.toBe(0);
        expect(dangling.stderr).toMatch(/ExistingSyncDest|keyref|No match/i);
    });

    it('makes each loaded node a processor, task and entry with its servers, instances and latency', async () => {
        const { analysis } = await hostileCase();
        const lqn = read(exportScenario(analysis, 'Peak'));
        // PlaceOrder: 650k/s × 150ms over 1,000 instances → k = 98 per instance.
        expect(lqn.processor('hostile.Trade.PlaceOrder'))
            .toMatchObject({ scheduling: 'fcfs', multiplicity: '98', replication: '1000' });
        expect(lqn.demand('hostile.Trade.PlaceOrder')).toBe(0.15);
        // Stock's capacity is derived from its 64 servers per instance.
        expect(lqn.processor('hostile.Trade.Stock')).toMatchObject({ multiplicity: '64', replication: '60' });
        // Delay has a latency only: a delay station. MQ has no latency: no time model.
        expect(lqn.processor('hostile.Trade.Delay')).toMatchObject({ scheduling: 'inf' });
        expect(lqn.demand('hostile.Trade.Delay')).toBe(0.005);
        expect(lqn.processor('hostile.Cloud.MQ')).toMatchObject({ scheduling: 'inf' });
        expect(lqn.demand('hostile.Cloud.MQ')).toBe(0);
        expect(lqn.processor('hostile.Cloud.DB')).toMatchObject({ multiplicity: '10000' });
        expect(lqn.task('hostile.Trade.PlaceOrder').getAttribute('scheduling')).toBe('inf');
    });

    it('turns weights into mean calls, divided among the instances a call fans out to', async () => {
        const { analysis } = await hostileCase();
        const lqn = read(exportScenario(analysis, 'hostile.Peak'));
        expect(lqn.calls('hostile.Trade.PlaceOrder')).toEqual({
            'hostile.Cloud.DB': 3,
            'hostile.Cloud.MQ': 0.5,
            'hostile.Cache': 1,
            'hostile.Trade.Stock': 0.05,
        });
        const fanOut = lqn.task('hostile.Trade.PlaceOrder').getElementsByTagName('fan-out')[0];
        expect([fanOut.getAttribute('dest'), fanOut.getAttribute('value')]).toEqual(['hostile.Trade.Stock', '60']);
        expect(lqn.calls('hostile.Cloud.DB')).toEqual({ 'hostile.Cloud.MQ': 1 });
    });

    it('gives each flow open arrivals at its rate, calling its steps', async () => {
        const { analysis } = await hostileCase();
        const text = exportScenario(analysis, undefined);
        const lqn = read(text);
        const entry = lqn.doc.getElementsByTagName('entry')[0];
        expect([entry.getAttribute('name'), entry.getAttribute('open-arrival-rate')]).toEqual([
            'hostile.Checkout',
            '583000',
        ]);
        expect(lqn.calls('hostile.Checkout')).toEqual({ 'hostile.Trade.PlaceOrder': 0.001, 'hostile.Trade.Delay': 2 });
        // BOS's own figures beside them, for the comparison.
        expect(text).toMatch(/<!-- BOS: hostile\.Trade\.PlaceOrder load 583k\/s, capacity 650k\/s, utilisation 89\.7%/);
        expect(text).toMatch(/<!-- BOS: hostile\.Checkout 583k\/s, R\(F\) /);
    });

    it('says in one line why there is no model to write', async () => {
        const { analysis } = await hostileCase();
        expect(() => chooseScenario(analysis, 'Nope')).toThrow(
            new ExportError("no scenario named 'Nope' (scenarios: hostile.Peak)"),
        );
        const none = await check('platform P : business { capability C { } }');
        expect(() => chooseScenario(none.result.analysis, undefined)).toThrow(
            /no LQN model: the model has no scenario/,
        );
        const cycle = await check(
            'platform P : business { capability A { calls B } capability B { calls A } }\nscenario S { }',
        );
        expect(() => chooseScenario(cycle.result.analysis, undefined)).toThrow(
            /no LQN model: scenario analysis skipped/,
        );
        const empty = await check('scenario S { }');
        expect(() => exportScenario(empty.result.analysis, undefined)).toThrow(
            /no LQN model: scenario S loads nothing/,
        );
    });
});
