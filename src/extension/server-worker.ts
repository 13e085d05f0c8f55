// The language server's Web Worker, started from a blob: the web bundle (web-bundle.ts)
// is a CommonJS script, so the blob gives it a `module` to fill, then asks it to serve.
// No `vscode` here: the browser test's page starts its worker with the same parts.

/** The blob's parts around the script, given as its URL (imported) or as its bytes. */
export function serverWorkerParts(script: string | Uint8Array<ArrayBuffer>): (string | Uint8Array<ArrayBuffer>)[] {
    const body = typeof script === 'string' ? `importScripts(${JSON.stringify(script)});` : script;
    return ['var module = { exports: {} }, exports = module.exports;\n', body, '\nmodule.exports.serveLanguage();\n'];
}
