import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  fixture,
  GROUND_TRUTH,
  importDist,
  parseJsonOutput,
  parseSummaryTable,
  REPO_ROOT,
  runCli,
  sketchPaths,
  summarySection,
  type CliResult,
  withoutClock,
  type PublicApi,
} from './helpers';
import type { DatasetProfile } from '../../src/index';

// Spawns the built command (dist/cli.js): `npm test` builds before vitest runs.

const CRM = 'fixtures/crm/customers.csv';
const HEAVY_TIMEOUT = 120_000;

/** Runs of the command on the demo fixtures, started together once (they take seconds each). */
const runs = new Map<string, Promise<CliResult>>();
function run(...args: string[]): Promise<CliResult> {
  const key = JSON.stringify(args);
  if (!runs.has(key)) runs.set(key, runCli(args));
  return runs.get(key)!;
}
const FIXTURE_RUNS = {
  customers: ['profile', GROUND_TRUTH.datasets.customers.path, '--region', 'GB', '--json'],
  events: ['profile', GROUND_TRUTH.datasets.events.path, '--region', 'GB', '--json'],
  subscribers: ['profile', GROUND_TRUTH.datasets.subscribers.path, '--region', 'GB', '--json'],
  followers: ['profile', GROUND_TRUTH.datasets.followers.path, '--region', 'GB', '--json'],
} as const;

let api: PublicApi;
beforeAll(async () => {
  api = await importDist();
  await Promise.all([
    run('profile', CRM, '--region', 'GB'),
    run('profile', CRM, '--region', 'GB', '--json', '--no-mask'),
    run('profile', CRM, '--region', 'GB', '--json', '--with-sketches'),
    ...Object.values(FIXTURE_RUNS).map((args) => run(...args)),
  ]);
}, 240_000);

/** The raw, trimmed, non-empty values of the `email` column of the CRM fixture. */
function crmEmails(): string[] {
  const records = parse(readFileSync(fixture('crm/customers.csv')), { columns: true }) as Record<string, string>[];
  return records.map((r) => r.email!.trim()).filter((email) => email !== '');
}

function expectSuccess(result: CliResult): void {
  expect(result.stderr, 'stderr').toBe('');
  expect(result.code, `exit code; stderr: ${result.stderr}`).toBe(0);
}

describe('stitchscan profile <file> (terminal summary)', () => {
  let result: CliResult;
  let table: ReturnType<typeof parseSummaryTable>;
  let profile: DatasetProfile;
  beforeAll(async () => {
    result = await run('profile', CRM, '--region', 'GB');
    table = parseSummaryTable(result.stdout);
    profile = parseJsonOutput(await run(...FIXTURE_RUNS.customers)) as DatasetProfile;
  });

  it('exits 0 with nothing on stderr (no progress bar when stderr is not a terminal)', () => {
    expectSuccess(result);
  });

  it('starts with the dataset name, row and column counts and what was detected', () => {
    expect(result.stdout.split('\n')[0]).toBe('customers: 5,000 rows, 12 columns (CSV, utf-8, delimiter ",")');
  });

  it('lists every column of the CSV header, in order, with its type', () => {
    const header = readFileSync(fixture('crm/customers.csv'), 'utf8').split(/\r?\n/)[0]!.split(',');
    expect(header).toEqual(GROUND_TRUTH.datasets.customers.columns);
    expect(table.header).toEqual(['column', 'type', 'nulls', 'distinct', 'semantic', 'flags', 'format']);
    expect(table.rows.map((row) => row[0])).toEqual(header);
    for (const row of table.rows) {
      const column = profile.columns.find((c) => c.name === row[0]);
      expect(row[1], `type of ${row[0]}`).toBe(column?.inferredType);
    }
  });

  it('shows the semantic type of the identity columns of the ground truth', () => {
    const semanticOf = new Map(table.rows.map((row) => [row[0], row[4]!.split(' ')[0]]));
    for (const { column, semanticType } of GROUND_TRUTH.identityColumns.customers!) {
      expect(semanticOf.get(column), column).toBe(semanticType);
    }
    expect(semanticOf.get('email')).toBe('email');
    expect(semanticOf.get('phone')).toBe('phone');
    expect(semanticOf.get('customer_id')).toBe('identifier');
    expect(table.rows.find((row) => row[0] === 'email')![4]).toMatch(/^email \d{1,3}%$/);
  });

  it('prints percentages of nulls that match the fixture (email 3.6% empty, phone 9.6% empty)', () => {
    const nullsOf = new Map(table.rows.map((row) => [row[0], row[2]]));
    expect(nullsOf.get('email')).toBe('4%');
    expect(nullsOf.get('phone')).toBe('10%');
    expect(nullsOf.get('customer_id')).toBe('0%');
  });

  it('has a candidate keys section led by the unique customer_id', () => {
    const keys = summarySection(result.stdout, 'Candidate keys');
    expect(keys, 'Candidate keys section').toBeDefined();
    expect(keys![0]).toMatch(/^ {2}customer_id: .*100% distinct and 100% filled/);
    expect(keys!.length).toBe(profile.candidateKeys.length);
  });

  it('shows no raw email address from the file (masking is on by default)', () => {
    const emails = crmEmails();
    expect(emails.length).toBeGreaterThan(4_000);
    const leaked = emails.filter((email) => result.stdout.includes(email));
    expect(leaked).toEqual([]);
  });
});

