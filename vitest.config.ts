import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['test/**/*.test.ts'],
        // The CLI tests spawn the bundled command; give them room on a 2-core machine.
        testTimeout: 30_000,
    },
});
