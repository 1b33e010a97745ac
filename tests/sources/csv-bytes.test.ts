import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openSource } from '../../src/index';
import type { Cell } from '../../src/model';

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

describe('CSV read as bytes past the head', () => {
  it('reads what one decode of the whole text reads, whatever the chunk boundaries and line endings', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom(...FIELDS), fc.constantFrom(...FIELDS), fc.boolean()), { minLength: 3000, maxLength: 5000 }),
        fc.integer({ min: 0, max: 4999 }),
        fc.array(fc.integer({ min: 1, max: 70_000 }), { minLength: 1, maxLength: 20 }),
        async (records, crlfFrom, sizes) => {
          // LF lines, then CRLF lines from some row on (an export appended to by another tool).
          const text = 'id,a,b\n' + records.map(([a, b], i) => `${i},${csvField(a)},${csvField(b)}${i >= crlfFrom ? '\r\n' : '\n'}`).join('');
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
  }, 120_000);

  it('reports an invalid byte far past the head on its line, and reads the rest', async () => {
    const head = Buffer.from('id,name\n' + Array.from({ length: 20_000 }, (_, i) => `${i},Zoë ${i}\n`).join(''));
    const bytes = Buffer.concat([head, Buffer.from('20000,Bad'), Buffer.from([0xff]), Buffer.from('\n20001,Ana\n')]);
    const chunks = [bytes.subarray(0, 65_536), bytes.subarray(65_536, 200_001), bytes.subarray(200_001)];
    const source = await openSource(Readable.from(chunks), { format: 'csv' });
    const rows: (readonly Cell[])[] = [];
    for await (const batch of source.batches()) rows.push(...batch);
    expect(rows).toHaveLength(20_002);
    expect(rows[20_000]).toEqual(['20000', 'Bad\ufffd']);
    expect(source.issues()).toEqual([expect.objectContaining({ code: 'TEXT_INVALID_UTF8', count: 1, lines: [20_002] })]);
  });
});
