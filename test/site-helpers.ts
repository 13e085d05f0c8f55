// What the site tests share: a site built in-process, the data a written site embeds, and
// one what-if run of the example as `bos analyze` prints it, to compare the page's numbers with.
import type { Analysis } from '../src/analysis/scenario.js';
import type { BosModel } from '../src/model/model.js';
import { buildSite, type Site, type SiteData } from '../src/site/build.js';
import { bos } from './bos-process.js';
import { tempDir } from './temp.js';

/** The site of a checked model, as `bos site` builds it (no findings listed), with a generous time limit. */
export function siteOf(
    { model, analysis }: { model: BosModel; analysis: Analysis },
    timeoutMs = 60_000,
): Promise<Site> {
    return buildSite({ title: 't', model, analysis, findings: [], defaultHeadroom: 0.2, timeoutMs });
}

/** The JSON the page script reads, out of a written site. */
export function siteData(html: string): SiteData {
    const json = /<script type="application\/json" id="bos-data">(.*?)<\/script>/s.exec(html)![1];
    return JSON.parse(json) as SiteData;
}

/** The what-if the tests make in the page: every load ×1.1, PlaceOrder with 1,200 instances of 780k/s. */
export const WHAT_IF = {
    scale: 1.1,
    instances: 1200,
    capacity: 780_000,
    flags: [
        '--scale',
        '1.1',
        '--set',
        'Business.PlaceOrder.instances=1200',
        '--set',
        'Business.PlaceOrder.capacity=780k/s',
    ],
};

/** `bos analyze EXAMPLE …flags --format json`, parsed. */
export function analyzeJson(example: string, flags: readonly string[]) {
    const r = bos(tempDir('site-analyze'), ['analyze', example, ...flags, '--format', 'json']);
    if (r.code !== 0) throw new Error(`bos analyze exited ${r.code}: ${r.err}`);
    return JSON.parse(r.out);
}
