import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['test/**/*.test.ts'],
        setupFiles: ['src/language/polyfill.ts', 'src/host/node-host.ts'],
        testTimeout: 30_000,
    },
});