describe('stitchscan profile <file> --json', () => {
  let result: CliResult;
  let json: unknown;
  beforeAll(async () => {
    result = await run(...FIXTURE_RUNS.customers);
    json = parseJsonOutput(result);
  });

  it('prints one JSON document that validates against DatasetProfileSchema of the built package', () => {
    expectSuccess(result);
    const parsed = api.DatasetProfileSchema.safeParse(json);
    expect(parsed.success, parsed.error?.message).toBe(true);
    expect(result.stdout.endsWith('}\n')).toBe(true);
  });

  it('reports the row count of the ground truth and the options used', () => {
    const profile = json as DatasetProfile;
    expect(profile.rowCount).toBe(GROUND_TRUTH.datasets.customers.rowCount);
    expect(profile.malformedRowCount).toBe(0);
    expect(profile.options).toEqual({ region: 'GB', distinctBudget: api.DEFAULT_DISTINCT_BUDGET, mask: true });
    expect(Number.isNaN(Date.parse(profile.profiledAt))).toBe(false);
  });

  it('carries no sketch state without --with-sketches', () => {
    expect(sketchPaths(json)).toEqual([]);
  });

  it('masks every email address in top values and examples', () => {
    const profile = json as DatasetProfile;
    const email = profile.columns.find((c) => c.name === 'email')!;
    expect(email.masked).toBe(true);
    const shown = [...email.topValues.map((t) => t.value), ...email.examples];
    expect(shown.length).toBeGreaterThan(0);
    for (const value of shown) expect(value).toMatch(/^[^@\s]\*+@/);
    const leaked = crmEmails().filter((address) => result.stdout.includes(address));
    expect(leaked).toEqual([]);
  });

  it('shows the real addresses with --no-mask', async () => {
    const unmasked = await run('profile', CRM, '--region', 'GB', '--json', '--no-mask');
    expectSuccess(unmasked);
    const profile = parseJsonOutput(unmasked) as DatasetProfile;
    expect(profile.options.mask).toBe(false);
    const email = profile.columns.find((c) => c.name === 'email')!;
    expect(email.masked).toBe(false);
    const emails = new Set(crmEmails());
    const shown = [...email.topValues.map((t) => t.value), ...email.examples];
    expect(shown.length).toBeGreaterThan(0);
    for (const value of shown) expect(emails.has(value.trim()), value).toBe(true);
    // the first rows of the file are the first examples
    expect(email.examples.slice(0, 2)).toEqual(['priya.lee@sky.com', 'MATTHEWW@ICLOUD.COM']);
  });

  it('keeps the sketch state of the dataset and of every column with --with-sketches, and it merges', async () => {
    const withSketches = await run('profile', CRM, '--region', 'GB', '--json', '--with-sketches');
    expectSuccess(withSketches);
    const profile = parseJsonOutput(withSketches) as DatasetProfile;
    expect(api.DatasetProfileSchema.safeParse(profile).success).toBe(true);
    expect(profile.sketch).toBeDefined();
    for (const column of profile.columns) expect(column.sketch, column.name).toBeDefined();
    const twice = api.mergeProfiles(profile, profile);
    expect(twice.rowCount).toBe(2 * GROUND_TRUTH.datasets.customers.rowCount);
    expect(withoutClock(api.stripSketches(profile))).toEqual(withoutClock(json));
  });
});

