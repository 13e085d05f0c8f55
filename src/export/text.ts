// Escaping shared by the formats: XML (draw.io, LQN), characters no label format can
// show, and numbers written the same way everywhere.

/** Control characters (XML 1.0 cannot hold most of them, none shows), lone surrogates, U+FFFE and U+FFFF. */
const NOT_XML = /(?![\t\n\r])\p{Cc}|\p{Cs}|[\uFFFE\uFFFF]/gu;

const XML_ESCAPES: Readonly<Record<string, string>> = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&apos;',
    // In an attribute, a line end or tab written as itself would be normalised to a space.
    '\n': '&#10;',
    '\r': '&#13;',
    '\t': '&#9;',
};

/** Text for an XML attribute or element: markup escaped, line ends kept, impossible characters as U+FFFD. */
export function xml(text: string): string {
    return text.replace(NOT_XML, '\uFFFD').replace(/[&<>"'\n\r\t]/g, c => XML_ESCAPES[c]);
}

/** Control characters other than the line feed, which no label format can show. */
export function printable(text: string): string {
    return text.replace(/\r\n?/g, '\n').replace(/(?!\n)\p{Cc}/gu, ' ');
}

/** A number as plain decimal text with the rounding noise of sums removed (0.1 + 0.2 → 0.3). */
export function decimal(x: number): string {
    return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(12)));
}

/** A whole number in plain digits, however large (`String(1e21)` would be `1e+21`). */
export function integer(x: number): string {
    return BigInt(Math.round(x)).toString();
}
