import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // End-to-end tests spawn the built command and pack the package; they need `npm run build` first.
    testTimeout: 20_000,
    hookTimeout: 240_000,
    pool: 'forks',
  },
});
