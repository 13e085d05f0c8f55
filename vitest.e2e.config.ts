// End-to-end tests in the real VS Code workbench: one file at a time, long timeouts.
import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['test/e2e/**/*.e2e.ts'],
        testTimeout: 120_000,
        hookTimeout: 240_000,
        fileParallelism: false,
        // The workbench saves, rechecks and repaints at its own pace on a loaded machine.
        expect: { poll: { timeout: 15_000 } },
    },
});
