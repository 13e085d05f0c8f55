// `bos mcp`: a Model Context Protocol server over stdio (the official SDK's low-level
// server) that answers questions about the BOS model in the folder it was started in,
// or in the paths it was given. Tool calls run one at a time against the workspace as the
// files are then; anything that goes wrong in one is that call's `isError` result, and
// the server keeps running. It never writes a file.
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { CallToolRequestSchema, type CallToolResult, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import * as z from 'zod/v4';
import { LayoutTimeout } from '../diagram/layout.js';
import { UnknownScenario } from '../diagram/render.js';
import { UsageError } from '../services/usage-error.js';
import { parseArguments } from './arguments.js';
import { WorkspaceBounds } from './inside.js';
import { ToolError } from './tool-error.js';
import { type ToolContext, TOOLS } from './tools.js';
import { McpWorkspace } from './workspace.js';

export interface McpOptions {
    /** Files and folders of the model; none means the current folder. */
    paths: readonly string[];
    version: string;
}

/** Errors that are the caller's to fix: their message is the answer. */
const EXPECTED = [ToolError, UsageError, UnknownScenario, LayoutTimeout];

/** Answers longer than this are refused: the SDK's client reads at most 10 MB a message, and a model far less. */
const MAX_ANSWER = 4 * 1024 * 1024;

export function createMcpServer(options: McpOptions): Server {
    const context: ToolContext = {
        workspace: new McpWorkspace(options.paths),
        bounds: new WorkspaceBounds(options.paths),
    };
    const server = new Server({ name: 'bos', version: options.version }, {
        capabilities: { tools: {} },
        instructions: 'Questions about a BOS (business operating system) architecture model: declarations, '
            + 'diagnostics, scenario analysis with what-if, impact and dependency paths, a diff against a git base, '
            + 'and views drawn as SVG. Names are fully qualified or as written from the package root.',
    });
    const listed = TOOLS.map(t => ({
        name: t.name,
        description: t.description,
        inputSchema: z.toJSONSchema(t.input) as { type: 'object'; [key: string]: unknown },
    }));
    server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: listed }));
    // One call at a time: each brings the workspace up to date before it reads it. The
    // model is loaded at once, so that the first call finds it built.
    let queue: Promise<unknown> = context.workspace.current().catch(() => undefined);
    server.setRequestHandler(CallToolRequestSchema, request => {
        const answer = queue.then(() => call(context, request.params.name, request.params.arguments));
        queue = answer;
        return answer;
    });
    return server;
}

async function call(context: ToolContext, name: string, args: unknown): Promise<CallToolResult> {
    const tool = TOOLS.find(t => t.name === name);
    try {
        if (!tool) throw new ToolError(`no tool named '${name}' (tools: ${TOOLS.map(t => t.name).join(', ')})`);
        const output = await tool.run(context, parseArguments(name, tool.input, args) as never);
        const text = 'text' in output ? output.text : JSON.stringify(output.json, null, 2);
        if (text.length > MAX_ANSWER) {
            const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
            throw new ToolError(
                `the answer is ${mb(text.length)}, more than a client takes at once (${mb(MAX_ANSWER)}); ask for less `
                    + '(analyze: one scenario, or nodes: flagged; a view: include fewer declarations)',
            );
        }
        return { content: [{ type: 'text', text }] };
    } catch (err) {
        if (EXPECTED.some(kind => err instanceof kind)) return failed((err as Error).message);
        process.stderr.write(`bos mcp: ${name}: ${err instanceof Error ? err.stack : String(err)}\n`);
        return failed(
            `internal error in ${name}: ${err instanceof Error ? err.message : String(err)} (please report it)`,
        );
    }
}

const failed = (message: string): CallToolResult => ({ content: [{ type: 'text', text: message }], isError: true });

/** Serves on standard input and output until the client closes them. */
export async function serveMcp(options: McpOptions): Promise<void> {
    const server = createMcpServer(options);
    // A promise nobody awaited must not take the session down.
    process.on('unhandledRejection', err => {
        process.stderr.write(`bos mcp: unhandled error: ${err instanceof Error ? err.stack : String(err)}\n`);
    });
    const closed = new Promise<void>(resolve => {
        server.onclose = resolve;
    });
    await server.connect(new StdioServerTransport());
    // The SDK's transport does not notice the client closing standard input.
    process.stdin.once('end', () => void server.close());
    await closed;
}
