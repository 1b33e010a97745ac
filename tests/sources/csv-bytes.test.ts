import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openSource } from '../../src/index';
import type { Cell } from '../../src/model';
import { TextChunkDecoder } from '../../src/sources/decode';

// Past its first 64 KB, valid UTF-8 goes to csv-parse as bytes, undecoded (TextChunkDecoder.passesThrough);
// chunks holding a \r, an invalid byte, or the end of a character cut by the previous chunk are decoded first.
// Both paths must read what one decode of the whole text reads.

const FIELDS = ['plain', 'Zoë', '€12,50', 'São Paulo', 'say "hi"', 'two\nlines', 'crlf\r\ninside', '', '日本語', 'x'.repeat(300)];

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

async function rowsOf(chunks: Buffer[]): Promise<Cell[][]> {
  const source = await openSource(Readable.from(chunks), { format: 'csv' });
  const rows: Cell[][] = [];
  for await (const batch of source.batches()) rows.push(...batch.map((row) => [...row]));
  expect(source.issues()).toEqual([]);
  return rows;
}

/** Watches which chunks went to the parser undecoded, so that a test knows it took that path. */
function watchBytesPath(): { results: () => boolean[]; bytes: () => number } {
  const spy = vi.spyOn(TextChunkDecoder.prototype, 'passesThrough');
  const results = (): boolean[] => spy.mock.results.map((r) => r.value === true);
  const bytes = (): number => results().reduce((sum, through, i) => (through ? sum + spy.mock.calls[i]![0].length : sum), 0);
  return { results, bytes };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('CSV read as bytes past the head', () => {
  it('reads what one decode of the whole text reads, whatever the chunk boundaries and line endings', async () => {
    const watch = watchBytesPath();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom(...FIELDS), fc.constantFrom(...FIELDS)), { minLength: 3000, maxLength: 5000 }),
        // past the last row in about half the runs: all LF, where most chunks can go as bytes
        fc.integer({ min: 0, max: 9999 }),
        fc.array(fc.integer({ min: 1, max: 70_000 }), { minLength: 1, maxLength: 20 }),
        async (records, crlfFrom, sizes) => {
          // LF lines, then CRLF lines from some row on (an export appended to by another tool); the
          // line breaks inside quoted fields follow the lines' own.
          const cell = (value: string, crlf: boolean): string => csvField(crlf ? value : value.replaceAll('\r\n', '\n'));
          const text = 'id,a,b\n' + records.map(([a, b], i) => `${i},${cell(a, i >= crlfFrom)},${cell(b, i >= crlfFrom)}${i >= crlfFrom ? '\r\n' : '\n'}`).join('');
          const bytes = Buffer.from(text);
          const chunks: Buffer[] = [];
          for (let at = 0, k = 0; at < bytes.length; k++) {
            const size = sizes[k % sizes.length]!;
            chunks.push(bytes.subarray(at, at + size));
            at += size;
          }
          const expected = (parse(text.replaceAll('\r\n', '\n'), { relax_column_count: true }) as string[][]).slice(1);
          expect(await rowsOf(chunks)).toEqual(expected);
        },
      ),
      // no shrinking: thousands of rows shrink for minutes, and the failing text is printed anyway
      { numRuns: 25, endOnFailure: true },
    );
    // the property compared the two paths, not the decoded path with itself
    expect(watch.bytes()).toBeGreaterThan(1_000_000);
  }, 120_000);

  it('joins a \\r that ends one chunk to the \\n that starts the next, though that chunk has no \\r', async () => {
    const head = 'id,name\n' + Array.from({ length: 10_000 }, (_, i) => `${i},Zoë ${i}\n`).join('');
    const bytes = Buffer.from(head + '10000,Ana\r\n10001,Bo\n10002,Cy\r\n');
    const end = Buffer.byteLength(head);
    const cr = bytes.indexOf(0x0d) + 1;
    const chunks = [bytes.subarray(0, end), bytes.subarray(end, cr), bytes.subarray(cr, cr + 10), bytes.subarray(cr + 10)];
    expect(chunks.map(String).slice(1)).toEqual(['10000,Ana\r', '\n10001,Bo\n', '10002,Cy\r\n']);
    const rows = await rowsOf(chunks);
    expect(rows).toHaveLength(10_003);
    expect(rows.slice(-3)).toEqual([['10000', 'Ana'], ['10001', 'Bo'], ['10002', 'Cy']]);
  });

  it('reports an invalid byte far past the head on its line, and reads the rest', async () => {
    const head = Buffer.from('id,name\n' + Array.from({ length: 20_000 }, (_, i) => `${i},Zoë ${i}\n`).join(''));
    const bytes = Buffer.concat([head, Buffer.from('20000,Bad'), Buffer.from([0xff]), Buffer.from('\n20001,Ana\n')]);
    // cut after line breaks, so that the middle chunk goes as bytes and its lines are counted there
    const cut = (at: number): number => bytes.indexOf(0x0a, at) + 1;
    const chunks = [bytes.subarray(0, cut(65_536)), bytes.subarray(cut(65_536), cut(200_000)), bytes.subarray(cut(200_000))];
    const watch = watchBytesPath();
    const source = await openSource(Readable.from(chunks), { format: 'csv' });
    const rows: (readonly Cell[])[] = [];
    for await (const batch of source.batches()) rows.push(...batch);
    expect(watch.results()).toEqual([true, false]);
    expect(rows).toHaveLength(20_002);
    expect(rows[20_000]).toEqual(['20000', 'Bad\ufffd']);
    expect(source.issues()).toEqual([expect.objectContaining({ code: 'TEXT_INVALID_UTF8', count: 1, lines: [20_002] })]);
  });
});
