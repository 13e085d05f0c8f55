// A self-contained HTML page around a rendered SVG (`bos render -o view.html`): no
// script, a strict Content-Security-Policy, readable offline.
import { escapeXml } from './svg.js';

export function toHtml(svg: string, title: string): string {
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(title)}</title>
<style>body{margin:0;background:#fff}main{overflow:auto}svg{display:block;max-width:none}</style>
</head>
<body>
<main>
${svg}
</main>
</body>
</html>
`;
}
