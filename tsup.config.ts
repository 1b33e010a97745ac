import { defineConfig } from 'tsup';

// No `clean`: the two builds run in parallel; `prebuild` empties dist/ instead.
const shared = { target: 'node20', platform: 'node', sourcemap: true, clean: false } as const;

export default defineConfig([
  // shims: import.meta.url in the CJS build, which finds the worker file next to the bundle.
  { ...shared, entry: { index: 'src/index.ts' }, format: ['esm', 'cjs'], dts: true, shims: true },
  // The profile worker (profile/threaded.ts): one ESM file, loaded by both builds.
  { ...shared, entry: { 'profile-worker': 'src/profile/profile-worker.ts' }, format: ['esm'], dts: false },
  // The CLI is one ESM file; tsup keeps the shebang of bin.ts and marks the file executable.
  { ...shared, entry: { cli: 'src/cli/bin.ts' }, format: ['esm'], dts: false },
]);
