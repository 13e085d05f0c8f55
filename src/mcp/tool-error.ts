// A tool call that cannot be answered as asked (a bad argument, an unknown name, a path
// outside the workspace): the client gets the message as an `isError` result.
export class ToolError extends Error {}
