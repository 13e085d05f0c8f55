// The pages of the extension (the preview, the analysis panel): a strict
// Content-Security-Policy with a nonce (no inline script or style, no eval), one script
// and one stylesheet. Pure, so that the browser tests serve the very pages the extension shows.
export interface PageResources {
    /** The webview's own source for CSP (`webview.cspSource`), or the test server's origin. */
    cspSource: string;
    nonce: string;
    scriptUri: string;
    styleUri: string;
    /** Extra script placed before the main one (the browser test's stand-in for acquireVsCodeApi). */
    preludeUri?: string;
}

/** The policy of every page of the extension: nothing but its own files and nonce'd script. */
export function contentSecurityPolicy(r: PageResources): string {
    return [
        "default-src 'none'",
        `img-src ${r.cspSource} data: blob:`,
        // The toolkit's components add nonce'd <style> elements (read from csp-nonce below).
        `style-src ${r.cspSource} 'nonce-${r.nonce}'`,
        `font-src ${r.cspSource}`,
        `script-src 'nonce-${r.nonce}'`,
    ].join('; ');
}

/** A page of the extension: its policy, one stylesheet, then `body` and the script (after the prelude, if any). */
export function pageHtml(r: PageResources, title: string, body: string): string {
    const prelude = r.preludeUri ? `<script nonce="${r.nonce}" src="${r.preludeUri}"></script>\n` : '';
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(r)}">
<meta property="csp-nonce" content="${r.nonce}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${r.styleUri}">
<title>${title}</title>
</head>
<body>
${body}
${prelude}<script nonce="${r.nonce}" src="${r.scriptUri}"></script>
</body>
</html>
`;
}

export function previewHtml(r: PageResources): string {
    return pageHtml(
        r,
        'BOS diagram',
        `<header id="toolbar" role="toolbar"></header>
<div id="banner" role="status" hidden></div>
<div id="compare" role="status" hidden></div>
<main id="viewport" tabindex="0" aria-label="diagram"><div id="canvas"></div></main>`,
    );
}

/** The analysis panel's page (src/webview/analysis-page.ts). */
export function analysisHtml(r: PageResources): string {
    return pageHtml(
        r,
        'BOS scenario analysis',
        `<div id="banner" role="status" hidden></div>
<main id="scenarios" aria-label="scenario analysis"></main>`,
    );
}

/** A fresh nonce for each page. */
export function makeNonce(random: () => number = Math.random): string {
    const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    let out = '';
    for (let i = 0; i < 32; i++) out += chars[Math.floor(random() * chars.length)];
    return out;
}
