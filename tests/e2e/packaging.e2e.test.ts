import { execFile, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanNpmEnv, fixture, REPO_ROOT } from './helpers';

// Packs the repository as npm would publish it, installs the tarball into a fresh project (with
// tsx, ts-node and TypeScript from the registry) and uses it the ways README.md promises:
// ESM import, CommonJS require, TypeScript through tsx and ts-node, strict type checking of the
// published declarations, and the `stitchscan` command through npx.

const NPM_AVAILABLE = spawnSync('npm', ['--version'], { stdio: 'ignore' }).status === 0;
const VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs a command without a shell and returns its exit code and output. */
function exec(cwd: string, command: string, args: readonly string[], env: NodeJS.ProcessEnv = cleanNpmEnv()): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, [...args], { cwd, env, maxBuffer: 64 * 1024 * 1024, timeout: 180_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr: error !== null && code === -1 ? `${stderr}\n${error.message}` : stderr });
    });
  });
}

/** Runs a command; rejects with its output when it exits non-zero. */
async function sh(cwd: string, command: string, args: readonly string[], env?: NodeJS.ProcessEnv): Promise<Run> {
  const result = await exec(cwd, command, args, env);
  if (result.code !== 0) {
    throw new Error(`\`${command} ${args.join(' ')}\` in ${cwd} exited ${result.code}\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`);
  }
  return result;
}

/** Files that `tsc` reports errors in (`path(line,col): error TS...` lines). */
function filesWithErrors(tscOutput: string): string[] {
  return [...new Set([...tscOutput.matchAll(/^(.+?)\(\d+,\d+\): error TS\d+/gm)].map((m) => m[1]!))];
}

const ESM_CONSUMER = `import { profileDataset } from 'stitchscan';
const profile = await profileDataset('customers.csv', { region: 'GB' });
const threaded = await profileDataset('customers.csv', { region: 'GB', threads: true });
console.log(profile.rowCount, threaded.rowCount);
`;

// threads: true loads dist/profile-worker.js from the installed package, from both builds.
const CJS_CONSUMER = `const { profileDataset, TOOL_VERSION } = require('stitchscan');
profileDataset('customers.csv', { region: 'GB', threads: true }).then((profile) => console.log(profile.rowCount, TOOL_VERSION));
`;

/** An ES module in TypeScript; the @ts-expect-error line proves the declarations are real types, not `any`. */
const TS_ESM_CONSUMER = `import { profileDataset, type ColumnProfile, type DatasetProfile } from 'stitchscan';

const profile: DatasetProfile = await profileDataset('customers.csv', { region: 'GB' });
const email: ColumnProfile | undefined = profile.columns.find((c) => c.name === 'email');
console.log(profile.rowCount, email?.semanticType);

export function neverCalled(): void {
  // @ts-expect-error region is a country code string
  void profileDataset('customers.csv', { region: 44 });
}
`;

/** TypeScript with import syntax, compiled to require() (module commonjs). */
const TS_CJS_CONSUMER = `import { profileDataset, isStitchscanError, type DatasetProfile } from 'stitchscan';

async function run(): Promise<void> {
  const profile: DatasetProfile = await profileDataset('../customers.csv', { region: 'GB' });
  const missing = await profileDataset('../missing.csv').catch((error: unknown) => error);
  console.log(profile.rowCount, profile.format, isStitchscanError(missing) ? missing.code : 'no error');
}
void run();
`;

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

