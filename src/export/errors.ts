/** What an export could not do, said in one line (the CLI prints it and exits 2). */
export class ExportError extends Error {}
