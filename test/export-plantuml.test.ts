// The PlantUML export rendered by Debian's PlantUML (with its C4 standard library) to
// SVG, all cases in one Java start: each must render without a syntax error, and every
// label must be drawn as written (PlantUML wraps long labels, so white space may move).
import { DOMParser } from '@xmldom/xmldom';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { toPlantUml } from '../src/export/plantuml.js';
import { edgeLabel, type ExportGraph } from '../src/export/view-graph.js';
import { hostileCase, labelsOf } from './export-cases.js';
import { tempDir } from './temp.js';

const dir = tempDir('plantuml');
const cases: Record<string, ExportGraph> = {};
let run: ReturnType<typeof spawnSync>;

/** All the text PlantUML drew, without white space. */
function drawnText(name: string): string {
    const svg = new DOMParser().parseFromString(readFileSync(join(dir, `${name}.svg`), 'utf8'), 'image/svg+xml');
    return [...svg.getElementsByTagName('text')].map(t => t.textContent ?? '').join('').replace(/\s+/g, '');
}

/** PlantUML draws an error page instead: the offending source line (`[From x.puml (line 3) ]`) or a stack trace. */
const failed = (text: string) => /\[From\S*\.puml\(line\d+\)\]|error|exception/i.test(text);

beforeAll(async () => {
    cases.everything = (await hostileCase('Everything')).graph;
    cases.platforms = (await hostileCase('Platforms')).graph;
    for (const [name, graph] of Object.entries(cases)) writeFileSync(join(dir, `${name}.puml`), toPlantUml(graph));
    writeFileSync(join(dir, 'broken.puml'), '@startuml\n!include <C4/C4_Container>\nPerson(a, "x "y" z")\n@enduml\n');
    run = spawnSync('plantuml', ['-tsvg', '-charset', 'UTF-8', '-nometadata', join(dir, '*.puml')], {
        encoding: 'utf8',
        env: { ...process.env, JAVA_TOOL_OPTIONS: '-Djava.awt.headless=true' },
    });
}, 120_000);

describe('plantuml export', () => {
    it('renders every case with the C4 library and no syntax error', () => {
        expect(run.error).toBeUndefined();
        for (const name of Object.keys(cases)) {
            expect(existsSync(join(dir, `${name}.svg`)), `${name}.svg`).toBe(true);
            expect(failed(drawnText(name)), drawnText(name).slice(0, 200)).toBe(false);
        }
    });

    it('draws every box, boundary and edge label as written', () => {
        for (const [name, graph] of Object.entries(cases)) {
            const text = drawnText(name);
            for (const label of [...labelsOf(graph), ...graph.edges.map(edgeLabel), graph.title]) {
                expect(text, `${name}: ${label}`).toContain(label.replace(/\s+/g, ''));
            }
        }
    });

    it('shows the C4 shapes: persons, systems and containers with their kinds', () => {
        const text = drawnText('everything');
        for (const stereotype of ['«person»', '«container»', '«boundary»', '[database]', '[capability]']) {
            expect(text).toContain(stereotype);
        }
    });

    it('would report a label that is not escaped (the check can fail)', () => {
        expect(failed(drawnText('broken'))).toBe(true);
        expect(drawnText('broken')).not.toContain('«person»');
    });
});
