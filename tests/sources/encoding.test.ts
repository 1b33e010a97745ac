import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Cell, Source } from '../../src/model/source';
import { IssueCollector } from '../../src/sources/_issues';
import { TextChunkDecoder } from '../../src/sources/decode';
import { detectEncoding, openSource } from '../../src/sources';

const fixture = (name: string): string => new URL(`../../fixtures/${name}`, import.meta.url).pathname;

async function rowsOf(source: Source): Promise<(readonly Cell[])[]> {
  const rows: (readonly Cell[])[] = [];
  for await (const batch of source.batches()) rows.push(...batch);
  return rows;
}

const PEOPLE = [
  ['Müller', 'Köln'],
  ['José', 'São Paulo'],
];

describe('detectEncoding', () => {
  it('recognises byte order marks', () => {
    expect(detectEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ encoding: 'utf-8', bom: true });
    expect(detectEncoding(Buffer.from([0xff, 0xfe, 0x61, 0x00]))).toEqual({ encoding: 'utf-16le', bom: true });
    expect(detectEncoding(Buffer.from([0xfe, 0xff, 0x00, 0x61]))).toEqual({ encoding: 'utf-16be', bom: true });
  });

  it('recognises UTF-16 without a BOM by its zero bytes', () => {
    expect(detectEncoding(Buffer.from('id,name\n1,Ana\n', 'utf16le'))).toEqual({ encoding: 'utf-16le', bom: false });
    expect(detectEncoding(Buffer.from('id,name\n1,Ana\n', 'utf16le').swap16())).toEqual({ encoding: 'utf-16be', bom: false });
  });

  it('takes valid UTF-8 as UTF-8 and single-byte accents as windows-1252', () => {
    expect(detectEncoding(Buffer.from('name\nJosé\n'), true)).toEqual({ encoding: 'utf-8', bom: false });
    expect(detectEncoding(Buffer.from('name\nJos\xe9\n', 'latin1'), true)).toEqual({ encoding: 'windows-1252', bom: false });
  });

  it('keeps UTF-8 when well-formed multi-byte sequences outnumber stray bytes', () => {
    const mostlyUtf8 = Buffer.concat([Buffer.from('Müller, Köln, São Paulo '), Buffer.from([0xff])]);
    expect(detectEncoding(mostlyUtf8, true).encoding).toBe('utf-8');
  });

  it('does not count a multi-byte sequence cut by the end of the head as invalid', () => {
    const cut = Buffer.from('Jos\u00e9').subarray(0, 4); // 'Jos' + first byte of é
    expect(detectEncoding(cut, false).encoding).toBe('utf-8');
  });
});

describe('openSource (encodings)', () => {
  it.each([
    ['utf16le-bom.csv', 'utf-16le', true],
    ['utf16be-bom.csv', 'utf-16be', true],
    ['utf16be.csv', 'utf-16be', false],
  ] as const)('decodes %s as %s with accented names intact', async (file, encoding, bom) => {
    const source = await openSource(fixture(`sources/${file}`));
    expect(source.info).toMatchObject({ format: 'csv', encoding, bom, delimiter: ',' });
    expect(source.columns).toEqual(['name', 'city']);
    expect(await rowsOf(source)).toEqual(PEOPLE);
  });

  it('decodes a windows-1252 export, including the euro sign Latin-1 lacks', async () => {
    const source = await openSource(fixture('sources/cp1252.csv'));
    expect(source.info).toMatchObject({ encoding: 'windows-1252', bom: false, delimiter: ';' });
    expect(await rowsOf(source)).toEqual([
      ['Müller', 'Köln', '€12'],
      ['José', 'Málaga', '€7'],
      ['François', 'Besançon', '€3'],
    ]);
    expect(source.issues()).toEqual([]);
  });

  it('uses the encoding it is given', async () => {
    const source = await openSource(fixture('sources/cp1252.csv'), { encoding: 'utf-8' });
    expect(source.info.encoding).toBe('utf-8');
    const rows = await rowsOf(source);
    expect(rows[0]?.[0]).toBe('M\ufffdller');
    expect(source.issues().find((i) => i.code === 'TEXT_INVALID_UTF8')?.count).toBe(9);
  });

  it('counts invalid UTF-8 sequences with their lines and reads them as U+FFFD', async () => {
    const source = await openSource(fixture('broken/bad-utf8.csv'));
    expect(source.info.encoding).toBe('utf-8');
    expect(await rowsOf(source)).toEqual([
      ['Müller', 'Köln'],
      ['José', 'São Paulo'],
      ['Bad\ufffd', 'Town'],
      ['Zoë', 'Zürich'],
      ['Cut\ufffd(', 'Place'],
    ]);
    expect(source.issues()).toEqual([expect.objectContaining({ code: 'TEXT_INVALID_UTF8', count: 2, lines: [4, 6] })]);
  });

  it('finds invalid UTF-8 far past the head of a streamed file', async () => {
    const lines = Array.from({ length: 4000 }, (_, i) => `${i},Zoë ${i}\n`).join('');
    const bytes = Buffer.concat([Buffer.from(`id,name\n${lines}`), Buffer.from([0x4f, 0xff, 0x0a]), Buffer.from('4001,Ana\n')]);
    const chunks: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += 4093) chunks.push(bytes.subarray(i, i + 4093));
    const source = await openSource(Readable.from(chunks), { format: 'csv', hasHeader: false });
    await rowsOf(source);
    expect(source.info.encoding).toBe('utf-8');
    expect(source.issues()).toEqual([
      expect.objectContaining({ code: 'TEXT_INVALID_UTF8', count: 1, lines: [4002] }),
      expect.objectContaining({ code: 'ROW_TOO_FEW_FIELDS', count: 1, lines: [4002] }),
    ]);
  });
});

