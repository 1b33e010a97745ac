import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as api from '../../src/index';
import { main } from '../../src/cli/main';
import { EXIT } from '../../src/cli/exit-codes';
import { fakeIo } from '../helpers/fake-io';

// main(argv, io) in-process, with fake streams. `profileDataset` is wrapped in a spy that calls the
// real implementation, so one test can make it fail the way a bug would.
vi.mock('../../src/index', async (importOriginal) => {
  const actual = await importOriginal<typeof api>();
  return { ...actual, profileDataset: vi.fn(actual.profileDataset) };
});

const SMALL = 'fixtures/sources/customers.csv';

beforeEach(() => {
  vi.mocked(api.profileDataset).mockClear();
});

describe('main --help / --version', () => {
  it('writes the usage to stdout and returns 0 for --help and for no arguments', async () => {
    for (const argv of [['--help'], []]) {
      const { io, out, err } = fakeIo();
      await expect(main(argv, io)).resolves.toBe(EXIT.OK);
      expect(out()).toContain('stitchscan profile <file>');
      expect(err()).toBe('');
    }
  });

  it('writes the version and returns 0', async () => {
    const { io, out } = fakeIo();
    await expect(main(['--version'], io)).resolves.toBe(0);
    expect(out()).toBe(`${api.TOOL_VERSION}\n`);
  });
});

describe('main profile', () => {
  it('writes the JSON profile of a file to stdout and returns 0', async () => {
    const { io, out, err } = fakeIo();
    await expect(main(['profile', SMALL, '--json', '--region', 'GB'], io)).resolves.toBe(0);
    const profile = api.DatasetProfileSchema.parse(JSON.parse(out()));
    expect(profile.rowCount).toBe(5);
    expect(profile.options).toMatchObject({ region: 'GB', mask: true });
    expect(profile.sketch).toBeUndefined();
    expect(err()).toBe('');
  });

  it('passes the parsed options to profileDataset', async () => {
    const { io } = fakeIo();
    await main(['profile', SMALL, '--json', '--region', 'de', '--no-mask', '--distinct-budget', '100', '--key-budget', '200', '--link-budget', '300', '--name', 'crm', '--delimiter', 'tab'], io);
    expect(api.profileDataset).toHaveBeenCalledTimes(1);
    expect(api.profileDataset).toHaveBeenCalledWith(
      SMALL,
      expect.objectContaining({ region: 'de', mask: false, sketches: false, distinctBudget: 100, keyBudget: 200, linkBudget: 300, name: 'crm', delimiter: '\t' }),
    );
  });

  it('writes the terminal summary without --json', async () => {
    const { io, out } = fakeIo();
    await expect(main(['profile', SMALL], io)).resolves.toBe(0);
    expect(out()).toMatch(/^customers: 5 rows, 5 columns \(CSV, utf-8, delimiter ","\)\n/);
    expect(out()).toContain('Candidate keys');
  });

  it('draws a progress bar on a terminal stderr and nothing with --quiet or without a terminal', async () => {
    const tty = fakeIo({ tty: true });
    await expect(main(['profile', SMALL, '--json'], tty.io)).resolves.toBe(0);
    expect(tty.err()).toContain('customers');
    expect(tty.err()).toContain('rows');
    JSON.parse(tty.out()); // stdout stays pure JSON

    const quiet = fakeIo({ tty: true });
    await expect(main(['profile', SMALL, '--json', '--quiet'], quiet.io)).resolves.toBe(0);
    expect(quiet.err()).toBe('');

    const piped = fakeIo({ tty: false });
    await expect(main(['profile', SMALL, '--json'], piped.io)).resolves.toBe(0);
    expect(piped.err()).toBe('');
  });
});

