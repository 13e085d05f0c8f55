// Entry point of the bundled server (out/server.cjs), started by the VS Code extension.
import '../language/polyfill.js';
import '../host/node-host.js';
import { startServer } from './server.js';

startServer();