describe('the published package (npm pack, then npm install in a fresh project)', () => {
  if (!NPM_AVAILABLE) {
    it.skip('skipped: `npm` is not on PATH, so the tarball cannot be packed and installed', () => undefined);
    return;
  }

  it('contains only dist/ and works from ESM, CommonJS, tsx, ts-node, tsc --strict and npx', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'stitchscan-pack-'));
    try {
      // 1. pack, and list the tarball
      const packed = await sh(REPO_ROOT, 'npm', ['pack', '--pack-destination', tmp, '--json']);
      const [{ filename }] = JSON.parse(packed.stdout) as [{ filename: string }];
      const tarball = join(tmp, filename);
      const entries = (await sh(tmp, 'tar', ['-tzf', tarball])).stdout.split('\n').filter(Boolean);
      for (const file of ['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts', 'dist/cli.js', 'dist/profile-worker.js', 'schema/scan-report.schema.json', 'schema/stitchscan.config.schema.json', 'package.json', 'README.md']) {
        expect(entries, file).toContain(`package/${file}`);
      }
      expect(entries.filter((e) => /^package\/(?:src|tests|fixtures|bench|docs)\//.test(e))).toEqual([]);
      expect(entries.filter((e) => !/^package\/(?:dist\/|schema\/|package\.json$|README\.md$|LICENSE)/.test(e))).toEqual([]);

      // 2. a fresh ESM project with the tarball and the TypeScript runners
      const project = join(tmp, 'project');
      mkdirSync(project);
      writeFileSync(join(project, 'package.json'), json({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }));
      copyFileSync(fixture('sources/customers.csv'), join(project, 'customers.csv'));
      await sh(project, 'npm', ['install', tarball, 'tsx@4', 'ts-node@10', 'typescript@5.9', '@types/node@20', '--no-audit', '--no-fund']);
      const installed = JSON.parse(readFileSync(join(project, 'node_modules/stitchscan/package.json'), 'utf8')) as { version: string };
      expect(installed.version).toBe(VERSION);

      // 3. ESM import and CommonJS require
      writeFileSync(join(project, 'esm.mjs'), ESM_CONSUMER);
      expect((await sh(project, process.execPath, ['esm.mjs'])).stdout).toBe('5 5\n');
      const inline = await sh(project, process.execPath, ['--input-type=module', '-e', "import { TOOL_VERSION } from 'stitchscan'; console.log(TOOL_VERSION)"]);
      expect(inline.stdout).toBe(`${VERSION}\n`);
      writeFileSync(join(project, 'cjs.cjs'), CJS_CONSUMER);
      expect((await sh(project, process.execPath, ['cjs.cjs'])).stdout).toBe(`5 ${VERSION}\n`);
      // the report's JSON Schema and the config's, through the `exports` map
      const schemas = await sh(project, process.execPath, ['-e', "console.log(require('stitchscan/schema.json').title, '|', require('stitchscan/config-schema.json').title)"]);
      expect(schemas.stdout).toBe('stitchscan ScanReport | stitchscan config file\n');
      const scanned = await sh(project, process.execPath, ['--input-type=module', '-e', "import { scan } from 'stitchscan'; const r = await scan(['customers.csv'], { region: 'GB' }); console.log(r.datasets[0].rowCount, typeof r.score.overall)"]);
      expect(scanned.stdout).toBe('5 number\n');

      // 4. TypeScript as an ES module: tsx, ts-node's ESM loader, and a strict type check (index.d.ts)
      writeFileSync(join(project, 'consumer.ts'), TS_ESM_CONSUMER);
      writeFileSync(
        join(project, 'tsconfig.json'),
        json({
          compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, types: ['node'], skipLibCheck: false },
          files: ['consumer.ts'],
        }),
      );
      expect((await sh(project, 'npx', ['--no', '--', 'tsx', 'consumer.ts'])).stdout).toBe('5 email\n');
      // `ts-node --esm` cannot load .ts files on Node 20 (ts-node issue #1997); its loader can.
      expect((await sh(project, process.execPath, ['--loader', 'ts-node/esm', 'consumer.ts'])).stdout).toBe('5 email\n');
      await sh(project, 'npx', ['--no', '--', 'tsc', '--noEmit', '-p', '.']);

      // 5. TypeScript compiled to CommonJS: ts-node, and type checks through `types` (index.d.cts)
      //    and through the `require` condition of `exports`
      const cjs = join(project, 'cjs');
      mkdirSync(cjs);
      writeFileSync(join(cjs, 'package.json'), json({ name: 'consumer-cjs', version: '1.0.0', private: true, type: 'commonjs' }));
      writeFileSync(join(cjs, 'consumer.ts'), TS_CJS_CONSUMER);
      writeFileSync(
        join(cjs, 'tsconfig.json'),
        json({
          compilerOptions: { target: 'ES2022', module: 'commonjs', moduleResolution: 'node10', strict: true, esModuleInterop: true, types: ['node'], skipLibCheck: false },
          files: ['consumer.ts'],
        }),
      );
      const bin = cleanNpmEnv({ PATH: `${join(project, 'node_modules/.bin')}${delimiter}${process.env.PATH ?? ''}` });
      expect((await sh(cjs, 'ts-node', ['consumer.ts'], bin)).stdout).toBe('5 csv E_FILE_NOT_FOUND\n');
      await sh(cjs, 'tsc', ['--noEmit', '-p', '.'], bin);
      // Under module node16 a CommonJS consumer follows `exports.require`. libphonenumber-js's own
      // index.d.cts (reached through the `CountryCode` type in our declarations) fails this check
      // (TS1479, it imports its ESM types.d.js), so only errors in stitchscan's files count here.
      const node16 = ['--noEmit', '-p', '.', '--module', 'node16', '--moduleResolution', 'node16'];
      const strictLibs = await exec(cjs, 'tsc', node16, bin);
      expect(filesWithErrors(strictLibs.stdout).filter((file) => !file.startsWith('../node_modules/libphonenumber-js/'))).toEqual([]);
      expect(strictLibs.code === 0 || filesWithErrors(strictLibs.stdout).length > 0, strictLibs.stdout + strictLibs.stderr).toBe(true);
      await sh(cjs, 'tsc', [...node16, '--skipLibCheck'], bin);

      // 6. the command through npx
      const help = await sh(project, 'npx', ['--no', '--', 'stitchscan', '--help']);
      expect(help.stdout).toContain('stitchscan profile <file>');
      expect((await sh(project, 'npx', ['--no', '--', 'stitchscan', '--version'])).stdout).toBe(`${VERSION}\n`);
      const profiled = await sh(project, 'npx', ['--no', '--', 'stitchscan', 'profile', 'customers.csv', '--region', 'GB']);
      expect(profiled.stdout).toMatch(/^customers: 5 rows, 5 columns/);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 240_000);
});
