import { beforeAll, describe, expect, it } from 'vitest';
import type { DatasetProfile } from '../../src/index';
import { GROUND_TRUTH, importDist, parseJsonOutput, REPO_ROOT, runCli, type CliResult, type PublicApi } from './helpers';

// Anything the command does must be reachable from the public API: the built package's
// profileDataset + stripSketches + renderProfileSummary reproduce `stitchscan profile` exactly.
// The command has no option for the profile time, so the API run reuses the CLI's `profiledAt`.

const TIMEOUT = 120_000;
const FIXTURES = Object.entries(GROUND_TRUTH.datasets).map(([name, truth]) => ({ name, path: truth.path }));

let api: PublicApi;
const cli = new Map<string, { json: CliResult; table: CliResult; sketches?: CliResult }>();

beforeAll(async () => {
  api = await importDist();
  // The command runs in child processes, concurrently; paths are relative to the repository root,
  // which is also vitest's working directory (checked below), so `source.path` is the same string.
  await Promise.all(
    FIXTURES.map(async ({ name, path }) => {
      const [json, table, sketches] = await Promise.all([
        runCli(['profile', path, '--region', 'GB', '--json']),
        runCli(['profile', path, '--region', 'GB']),
        name === 'customers' ? runCli(['profile', path, '--region', 'GB', '--json', '--with-sketches']) : undefined,
      ]);
      cli.set(name, { json, table, ...(sketches ? { sketches } : {}) });
    }),
  );
}, 240_000);

describe('profileDataset (public API) against `stitchscan profile`', () => {
  it('runs from the repository root, where the command ran', () => {
    expect(process.cwd()).toBe(REPO_ROOT);
  });

  it.each(FIXTURES)('gives the same JSON as `profile $path --region GB --json`', async ({ name, path }) => {
    const run = cli.get(name)!;
    expect(run.json.code, run.json.stderr).toBe(0);
    const fromCli = parseJsonOutput(run.json) as DatasetProfile;
    const profile = await api.profileDataset(path, { region: 'GB', profiledAt: fromCli.profiledAt });
    const fromApi = api.stripSketches(profile);
    expect(fromApi).toEqual(fromCli);
    // byte for byte, as the command prints it
    expect(`${JSON.stringify(fromApi, null, 2)}\n`).toBe(run.json.stdout);
  }, TIMEOUT);

  it.each(FIXTURES)('gives the same terminal summary as `profile $path --region GB` via renderProfileSummary', async ({ name, path }) => {
    const run = cli.get(name)!;
    expect(run.table.code, run.table.stderr).toBe(0);
    const profile = await api.profileDataset(path, { region: 'GB', sketches: false });
    expect(`${api.renderProfileSummary(profile)}\n`).toBe(run.table.stdout);
  }, TIMEOUT);

  it('keeps the same sketches as `--with-sketches` by default (sketches: true)', async () => {
    const run = cli.get('customers')!.sketches!;
    expect(run.code, run.stderr).toBe(0);
    const fromCli = parseJsonOutput(run) as DatasetProfile;
    const profile = await api.profileDataset(GROUND_TRUTH.datasets.customers.path, { region: 'GB', profiledAt: fromCli.profiledAt });
    expect(profile.sketch).toBeDefined();
    expect(JSON.parse(JSON.stringify(profile))).toEqual(fromCli);
  }, TIMEOUT);
});
