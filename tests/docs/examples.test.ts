import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Every docs/examples/*.ts runs as a script, as a reader would run it, and must exit 0: each one
// ends in assertions, so a change of behaviour fails here.

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const examples = readdirSync(join(root, 'docs/examples'))
  .filter((file) => file.endsWith('.ts'))
  .sort();

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function npx(args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(
      'npx',
      args,
      { cwd: root, env: { ...process.env, TZ: 'UTC', NO_COLOR: '1' }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        done({ code, stdout, stderr });
      },
    );
  });
}

describe('docs/examples', () => {
  it('lists every example in docs/README.md', () => {
    const index = readFileSync(join(root, 'docs/README.md'), 'utf8');
    expect(examples.length).toBeGreaterThanOrEqual(4);
    for (const file of examples) expect(index, file).toContain(`](examples/${file})`);
  });

  it.each(examples)('%s runs with `npx tsx` and exits 0', async (file) => {
    const { code, stdout, stderr } = await npx(['tsx', join('docs/examples', file)]);
    expect(code, `${file} failed:\n${stderr}\n${stdout}`).toBe(0);
    expect(stdout.trimEnd().split('\n').at(-1)).toMatch(/^ok/);
  }, 120_000);

  it('type-checks with the repository compiler options', async () => {
    // tsconfig.json does not include docs/, so the examples are checked here with its options.
    const { stdout } = await npx([
      'tsc', '--noEmit', '--pretty', 'false',
      '--target', 'ES2022', '--lib', 'ES2022', '--module', 'ESNext', '--moduleResolution', 'Bundler',
      '--types', 'node', '--strict', '--noUncheckedIndexedAccess', '--noImplicitOverride',
      '--noUnusedLocals', '--noUnusedParameters', '--verbatimModuleSyntax', '--isolatedModules',
      '--esModuleInterop', '--skipLibCheck',
      ...examples.map((file) => join('docs/examples', file)),
    ]);
    // Only the examples' own errors count here; src/ is type-checked by `npm run typecheck`.
    const errors = stdout.split('\n').filter((line) => line.startsWith('docs/examples/'));
    expect(errors).toEqual([]);
  }, 120_000);
});
