// `bos site -o FILE.html`: one offline page with every view, the analysis with what-if,
// the findings and search. Exit 1 when the model has errors or a view could not be laid
// out in time (the site is still written, with a message in that view's place); 2 when
// the file cannot be written.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LAYOUT_TIMEOUT_MS } from '../../diagram/layout.js';
import { UsageError } from '../../services/usage-error.js';
import { buildSite, warmSiteLanes } from '../../site/build.js';
import { siteHtml } from '../../site/html.js';
import { collectRows } from '../diagnostics.js';
import { load, modelExit, write } from '../session.js';
import { progressLine } from '../terminal.js';
import type { Command } from './command.js';

/** The page script, built beside the CLI bundle (out/site-page.js); its source map stays out of the page. */
function pageScript(): string {
    const file = join(__dirname, 'site-page.js');
    try {
        return readFileSync(file, 'utf8').replace(/\n\/\/# sourceMappingURL=\S*\s*$/, '\n');
    } catch {
        throw new UsageError(`the page script ${file} is missing; run npm run build`);
    }
}

export const siteCommand: Command = {
    options: ['output'],
    async run(paths, values) {
        const output = values.output;
        if (!output || !output.toLowerCase().endsWith('.html')) {
            throw new UsageError(`bos site needs -o FILE.html${output ? `, not '${output}'` : ''}`);
        }
        const script = pageScript();
        // Loading takes the main thread; the layout workers start and warm up meanwhile.
        warmSiteLanes();
        const ws = await load(paths);
        const { model, analysis } = ws.result;
        const findings = collectRows(ws.files, model).map(r => ({
            severity: r.severity,
            code: r.code,
            message: r.message,
            file: r.file,
            line: r.line,
            column: r.column,
            declaration: r.declaration,
        }));
        const progress = progressLine(process.stderr);
        const site = await buildSite({
            title: `BOS model: ${paths.join(' ') || '.'}`,
            model,
            analysis,
            findings,
            defaultHeadroom: ws.services.bos.Settings.defaultHeadroom,
            timeoutMs: LAYOUT_TIMEOUT_MS,
            onProgress: (done, total) => progress.update(done, total, 'laying out views'),
        }).finally(() => progress.clear());
        // A nonce made of the content: the same model gives the same bytes.
        const nonce = createHash('sha256').update(siteHtml(site, { script, nonce: '' })).digest('base64url')
            .slice(0, 22);
        write(siteHtml(site, { script, nonce }), output);
        const failed = site.pages.filter(p => p.problem);
        if (failed.length) {
            const names = failed.map(p => p.view).join(', ');
            process.stderr.write(
                `bos: ${output}: written, but ${failed.length} view(s) could not be laid out in time `
                    + `and show a message instead: ${names}\n`,
            );
            return 1;
        }
        const count = (kind: string) => site.pages.filter(p => p.kind === kind).length;
        process.stdout.write(
            `${output}: ${count('view')} views, ${count('focus')} focus views, ${count('flow')} flows, `
                + `${findings.length} findings\n`,
        );
        return modelExit(ws);
    },
};
