// One place that loads elkjs: its bundled build (no web-worker dependency), whose
// CommonJS export is the constructor itself or `{ default }` depending on the loader.
import type { ELK as ElkApi } from 'elkjs/lib/elk-api.js';
import * as bundled from 'elkjs/lib/elk.bundled.js';

type ElkConstructor = new() => ElkApi;
const loaded = bundled as unknown as ElkConstructor | { default: ElkConstructor };

export function createElk(): ElkApi {
    const Ctor = typeof loaded === 'function' ? loaded : loaded.default;
    return new Ctor();
}
