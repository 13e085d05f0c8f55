// The one error type that means "the user must fix this" (a missing path, an unreadable
// file, a what-if that names nothing): one line, exit code 2 in the CLI, a banner in the
// preview. Here, below every host, so the browser server can use it too.
export class UsageError extends Error {}
