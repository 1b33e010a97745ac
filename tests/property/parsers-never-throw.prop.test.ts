import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isStitchscanError } from '../../src/errors';
import type { OpenSourceOptions } from '../../src/sources';
import { openSource } from '../../src/sources';

const FORMATS: OpenSourceOptions['format'][] = [undefined, 'csv', 'ndjson', 'json'];
const STRUCTURAL = [...',;|\t"\n\r{}[]:\\= \'-.0aé'].flatMap((ch) => [...Buffer.from(ch)]);

/** Bytes biased towards the characters parsers branch on, mixed with random bytes. */
const structuredBytes = fc
  .array(fc.oneof({ arbitrary: fc.constantFrom(...STRUCTURAL), weight: 4 }, { arbitrary: fc.integer({ min: 0, max: 255 }), weight: 1 }), {
    maxLength: 400,
  })
  .map((bytes) => Uint8Array.from(bytes));

/** Text shaped like each format, then damaged by random cuts. */
const nearlyValid = fc
  .oneof(
    fc.array(fc.array(fc.string({ maxLength: 6 }), { minLength: 1, maxLength: 4 }), { maxLength: 6 }).map((rows) =>
      rows.map((cells) => cells.map((c) => `"${c.replaceAll('"', '""')}"`).join(',')).join('\n'),
    ),
    fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 5 }).map((values) => values.map((v) => JSON.stringify(v)).join('\n')),
    fc.jsonValue({ maxDepth: 4 }).map((v) => `window.YTD.x.part0 = ${JSON.stringify([v, { a: v }])}`),
  )
  .chain((text) => fc.tuple(fc.constant(text), fc.nat({ max: text.length })))
  .map(([text, cut]) => Buffer.from(text.slice(0, cut)));

function isCell(cell: unknown): boolean {
  const scalar = (v: unknown): boolean => v === null || ['string', 'number', 'boolean'].includes(typeof v);
  return cell === undefined || scalar(cell) || (Array.isArray(cell) && cell.every(scalar));
}

/** Opens and drains; fails on any error that is not a StitchscanError or on a malformed row. */
async function drains(bytes: Uint8Array, format: OpenSourceOptions['format'], chunkSize: number): Promise<void> {
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(Buffer.from(bytes.subarray(i, i + chunkSize)));
  try {
    const source = await openSource(Readable.from(chunks), { format });
    for await (const batch of source.batches()) {
      for (const row of batch) {
        expect(Array.isArray(row)).toBe(true);
        expect(row.every(isCell)).toBe(true);
      }
    }
    source.issues();
  } catch (error) {
    if (!isStitchscanError(error)) throw error;
  }
}

describe('openSource on arbitrary bytes', () => {
  it('throws nothing but StitchscanError and yields well-formed rows, whatever the bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), fc.constantFrom(...FORMATS), fc.integer({ min: 1, max: 64 }), drains),
      { numRuns: 200 },
    );
  });

  it('does the same for bytes rich in delimiters, quotes, brackets and line breaks', async () => {
    await fc.assert(fc.asyncProperty(structuredBytes, fc.constantFrom(...FORMATS), fc.integer({ min: 1, max: 64 }), drains), {
      numRuns: 200,
    });
  });

  it('does the same for truncated CSV, NDJSON and JSON', async () => {
    await fc.assert(fc.asyncProperty(nearlyValid, fc.constantFrom(...FORMATS), fc.integer({ min: 1, max: 64 }), drains), {
      numRuns: 200,
    });
  });

  it('does the same for gzip-looking input', async () => {
    const gzipLike = fc.uint8Array({ maxLength: 100 }).map((tail) => Uint8Array.from([0x1f, 0x8b, ...tail]));
    await fc.assert(fc.asyncProperty(gzipLike, fc.constantFrom(...FORMATS), fc.constant(1024), drains), { numRuns: 50 });
  });
});
