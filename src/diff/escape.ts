// Text from the model (names, titles, messages) inside Markdown and Mermaid: nothing it
// holds may start markup, a link, a mention (`@team` pings on GitHub), an issue or merge
// request reference (`#12`, `!12`), an emoji (`:x:`), math (`$…$`) or a table cell.
// Numeric character references read alike on GitHub and GitLab.

const MARKDOWN = /[&<>"'\\`*_[\]{}()|~@#!$%:]/g;

/** Plain text in Markdown, one line. */
export function markdownText(text: string): string {
    return text.replace(/[\r\n\t\p{Cc}]+/gu, ' ').replace(MARKDOWN, ch => `&#${ch.charCodeAt(0)};`);
}

/** A name or revision as inline code, where nothing is markup; what could end the span or a cell, as plain text. */
export function markdownCode(name: string): string {
    return /^[^`|\p{Cc}]+$/u.test(name) && name.trim() === name ? `\`${name}\`` : markdownText(name);
}

// Mermaid reads `#code;` as a character: a quote, `#` itself, and what HTML or Markdown
// labels would take for markup.
const MERMAID = /["#&<>`]/g;

/** Text inside a quoted Mermaid label, one line. */
export function mermaidText(text: string): string {
    return text.replace(/[\r\n\t\p{Cc}]+/gu, ' ').replace(MERMAID, ch => `#${ch.charCodeAt(0)};`);
}
