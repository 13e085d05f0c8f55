// `bos render`: the preview's picture as SVG, PNG or a self-contained HTML page.
import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { toHtml } from '../diagram/html.js';
import { LAYOUT_TIMEOUT_MS, LayoutTimeout } from '../diagram/layout.js';
import { render, UnknownScenario } from '../diagram/render.js';
import type { ThemeName } from '../diagram/theme.js';
import { findView, viewsOf } from '../diagram/view.js';
import { svgToPng } from '../host/png.js';
import { UsageError } from '../workspace/files.js';
import type { LoadedWorkspace } from '../workspace/load.js';

export interface RenderArgs {
    view?: string;
    scenario?: string;
    output?: string;
    theme?: string;
}

export async function renderCommand(ws: LoadedWorkspace, args: RenderArgs): Promise<string> {
    const format = args.output ? extname(args.output).toLowerCase() : '.svg';
    if (!['.svg', '.png', '.html'].includes(format)) {
        throw new UsageError(`-o must end in .svg, .png or .html, not '${format || args.output}'`);
    }
    const theme = (args.theme ?? 'light') as ThemeName;
    if (theme !== 'light' && theme !== 'dark') {
        throw new UsageError(`--theme must be light or dark, not '${args.theme}'`);
    }
    const { model, analysis } = ws.result;
    const view = findView(model, args.view);
    if (!view) {
        throw new UsageError(`no view named '${args.view}' (views: ${viewsOf(model).map(v => v.id).join(', ')})`);
    }
    let svg: string;
    let note: string | undefined;
    let scenarioName: string | undefined;
    try {
        const rendered = await render({
            model,
            analysis,
            view,
            scenario: args.scenario,
            theme,
            layout: { timeoutMs: LAYOUT_TIMEOUT_MS },
        });
        svg = rendered.svg;
        note = rendered.diagram.note;
        scenarioName = rendered.diagram.scenario;
    } catch (err) {
        if (err instanceof UnknownScenario || err instanceof LayoutTimeout) throw new UsageError(err.message);
        throw err;
    }
    if (note) process.stderr.write(`bos: ${note}\n`);
    const content = format === '.png' ? svgToPng(svg) : format === '.html' ? toHtml(svg, view.title) : svg;
    if (!args.output) {
        process.stdout.write(content);
        return '';
    }
    try {
        writeFileSync(args.output, content);
    } catch (err) {
        throw new UsageError(`cannot write ${args.output}: ${(err as Error).message}`);
    }
    return `${args.output}: view ${view.id}${scenarioName ? ` with the ${scenarioName} overlay` : ''}\n`;
}
