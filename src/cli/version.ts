// The version esbuild writes into the bundle (from package.json); `0.0.0-dev` from source.
declare const BOS_VERSION: string;

export const VERSION = typeof BOS_VERSION === 'string' ? BOS_VERSION : '0.0.0-dev';
