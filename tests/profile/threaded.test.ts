import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { fromRows, openSource, profileDataset, type DatasetProfile } from '../../src/index';
import { resolveProfileOptions } from '../../src/profile/options';
import { profileInWorker, profileOnThisThread, shouldUseWorker, THREADS_MIN_BYTES } from '../../src/profile/threaded';

const at = '2026-11-01T00:00:00.000Z';
const both = async (file: string): Promise<[DatasetProfile, DatasetProfile]> => [
  await profileDataset(file, { threads: false, profiledAt: at, region: 'GB' }),
  await profileDataset(file, { threads: true, profiledAt: at, region: 'GB' }),
];

describe('profileDataset with a worker thread', () => {
  it('gives the same profile as one thread, sketches included (CSV)', async () => {
    const [one, worker] = await both('fixtures/crm/customers.csv');
    expect(worker).toEqual(one);
  }, 60_000);

  it('gives the same profile when columns appear as the rows go (NDJSON, gzip)', async () => {
    const [one, worker] = await both('fixtures/web/events.ndjson.gz');
    expect(worker.columns.map((c) => c.name)).toEqual(one.columns.map((c) => c.name));
    expect(worker).toEqual(one);
  }, 60_000);

  it('stops the worker and reports the reader error when the input breaks mid-way', async () => {
    // The CRM fixture gzipped and cut at 60%: rows flow to the worker before the reader fails.
    const gz = gzipSync(readFileSync('fixtures/crm/customers.csv'));
    const dir = mkdtempSync(join(tmpdir(), 'stitchscan-threads-'));
    const file = join(dir, 'cut.csv.gz');
    writeFileSync(file, gz.subarray(0, Math.floor(gz.length * 0.6)));
    let batches = 0;
    await expect(profileDataset(file, { threads: true, onProgress: () => batches++ })).rejects.toMatchObject({ code: 'E_INVALID_GZIP' });
    expect(batches).toBeGreaterThan(0);
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});

describe('profileInWorker, whichever columns the worker is given', () => {
  const options = resolveProfileOptions({ region: 'GB' });
  const pass = async (file: string, share?: (columns: number) => number[]) => {
    const source = await openSource(file);
    if (share === undefined) return profileOnThisThread(source, options, () => {});
    let shared = false;
    // the share is known once the first rows are read, when the columns are
    const result = await profileInWorker(source, options, () => {}, (costs) => {
      shared = true;
      return share(costs.columns.length);
    });
    expect(shared).toBe(true);
    return result;
  };
  const all = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
  const shares: [string, (n: number) => number[]][] = [
    ['no column', () => []],
    ['every column', all],
    ['every other column', (n) => all(n).filter((i) => i % 2 === 1)],
  ];
  for (const file of ['fixtures/crm/customers.csv', 'fixtures/web/events.ndjson.gz']) {
    it.each(shares)(`gives the one-thread pass with %s in the worker (${file})`, async (_, share) => {
      const one = await pass(file);
      expect(await pass(file, share)).toEqual(one);
    }, 60_000);
  }
});

describe('profileInWorker, with the main thread keying batches for the worker', () => {
  const options = resolveProfileOptions({ region: 'GB' });
  // helpFrom 0: the worker counts as behind from the first batch, so every batch's emails and
  // phones are keyed on the main thread and counted from those records
  it.each(['fixtures/crm/customers.csv', 'fixtures/email/subscribers.csv'])('gives the one-thread pass (%s)', async (file) => {
    const one = await profileOnThisThread(await openSource(file), options, () => {});
    const helped = await profileInWorker(await openSource(file), options, () => {}, undefined, 0);
    expect(helped.keys.tables.map((t) => t.kind)).toEqual(expect.arrayContaining(['email']));
    expect(helped).toEqual(one);
  }, 60_000);
});

describe('profileInWorker, timing the first rows', () => {
  it('counts reading at its fastest batch: batches slowed by something else do not skew the share', async () => {
    // In-memory rows come 1,000 to a batch; five of the eight timed batches (2 to 6) wait 100 ms.
    async function* records(): AsyncGenerator<object> {
      for (let i = 0; i < 20_000; i++) {
        if (i % 1000 === 0 && i >= 2000 && i <= 6000) await new Promise((resolve) => setTimeout(resolve, 100));
        yield { email: `user${i}@example.com`, visits: i % 7 };
      }
    }
    let read = Number.NaN;
    await profileInWorker(fromRows(records()), resolveProfileOptions({}), () => {}, (costs) => {
      read = costs.read;
      return [];
    });
    // a slowed batch reads as 0.1 ms a row; the others as some microseconds
    expect(read).toBeGreaterThan(0);
    expect(read).toBeLessThan(0.025);
  }, 60_000);
});

describe('shouldUseWorker', () => {
  it('uses a worker for large files only, unless told', async () => {
    const small = await openSource('fixtures/crm/customers.csv');
    expect(shouldUseWorker(undefined, small)).toBe(false);
    expect(shouldUseWorker(true, small)).toBe(true);
    expect(shouldUseWorker(false, { ...small, totalBytes: THREADS_MIN_BYTES * 2 })).toBe(false);
  });
});