describe('main user errors', () => {
  const cases: { what: string; argv: string[]; code: api.ErrorCode }[] = [
    { what: 'a missing file', argv: ['profile', 'no/such/file.csv'], code: 'E_FILE_NOT_FOUND' },
    { what: 'a directory', argv: ['profile', 'fixtures'], code: 'E_FILE_UNREADABLE' },
    { what: 'an empty file', argv: ['profile', 'fixtures/broken/empty.csv'], code: 'E_EMPTY_INPUT' },
    { what: 'zip bytes named .csv', argv: ['profile', 'fixtures/broken/renamed-xlsx.csv'], code: 'E_UNKNOWN_FORMAT' },
    { what: 'an unknown option', argv: ['profile', SMALL, '--bogus'], code: 'E_INVALID_OPTION' },
    { what: 'an unknown command', argv: ['scna', SMALL], code: 'E_INVALID_OPTION' },
    { what: '--region XX', argv: ['profile', SMALL, '--region', 'XX'], code: 'E_INVALID_OPTION' },
    { what: '--distinct-budget abc', argv: ['profile', SMALL, '--distinct-budget', 'abc'], code: 'E_INVALID_OPTION' },
    { what: '--distinct-budget 3 (below the minimum)', argv: ['profile', SMALL, '--distinct-budget', '3'], code: 'E_INVALID_OPTION' },
    { what: '--key-budget 1e5 (not digits)', argv: ['profile', SMALL, '--key-budget', '1e5'], code: 'E_INVALID_OPTION' },
    { what: '--link-budget 3 (below the minimum)', argv: ['joins', SMALL, '--link-budget', '3'], code: 'E_INVALID_OPTION' },
  ];

  it.each(cases)('returns 2 for $what and writes `error [$code]: ...` and the code\'s hint, no stack', async ({ argv, code }) => {
    const { io, out, err } = fakeIo();
    await expect(main(argv, io)).resolves.toBe(EXIT.USER_ERROR);
    expect(out()).toBe('');
    expect(err().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^error \\[${code}\\]: \\S`)),
      `hint: ${api.ERROR_CODES[code].hint}`,
      '',
    ]);
  });

  it('still prints no stack for a user error with --debug', async () => {
    const { io, err } = fakeIo();
    await expect(main(['profile', 'no/such/file.csv', '--debug'], io)).resolves.toBe(2);
    expect(err()).not.toMatch(/^[ \t]+at /m);
  });

  it('returns 2 for two files, with the hint that error brings instead of the code\'s', async () => {
    const { io, err } = fakeIo();
    await expect(main(['profile', SMALL, SMALL], io)).resolves.toBe(2);
    expect(err()).toMatch(/^error \[E_INVALID_OPTION\]: stitchscan profile takes one file, got 2\nhint: Run `stitchscan profile <file>` once per file[^\n]*\n$/);
  });
});

describe('main internal errors', () => {
  it('returns 3 and writes one line pointing to --debug when the library throws a non-Stitchscan error', async () => {
    vi.mocked(api.profileDataset).mockRejectedValueOnce(new TypeError("Cannot read properties of undefined (reading 'length')"));
    const { io, out, err } = fakeIo();
    await expect(main(['profile', SMALL], io)).resolves.toBe(EXIT.INTERNAL);
    expect(out()).toBe('');
    expect(err()).toBe("internal error: Cannot read properties of undefined (reading 'length') (re-run with --debug for the stack)\n");
  });

  it('prints the stack with --debug', async () => {
    const error = new TypeError('boom');
    vi.mocked(api.profileDataset).mockRejectedValueOnce(error);
    const { io, err } = fakeIo();
    await expect(main(['profile', SMALL, '--debug'], io)).resolves.toBe(3);
    expect(err()).toMatch(/^internal error: TypeError: boom\n/);
    expect(err()).toMatch(/^[ \t]+at /m);
    expect(err()).toContain(error.stack!.split('\n')[1]!.trim());
  });

  it('returns 3 for a thrown non-Error value', async () => {
    vi.mocked(api.profileDataset).mockImplementationOnce(() => {
      throw 'a string';
    });
    const { io, err } = fakeIo();
    await expect(main(['profile', SMALL], io)).resolves.toBe(3);
    expect(err()).toBe('internal error: a string (re-run with --debug for the stack)\n');
  });
});
