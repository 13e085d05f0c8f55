// The Structurizr export checked against the published workspace schema (draft-04, so
// ajv-draft-04), and read back the way an importer would: types and tags for layer and
// kind, relationship tags and properties for relations and weights, properties for
// quantities, and views that name only what exists.
import AjvDraft04 from 'ajv-draft-04';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findView } from '../src/diagram/view.js';
import { type Element as El, toStructurizr } from '../src/export/structurizr.js';
import { exportGraph } from '../src/export/view-graph.js';
import { hostileCase } from './export-cases.js';
import { check } from './helpers.js';

const DATA = '../shared/data/structurizr';
const validate = new AjvDraft04.default({ allErrors: true, strict: false })
    .compile(JSON.parse(readFileSync(`${DATA}/workspace-schema.json`, 'utf8')));

async function workspace(viewName = 'Everything') {
    const ws = JSON.parse(toStructurizr((await hostileCase(viewName)).graph));
    const people: El[] = ws.model.people, systems: El[] = ws.model.softwareSystems;
    const all = [...people, ...systems, ...systems.flatMap(s => s.containers ?? [])];
    const byName = new Map(all.map(e => [e.properties['bos.name'], e]));
    const relationships = all.flatMap(e => e.relationships ?? []);
    return { ws, people, systems, all, byName, relationships };
}

describe('structurizr export', () => {
    it('is valid against the published workspace schema, as the reference workspaces in the current format are', async () => {
        const { ws } = await workspace();
        expect(validate(ws), JSON.stringify(validate.errors)).toBe(true);
        for (const sample of ['amazon-web-services', 'groups']) {
            expect(validate(JSON.parse(readFileSync(`${DATA}/${sample}.workspace.json`, 'utf8'))), sample).toBe(true);
        }
        expect(validate({ ...ws, id: 'not a number' })).toBe(false);
    });

    it('maps layers and kinds to element types, tags and groups', async () => {
        const { people, byName } = await workspace();
        expect(people.map(p => p.properties['bos.name'])).toEqual(['hostile.Consumer']);
        const db = byName.get('hostile.Cloud.DB')!;
        expect(db.tags.split(',')).toEqual(['Element', 'Container', 'resource', 'database']);
        expect(db.technology).toBe('database');
        expect(db.name).toBe('PolarDB "主库"');
        const trade = byName.get('hostile.Trade')!;
        expect(trade.tags.split(',')).toEqual(['Element', 'Software System', 'platform', 'business']);
        expect(trade.group).toBe('Middle platforms');
        expect(trade.containers!.map(c => c.properties['bos.name'])).toEqual([
            'hostile.Trade.PlaceOrder',
            'hostile.Trade.Stock',
            'hostile.Trade.Delay',
        ]);
        expect(byName.get('hostile.Cache')!.group).toBe('Infrastructure');
        expect(byName.get('hostile.Sales')!.name).toBe('销售\n第二行 #1 & $x {y} ${z}');
    });

    it('keeps quantities as BOS writes them, in properties', async () => {
        const { byName } = await workspace();
        expect(byName.get('hostile.Trade.PlaceOrder')!.properties).toMatchObject({
            'bos.keyword': 'capability',
            'bos.layer': 'platform',
            'capacity': '650000/s',
            'latency': '150ms',
            'instances': '1000',
        });
        expect(byName.get('hostile.Cloud.DB')!.properties).toMatchObject({
            cost: '0.06 CNY per 10000',
            latency: '2ms',
        });
    });

    it('tags each relationship with its relation and keeps its weight; implied ones link to it', async () => {
        const { byName, relationships } = await workspace();
        const ids = new Map([...byName].map(([name, e]) => [e.id, name]));
        const written = relationships.filter(r => !r.linkedRelationshipId);
        const runsOnDb = written.find(r =>
            ids.get(r.sourceId) === 'hostile.Trade.PlaceOrder' && ids.get(r.destinationId) === 'hostile.Cloud.DB'
        )!;
        expect(runsOnDb.tags).toBe('Relationship,runs on');
        expect(runsOnDb.properties).toEqual({ 'bos.relation': 'runs on', 'bos.weight': '3' });
        expect(runsOnDb.description).toBe('runs on ×3');
        const implied = relationships.filter(r => r.linkedRelationshipId);
        expect(implied.length).toBeGreaterThan(0);
        const byId = new Map(relationships.map(r => [r.id, r]));
        for (const r of implied) expect(byId.get(r.linkedRelationshipId!)?.linkedRelationshipId).toBeUndefined();
        // The platform runs on the cloud, as Structurizr would imply from its capabilities.
        expect(
            implied.some(r => ids.get(r.sourceId) === 'hostile.Trade' && ids.get(r.destinationId) === 'hostile.Cloud'),
        )
            .toBe(true);
        expect(new Set(relationships.map(r => r.id)).size).toBe(relationships.length);
    });

    it('has a landscape view and a container view per container, naming only what exists', async () => {
        const { ws, all, relationships, byName } = await workspace();
        const elements = new Set(all.map(e => e.id)), rels = new Set(relationships.map(r => r.id));
        const { systemLandscapeViews: [landscape], containerViews } = ws.views;
        expect(landscape.key).toBe('Everything');
        expect(landscape.title).toBe('全部 «视图» "v" & <all>');
        expect(containerViews.map((v: { softwareSystemId: string }) => v.softwareSystemId))
            .toEqual([byName.get('hostile.Trade')!.id, byName.get('hostile.Cloud')!.id]);
        for (const view of [landscape, ...containerViews]) {
            for (const e of view.elements) expect(elements.has(e.id)).toBe(true);
            for (const r of view.relationships) expect(rels.has(r.id)).toBe(true);
        }
        const styles = ws.views.configuration.styles.relationships;
        expect(styles.find((s: { tag: string }) => s.tag === 'runs on')).toMatchObject({
            dashed: true,
            style: 'Dashed',
        });
    });

    it('gives boxes that share a title distinct names', async () => {
        const { result } = await check(`element A "同名" : sales { uses B }
element B "同名" : sales
element C "同名" : brand`);
        const graph = exportGraph(result.model, findView(result.model, undefined)!);
        const names = JSON.parse(toStructurizr(graph)).model.softwareSystems.map((s: El) => s.name);
        expect(names).toEqual(['同名 (A)', '同名 (B)', '同名 (C)']);
    });
});