describe('TextChunkDecoder', () => {
  it('decodes a multi-byte character split across chunks without an issue', () => {
    const issues = new IssueCollector();
    const decoder = new TextChunkDecoder('utf-8', issues);
    const bytes = Buffer.from('a\nZoë\n€');
    const text = [...bytes].map((b) => decoder.write(Uint8Array.of(b))).join('') + decoder.end();
    expect(text).toBe('a\nZoë\n€');
    expect(issues.list()).toEqual([]);
  });

  it('counts a sequence cut by the end of the input on its line', () => {
    const issues = new IssueCollector();
    const decoder = new TextChunkDecoder('utf-8', issues);
    const text = decoder.write(Buffer.from('a\nb\n\xe2\x82', 'latin1')) + decoder.end();
    expect(text).toBe('a\nb\n\ufffd');
    expect(issues.list()).toEqual([expect.objectContaining({ code: 'TEXT_INVALID_UTF8', count: 1, lines: [3] })]);
  });

  // Bytes biased towards UTF-8's edge cases: lead bytes of every length, continuation bytes,
  // bytes never valid, a BOM, newlines (issue lines) and plain ASCII.
  const utf8ish = fc.array(
    fc.oneof(
      fc.constantFrom(0x0a, 0x41, 0xef, 0xbb, 0xbf, 0xc2, 0xc3, 0xe0, 0xe2, 0xed, 0xf0, 0xf4, 0xf5, 0x80, 0x82, 0x9f, 0xa0, 0xac, 0xff),
      fc.integer({ min: 0, max: 255 }),
    ),
    { maxLength: 80 },
  );
  const chunked = utf8ish.chain((bytes) =>
    fc.uniqueArray(fc.integer({ min: 0, max: bytes.length }), { maxLength: 6 }).map((cuts) => {
      const at = [0, ...cuts.sort((a, b) => a - b), bytes.length];
      return { bytes, chunks: at.slice(1).map((end, i) => Uint8Array.from(bytes.slice(at[i], end))) };
    }),
  );

  it('gives the text of a streaming TextDecoder, and an issue per U+FFFD it adds, however the bytes are cut', () => {
    fc.assert(
      fc.property(chunked, ({ bytes, chunks }) => {
        const streaming = new TextDecoder('utf-8');
        const expected = chunks.map((c) => streaming.decode(c, { stream: true })).join('') + streaming.decode();
        const issues = new IssueCollector();
        const decoder = new TextChunkDecoder('utf-8', issues);
        const text = chunks.map((c) => decoder.write(c)).join('') + decoder.end();
        expect(text).toBe(expected);
        // U+FFFD written in the file (EF BF BD; EF always starts a sequence) is data, not an error
        let written = 0;
        for (let i = 0; i + 2 < bytes.length; i++) if (bytes[i] === 0xef && bytes[i + 1] === 0xbf && bytes[i + 2] === 0xbd) written++;
        const replaced = [...expected].filter((ch) => ch === '\ufffd').length - written;
        expect(issues.list().reduce((n, issue) => n + issue.count, 0)).toBe(replaced);
        // and on the lines they are on, wherever the chunks were cut
        const once = new IssueCollector();
        const whole = new TextChunkDecoder('utf-8', once);
        whole.write(Uint8Array.from(bytes));
        whole.end();
        expect(issues.list()).toEqual(once.list());
      }),
      { numRuns: 3000 },
    );
  });

  it('does not report a U+FFFD that the file itself contains', () => {
    const issues = new IssueCollector();
    const decoder = new TextChunkDecoder('utf-8', issues);
    expect(decoder.write(Buffer.from('x\ufffdy')) + decoder.end()).toBe('x\ufffdy');
    expect(issues.list()).toEqual([]);
  });
});
