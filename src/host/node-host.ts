// Node entry points (the CLI, the Node language server, the tests) import this once:
// their layouts run in a worker thread.
import { useLayoutHost } from '../diagram/layout-host.js';
import { threadLayoutHost } from './layout-thread.js';

useLayoutHost(threadLayoutHost());