describe('stitchscan profile on each demo fixture', () => {
  const cases = Object.entries(FIXTURE_RUNS) as [keyof typeof FIXTURE_RUNS, readonly string[]][];

  it.each(cases)('profiles %s with exit 0, the ground-truth row count and columns, and the detected source', async (name, args) => {
    const truth = GROUND_TRUTH.datasets[name];
    const result = await run(...args);
    expectSuccess(result);
    const profile = parseJsonOutput(result) as DatasetProfile;
    expect(api.DatasetProfileSchema.safeParse(profile).success).toBe(true);
    expect(profile.name).toBe(name);
    expect(profile.rowCount).toBe(truth.rowCount);
    expect(profile.malformedRowCount).toBe(0);
    expect(profile.columns.map((c) => c.name)).toEqual(truth.columns);
    expect(profile.format).toBe(truth.format);
    const expectedSource = {
      format: truth.format,
      path: truth.path,
      bytes: truth.bytes,
      compression: truth.compression ?? null,
      encoding: truth.encoding,
      bom: truth.bom,
      ...(truth.delimiter === undefined ? {} : { delimiter: truth.delimiter, quote: truth.quote, hasHeader: truth.hasHeader }),
      ...(truth.lineEnding === undefined ? {} : { lineEnding: truth.lineEnding }),
      ...(truth.jsonShape === undefined ? {} : { jsonShape: truth.jsonShape, recordsPath: truth.recordsPath }),
      headerChanges: [],
    };
    expect(profile.source).toEqual(expectedSource);
    expect(sketchPaths(profile)).toEqual([]);
  }, HEAVY_TIMEOUT);

  it('detects the semicolon delimiter and the BOM of the email list (BOM not part of the first column name)', async () => {
    const profile = parseJsonOutput(await run(...FIXTURE_RUNS.subscribers)) as DatasetProfile;
    expect(profile.source).toMatchObject({ delimiter: ';', bom: true, encoding: 'utf-8' });
    expect(profile.columns[0]!.name).toBe('Email Address');
    expect(profile.columns[0]!.semanticType).toBe('email');
  });

  it('finds the records of the window.YTD archive and the gzip of the web events', async () => {
    const followers = parseJsonOutput(await run(...FIXTURE_RUNS.followers)) as DatasetProfile;
    expect(followers.source).toMatchObject({ format: 'json', jsonShape: 'assignment', recordsPath: 'window.YTD.follower.part0' });
    const events = parseJsonOutput(await run(...FIXTURE_RUNS.events)) as DatasetProfile;
    expect(events.source).toMatchObject({ format: 'ndjson', compression: 'gzip' });
  });
});

