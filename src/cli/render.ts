// `bos render`: the preview's picture as SVG, PNG or a self-contained HTML page.
import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { ChangeMarks } from '../diagram/change.js';
import { FOCUS_PREFIX } from '../diagram/focus.js';
import { toHtml } from '../diagram/html.js';
import { LAYOUT_TIMEOUT_MS, LayoutTimeout } from '../diagram/layout.js';
import { render, UnknownScenario } from '../diagram/render.js';
import type { ThemeName } from '../diagram/theme.js';
import { chooseView, FLOW_PREFIX } from '../diagram/view.js';
import { svgToPng } from '../host/png.js';
import { UsageError } from '../services/usage-error.js';
import type { LoadedWorkspace } from '../workspace/load.js';

export interface RenderArgs {
    view?: string;
    /** A declaration's focus view (`focus:NAME`), by short or qualified name. */
    focus?: string;
    /** A flow's sequence view (`flow:NAME`). */
    flow?: string;
    scenario?: string;
    output?: string;
    theme?: string;
    /** What changed against `--base`, marked on the picture. */
    changes?: ChangeMarks;
    /** Every edge on its own, no bundles (`--no-bundle`). */
    noBundle?: boolean;
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
    const asked = [
        args.view,
        args.focus === undefined ? undefined : `${FOCUS_PREFIX}${args.focus}`,
        args.flow === undefined ? undefined : `${FLOW_PREFIX}${args.flow}`,
    ].filter(v => v !== undefined);
    if (asked.length > 1) throw new UsageError('--view, --focus and --flow each choose the picture: give one');
    const view = chooseView(model, asked[0]);
    if (typeof view === 'string') throw new UsageError(view);
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
            changes: args.changes,
            noBundle: args.noBundle,
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
    const against = args.changes ? `, compared with ${args.changes.label}` : '';
    return `${args.output}: view ${view.id}${scenarioName ? ` with the ${scenarioName} overlay` : ''}${against}\n`;
}
