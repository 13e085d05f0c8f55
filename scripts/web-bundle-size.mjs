// What a browser loads for the web extension: the scripts under out/web/, in bytes.
// The target is 2.5 MB minified, ELK included, taken as 2.5 × 10^6 bytes.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const WEB_BUNDLE_LIMIT = 2.5e6;

export function webBundleBytes(dir) {
    return readdirSync(dir).filter(f => f.endsWith('.js')).reduce((n, f) => n + statSync(join(dir, f)).size, 0);
}
