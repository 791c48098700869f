import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['test/**/*.test.ts'],
        setupFiles: ['test/setup/step-budget.ts'],
        // The CLI tests spawn the bundled command: room for a 2-core machine busy with other work. A
        // timeout only stops a hang; no test measures how long anything takes.
        testTimeout: 120_000,
        hookTimeout: 120_000,
    },
});
