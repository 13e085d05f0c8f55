// The MCP tools, one row each: name, what it is for (the client's model reads this), the
// zod schema of its input and what it does. Every tool reads the workspace as the files
// are now and answers JSON (the SVG of a view as text); none writes a file.
import { URI } from 'langium';
import { isAbsolute, relative, sep } from 'node:path';
import * as z from 'zod/v4';
import { analysisJson } from '../analysis/report.js';
import { analyse, TUNABLES } from '../analysis/scenario.js';
import { collectRows, jsonRow, summarise } from '../cli/diagnostics.js';
import { readWhatIfFlags, resolveWhatIf } from '../cli/what-if.js';
import { LAYOUT_TIMEOUT_MS } from '../diagram/layout.js';
import { render } from '../diagram/render.js';
import { chooseView } from '../diagram/view.js';
import { DECLARATION_KEYWORDS, LAYERS } from '../model/vocabulary.js';
import { lookUp } from '../query/names.js';
import { PATH_LIMIT } from '../query/paths.js';
import { ask, type Question, scenariosNamed } from '../query/questions.js';
import { UsageError } from '../services/usage-error.js';
import { declarationRow, describeDeclaration } from './declarations.js';
import { diffWithBase } from './diff.js';
import type { WorkspaceBounds } from './inside.js';
import { ToolError } from './tool-error.js';
import type { McpWorkspace, Snapshot } from './workspace.js';

export interface ToolContext {
    workspace: McpWorkspace;
    bounds: WorkspaceBounds;
}

/** What a tool answers: a JSON value, or text as it is (an SVG). */
export type ToolOutput = { json: unknown } | { text: string };

export interface Tool {
    name: string;
    description: string;
    input: z.ZodObject;
    run(context: ToolContext, args: never): Promise<ToolOutput>;
}

function tool<S extends z.ZodObject>(
    name: string,
    description: string,
    input: S,
    run: (context: ToolContext, args: z.infer<S>) => Promise<ToolOutput>,
): Tool {
    return { name, description, input, run: run as Tool['run'] };
}

const NAME = z.string().min(1).describe(
    'A declaration: fully qualified (tmall.cloud.AlibabaCloud.PolarDB) or as a reference from its package root '
        + '(AlibabaCloud.PolarDB)',
);
const SCENARIO = z.string().min(1).describe('A scenario, qualified or short name (Double11Peak)');
const SEVERITIES = ['error', 'warning', 'info', 'hint'] as const;
/** Rows a listing returns unless asked for fewer or more. */
const LIST_LIMIT = 200;

const json = (value: unknown): ToolOutput => ({ json: value });

function node(snapshot: Snapshot, name: string) {
    const found = lookUp(snapshot.result.model, name);
    if ('problem' in found) throw new ToolError(found.problem);
    return found.node;
}

function question(snapshot: Snapshot, q: Question): ToolOutput {
    const answer = ask(snapshot.result, q);
    if ('problem' in answer) throw new ToolError(answer.problem);
    return json(answer.json);
}

/** Whether a file is `path` or lies in it. */
function within(file: string, path: string | undefined): boolean {
    if (path === undefined) return true;
    const rel = relative(path, file);
    return !(rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel));
}

/** A what-if `--set` problem, said as the tool's argument. */
function overrideProblem(err: unknown): unknown {
    return err instanceof UsageError ? new ToolError(err.message.replace(/^--set /, 'override ')) : err;
}