describe('stitchscan profile on malformed rows', () => {
  /** Lines (1-based) of a comma-separated file whose field count differs from the header's, blank lines excepted. */
  function raggedLines(path: string): { tooFew: number[]; tooMany: number[] } {
    const lines = readFileSync(path, 'utf8').split('\n');
    if (lines.at(-1) === '') lines.pop();
    const width = lines[0]!.split(',').length;
    const tooFew: number[] = [];
    const tooMany: number[] = [];
    lines.forEach((line, i) => {
      if (i === 0 || line.trim() === '') return;
      const fields = line.split(',').length;
      if (fields < width) tooFew.push(i + 1);
      if (fields > width) tooMany.push(i + 1);
    });
    return { tooFew, tooMany };
  }

  it('exits 0 on a ragged CSV and reports each defect with the line numbers found in the file', async () => {
    const result = await runCli(['profile', 'fixtures/broken/ragged.csv', '--json']);
    expectSuccess(result);
    const profile = parseJsonOutput(result) as DatasetProfile;
    const expected = raggedLines(fixture('broken/ragged.csv'));
    expect(expected).toEqual({ tooFew: [3, 8], tooMany: [5, 9] });
    expect(profile.issues).toEqual([
      expect.objectContaining({ code: 'ROW_TOO_FEW_FIELDS', count: 2, lines: expected.tooFew }),
      expect.objectContaining({ code: 'ROW_TOO_MANY_FIELDS', count: 2, lines: expected.tooMany }),
    ]);
    expect(profile.rowCount).toBe(3);
    expect(profile.malformedRowCount).toBe(4);
    expect(profile.columns.map((c) => c.name)).toEqual(['id', 'name', 'email']);
  });

  it('lists the reading problems with their lines in the terminal summary', async () => {
    const result = await runCli(['profile', 'fixtures/broken/ragged.csv']);
    expectSuccess(result);
    const problems = summarySection(result.stdout, 'Reading problems');
    expect(problems).toEqual([
      expect.stringMatching(/^ {2}ROW_TOO_FEW_FIELDS x2: .*\(lines 3, 8\)$/),
      expect.stringMatching(/^ {2}ROW_TOO_MANY_FIELDS x2: .*\(lines 5, 9\)$/),
    ]);
  });

  it('exits 0 on NDJSON with invalid lines and reports them by line', async () => {
    const result = await runCli(['profile', 'fixtures/broken/invalid-lines.ndjson', '--json']);
    expectSuccess(result);
    const profile = parseJsonOutput(result) as DatasetProfile;
    expect(profile.issues).toEqual([
      expect.objectContaining({ code: 'ROW_INVALID_JSON', count: 2, lines: [2, 3] }),
      expect.objectContaining({ code: 'ROW_NOT_OBJECT', count: 3, lines: [5, 6, 7] }),
    ]);
    expect(profile.rowCount).toBe(3);
  });
});