export const TOOLS: readonly Tool[] = [
    tool(
        'list_declarations',
        'List the declarations of the BOS model (actors, elements, platforms, capabilities, infrastructure, '
            + 'resources, flows, scenarios, views) with kind, layer, title, file and line. Filters combine.',
        z.object({
            keyword: z.enum(DECLARATION_KEYWORDS).optional().describe('Only declarations of this keyword'),
            layer: z.enum(LAYERS).optional().describe('Only declarations of this layer'),
            match: z.string().optional().describe('Only names or titles containing this text (any case)'),
            path: z.string().optional().describe('Only declarations in this file or folder (inside the workspace)'),
            limit: z.number().int().min(1).max(10_000).optional().describe(`At most this many rows (${LIST_LIMIT})`),
        }).strict(),
        async ({ workspace, bounds }, args) => {
            const where = args.path === undefined ? undefined : bounds.check(args.path);
            const snapshot = await workspace.current();
            const match = args.match?.toLowerCase();
            const rows = snapshot.result.model.nodes.filter(n =>
                n.id !== undefined
                && (args.keyword === undefined || n.keyword === args.keyword)
                && (args.layer === undefined || n.layer === args.layer)
                && (match === undefined || n.id.toLowerCase().includes(match)
                    || !!n.title?.toLowerCase().includes(match))
                && within(URI.parse(n.uri).fsPath, where)
            ).map(declarationRow);
            const limit = args.limit ?? LIST_LIMIT;
            return json({
                total: rows.length,
                shown: Math.min(limit, rows.length),
                declarations: rows.slice(0, limit),
            });
        },
    ),
    tool(
        'describe_declaration',
        'Everything about one declaration: properties as written, its references and who refers to it, its '
            + 'children, and its load, utilisation and response time (or, for a flow, latency) in each scenario.',
        z.object({ name: NAME }).strict(),
        async ({ workspace }, args) => {
            const snapshot = await workspace.current();
            return json(describeDeclaration(snapshot.result, node(snapshot, args.name)));
        },
    ),
    tool(
        'validate',
        'Check the model: every diagnostic (syntax, references, layering, cycles, units, capacity, budget, SLO) '
            + 'with file, 1-based line and column (UTF-16), severity, code and message, and a summary.',
        z.object({
            path: z.string().optional().describe('Only diagnostics in this file or folder (inside the workspace)'),
            severity: z.enum(SEVERITIES).optional().describe('Only diagnostics of this severity or worse'),
        }).strict(),
        async ({ workspace, bounds }, args) => {
            const where = args.path === undefined ? undefined : bounds.check(args.path);
            const snapshot = await workspace.current();
            const worst = SEVERITIES.indexOf(args.severity ?? 'hint');
            const rows = collectRows(snapshot.files).filter(r =>
                SEVERITIES.indexOf(r.severity) <= worst && within(r.path, where)
            );
            return json({ files: snapshot.files.length, diagnostics: rows.map(jsonRow), summary: summarise(rows) });
        },
    ),
    tool(
        'analyze',
        'Analyse the scenarios (load, capacity, utilisation, status, queueing times, flow latency against SLO, '
            + 'saturation s* and bottleneck, cost per 10k transactions against budget), optionally what-if: every '
            + 'load times a scale, and overridden capacity, latency, instances or concurrency. Files never change.',
        z.object({
            scenario: SCENARIO.optional(),
            scale: z.number().min(0).max(1e12).optional().describe('What-if: every load rate times this (1)'),
            overrides: z.array(
                z.object({
                    name: NAME,
                    property: z.enum(TUNABLES),
                    value: z.string().min(1).describe('A quantity as the language writes it: 800k/s, 120ms, 1200'),
                }).strict(),
            ).max(1000).optional().describe('What-if: properties of capabilities and resources'),
            nodes: z.enum(['all', 'flagged']).optional().describe(
                'Every loaded node (all, the default) or only those not ok (flagged): a large model answers less',
            ),
        }).strict(),
        async ({ workspace }, args) => {
            const snapshot = await workspace.current();
            const { model } = snapshot.result;
            const overrides = args.overrides ?? [];
            let whatIf;
            try {
                // The same reading of names and quantities as `bos analyze --set`.
                const flags = readWhatIfFlags({ set: overrides.map(o => `${o.name}.${o.property}=${o.value}`) });
                whatIf = resolveWhatIf({ ...flags, scale: args.scale ?? 1 }, model);
            } catch (err) {
                throw overrideProblem(err);
            }
            const analysis = whatIf.scale === 1 && !overrides.length
                ? snapshot.result.analysis
                : analyse(model, snapshot.result.facts, {
                    scale: whatIf.scale,
                    overrides: whatIf.overrides,
                    defaultHeadroom: snapshot.services.bos.Settings.defaultHeadroom,
                });
            const scenarios = scenariosNamed(analysis, args.scenario);
            if ('problem' in scenarios) throw new ToolError(scenarios.problem);
            const what = whatIf.scale !== 1 || overrides.length
                ? { whatIf: { scale: whatIf.scale, overrides: whatIf.described } }
                : {};
            const answer = analysisJson(analysis, scenarios.list);
            if (args.nodes === 'flagged') {
                for (const s of answer.scenarios) s.nodes = s.nodes.filter(n => n.status !== 'ok');
            }
            return json({ ...what, ...answer });
        },
    ),
    tool(
        'impact',
        'Which flows and scenarios reach a capability, resource, platform or infrastructure group, and how much: '
            + 'per flow the share of its step requests that reach it and its visits (requests per transaction); per '
            + "scenario its load and each flow's part of it.",
        z.object({ name: NAME, scenario: SCENARIO.optional() }).strict(),
        async ({ workspace }, args) =>
            question(await workspace.current(), { ask: 'impact', name: args.name, scenario: args.scenario }),
    ),
    tool(
        'paths',
        'The dependency paths from one declaration to another (uses, runs on, calls, depends on, steps, loads, '
            + 'contains), shortest first, with their weights; bounded, and says how many there are in all.',
        z.object({
            from: NAME,
            to: NAME,
            limit: z.number().int().min(1).max(1000).optional().describe(`At most this many paths (${PATH_LIMIT})`),
        }).strict(),
        async ({ workspace }, args) => question(await workspace.current(), { ask: 'path', ...args }),
    ),
    tool(
        'uses',
        'Everything a declaration depends on, transitively, each with the reference that first reaches it.',
        z.object({ name: NAME }).strict(),
        async ({ workspace }, args) => question(await workspace.current(), { ask: 'uses', name: args.name }),
    ),
    tool(
        'who_uses',
        'Everything that depends on a declaration, transitively (capabilities, elements, actors, flows, scenarios), '
            + 'each with the reference that first reaches it.',
        z.object({ name: NAME }).strict(),
        async ({ workspace }, args) => question(await workspace.current(), { ask: 'who-uses', name: args.name }),
    ),
    tool(
        'diff',
        'Compare the model with a base: a git revision (main, HEAD~1; read without touching the work tree) or a '
            + 'folder inside the workspace. Declarations added, removed and changed, findings introduced and '
            + 'resolved, and per scenario the changes in cost, saturation, utilisation and flow latency.',
        z.object({ base: z.string().min(1).describe('A git revision, or a folder inside the workspace') }).strict(),
        async ({ workspace, bounds }, args) => json(await diffWithBase(workspace, bounds, args.base)),
    ),
    tool(
        'render_view',
        'Draw a view of the model as SVG (the same picture as the editor preview and bos render), optionally '
            + "with a scenario's load overlay. Returns the SVG text; writes no file.",
        z.object({
            view: z.string().min(1).optional().describe(
                "The view (default: the first view, or Overview); focus:NAME a declaration's focus view, "
                    + "flow:NAME a flow's sequence view",
            ),
            scenario: SCENARIO.optional().describe("The overlay (default: the view's overlay)"),
            theme: z.enum(['light', 'dark']).optional(),
            bundle: z.boolean().optional().describe(
                'Draw 3 or more edges between the same two containers as one edge with their count (default '
                    + 'true; false is bos render --no-bundle)',
            ),
        }).strict(),
        async ({ workspace }, args) => {
            const { result } = await workspace.current();
            const view = chooseView(result.model, args.view);
            if (typeof view === 'string') throw new ToolError(view);
            const rendered = await render({
                model: result.model,
                analysis: result.analysis,
                view,
                scenario: args.scenario,
                theme: args.theme ?? 'light',
                noBundle: args.bundle === false,
                layout: { timeoutMs: LAYOUT_TIMEOUT_MS },
            });
            return { text: rendered.svg };
        },
    ),
];