describe('stitchscan user errors', () => {
  /** Asserts the user-error contract: exit 2, nothing on stdout, `error [CODE]: ...` then `hint: ...`, no stack. */
  function expectUserError(result: CliResult, code: string): string {
    expect(result.code, `exit code; stderr: ${result.stderr}`).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).not.toMatch(/^[ \t]+at /m);
    const lines = result.stderr.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(new RegExp(`^error \\[${code}\\]: \\S.*$`));
    expect(lines[1]).toMatch(/^hint: \S.*$/);
    expect(lines[2]).toBe('');
    return lines[0]!;
  }

  it('exits 2 with E_FILE_NOT_FOUND for a missing file, naming it', async () => {
    const line = expectUserError(await runCli(['profile', 'no/such/file.csv']), 'E_FILE_NOT_FOUND');
    expect(line).toContain('no/such/file.csv');
  });

  it('exits 2 with E_FILE_UNREADABLE for a directory', async () => {
    const line = expectUserError(await runCli(['profile', 'fixtures']), 'E_FILE_UNREADABLE');
    expect(line).toContain('directory');
  });

  it('exits 2 with E_EMPTY_INPUT for an empty file', async () => {
    expect(readFileSync(fixture('broken/empty.csv')).length).toBe(0);
    expectUserError(await runCli(['profile', 'fixtures/broken/empty.csv']), 'E_EMPTY_INPUT');
  });

  it('exits 2 with E_EMPTY_INPUT for a file of blank lines', async () => {
    expectUserError(await runCli(['profile', 'fixtures/broken/whitespace.csv']), 'E_EMPTY_INPUT');
  });

  it('exits 2 with E_UNKNOWN_FORMAT for zip bytes under a .csv name', async () => {
    expect(readFileSync(fixture('broken/renamed-xlsx.csv')).subarray(0, 2).toString('latin1')).toBe('PK');
    expectUserError(await runCli(['profile', 'fixtures/broken/renamed-xlsx.csv']), 'E_UNKNOWN_FORMAT');
  });

  it('exits 2 with E_INVALID_GZIP for a truncated .gz and E_INVALID_JSON for a non-JSON .json', async () => {
    expectUserError(await runCli(['profile', 'fixtures/broken/truncated.csv.gz']), 'E_INVALID_GZIP');
    expectUserError(await runCli(['profile', 'fixtures/broken/not-json.json']), 'E_INVALID_JSON');
  });

  it('exits 2 with E_INVALID_OPTION for an unknown option, naming it', async () => {
    const line = expectUserError(await runCli(['profile', 'fixtures/sources/customers.csv', '--frobnicate']), 'E_INVALID_OPTION');
    expect(line).toContain('--frobnicate');
  });

  it('exits 2 with E_INVALID_OPTION for an unknown command, naming it', async () => {
    const line = expectUserError(await runCli(['scna', 'fixtures/sources/customers.csv']), 'E_INVALID_OPTION');
    expect(line).toContain('"scna"');
  });

  it('exits 2 with E_INVALID_OPTION when profile gets two files or an option lacks its value', async () => {
    expectUserError(await runCli(['profile', 'fixtures/sources/customers.csv', 'fixtures/sources/bom.csv']), 'E_INVALID_OPTION');
    expectUserError(await runCli(['profile', 'fixtures/sources/customers.csv', '--region']), 'E_INVALID_OPTION');
  });

  it('exits 2 with E_INVALID_OPTION for --region XX, quoting the value', async () => {
    const line = expectUserError(await runCli(['profile', 'fixtures/sources/customers.csv', '--region', 'XX']), 'E_INVALID_OPTION');
    expect(line).toContain('region');
    expect(line).toContain('"XX"');
  });

  it('exits 2 with E_INVALID_OPTION for --distinct-budget abc', async () => {
    const line = expectUserError(await runCli(['profile', 'fixtures/sources/customers.csv', '--distinct-budget', 'abc']), 'E_INVALID_OPTION');
    expect(line).toMatch(/distinct.?budget/i);
  });

  it('names the flag and quotes the value the user typed in option errors', async () => {
    const budget = await runCli(['profile', 'fixtures/sources/customers.csv', '--distinct-budget', 'abc']);
    expect(budget.stderr.split('\n')[0]).toBe(
      'error [E_INVALID_OPTION]: Invalid option --distinct-budget: must be a whole number from 16 to 10000000, got "abc"',
    );
    const region = await runCli(['profile', 'fixtures/sources/customers.csv', '--region', 'XX']);
    expect(region.stderr.split('\n')[0]).toMatch(/^error \[E_INVALID_OPTION\]: Invalid option --region: .*, got "XX"$/);
  });

  it('exits 2 with E_INVALID_OPTION for --format, --encoding and --delimiter values it does not know', async () => {
    expectUserError(await runCli(['profile', 'fixtures/sources/customers.csv', '--format', 'xml']), 'E_INVALID_OPTION');
    expectUserError(await runCli(['profile', 'fixtures/sources/customers.csv', '--encoding', 'latin9']), 'E_INVALID_OPTION');
    expectUserError(await runCli(['profile', 'fixtures/sources/customers.csv', '--delimiter', ';;;;;;;;;']), 'E_INVALID_OPTION');
  });
});

describe('stitchscan --help and --version', () => {
  const version = (JSON.parse(readFileSync(`${REPO_ROOT}/package.json`, 'utf8')) as { version: string }).version;

  it('prints usage with `stitchscan profile` on stdout and exits 0 for --help, -h and no arguments', async () => {
    for (const args of [['--help'], ['-h'], [], ['profile', '--help']]) {
      const result = await runCli(args);
      expectSuccess(result);
      expect(result.stdout, args.join(' ')).toContain('stitchscan profile <file>');
      expect(result.stdout).toContain('--region');
      expect(result.stdout).toContain('Exit codes');
    }
  });

  it('prints the version of package.json for --version and -v', async () => {
    for (const flag of ['--version', '-v']) {
      const result = await runCli([flag]);
      expectSuccess(result);
      expect(result.stdout).toBe(`${version}\n`);
    }
  });

  it('names the version in the usage text', async () => {
    const result = await runCli(['--help']);
    expect(result.stdout.split('\n')[0]).toContain(`stitchscan ${version}`);
  });
});
