import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Cell, Source } from '../../src/model/source';
import { openSource, readCsv } from '../../src/sources';

const fixture = (name: string): string => new URL(`../../fixtures/${name}`, import.meta.url).pathname;

async function rowsOf(source: Source): Promise<(readonly Cell[])[]> {
  const rows: (readonly Cell[])[] = [];
  for await (const batch of source.batches()) rows.push(...batch);
  return rows;
}

const issue = (source: Source, code: string) => source.issues().find((i) => i.code === code);

describe('readCsv', () => {
  it('reads the header and rows as arrays of strings', async () => {
    const source = await readCsv(fixture('sources/customers.csv'));
    expect(source.name).toBe('customers');
    expect(source.columns).toEqual(['customer_id', 'first_name', 'last_name', 'email', 'country']);
    const rows = await rowsOf(source);
    expect(rows).toHaveLength(5);
    expect(rows[0]).toEqual(['C001', 'Ana', 'García', 'ana.garcia@example.com', 'ES']);
    expect(rows[3]).toEqual(['C004', 'Dmitri', 'Ivanov', '', 'RU']);
    expect(source.info).toMatchObject({ format: 'csv', delimiter: ',', quote: '"', hasHeader: true, lineEnding: 'lf' });
    expect(source.issues()).toEqual([]);
  });

  it('sniffs a semicolon delimiter even when values hold decimal commas', async () => {
    const source = await readCsv(fixture('sources/semicolon.csv'));
    expect(source.info.delimiter).toBe(';');
    expect(await rowsOf(source)).toEqual([
      ['1', 'Ana', '12,50'],
      ['2', 'Bo', '3,10'],
      ['3', 'Smith; John', '7,00'],
    ]);
  });

  it('sniffs tab and pipe delimiters, ignoring other candidates inside quotes', async () => {
    const tsv = await readCsv(fixture('sources/tab.tsv'));
    expect(tsv.info.delimiter).toBe('\t');
    expect(await rowsOf(tsv)).toEqual([
      ['1', 'Ana', 'likes, commas; and semicolons'],
      ['2', 'Bo', 'quoted\ttab'],
    ]);
    const piped = await readCsv(fixture('sources/pipe.txt'));
    expect(piped.info.delimiter).toBe('|');
    expect(await rowsOf(piped)).toEqual([
      ['1', 'a@x.io', 'says "hi", ok'],
      ['2', 'b@x.io', 'a | inside quotes'],
    ]);
  });

  it('uses the delimiter it is given instead of sniffing', async () => {
    const source = await readCsv(fixture('sources/semicolon.csv'), { delimiter: ',' });
    expect(source.info.delimiter).toBe(',');
    expect(source.columns).toEqual(['id;name;amount']);
  });

  it('reads quoted fields with embedded line breaks, doubled quotes and delimiters', async () => {
    const source = await readCsv(fixture('sources/quoted.csv'));
    expect(await rowsOf(source)).toEqual([
      ['1', 'He said "hello"', 'a@x.io'],
      ['2', 'line one\nline two', 'b@x.io'],
      ['3', 'a, b and c', 'c@x.io'],
      ['4', '', 'd@x.io'],
    ]);
    expect(source.issues()).toEqual([]);
  });

  it('reads CRLF files, including a CRLF inside a quoted field', async () => {
    const source = await readCsv(fixture('sources/crlf.csv'));
    expect(source.info.lineEnding).toBe('crlf');
    expect(await rowsOf(source)).toEqual([
      ['1', 'two\nlines', 'a@x.io'],
      ['2', 'plain', 'b@x.io'],
    ]);
  });

  it('strips a UTF-8 BOM from the first header name', async () => {
    const source = await readCsv(fixture('sources/bom.csv'));
    expect(source.info).toMatchObject({ encoding: 'utf-8', bom: true });
    expect(source.columns).toEqual(['id', 'email']);
  });

  it('renames duplicate and empty header names and reports each rename', async () => {
    const source = await readCsv(fixture('sources/headers.csv'));
    expect(source.columns).toEqual(['email', 'name', 'email_2', 'column_4', 'phone', 'column_6']);
    expect(source.info.headerChanges).toEqual([
      { index: 2, original: 'email', renamed: 'email_2', reason: 'duplicate' },
      { index: 3, original: '', renamed: 'column_4', reason: 'empty' },
      { index: 5, original: '', renamed: 'column_6', reason: 'empty' },
    ]);
    expect(issue(source, 'HEADER_DUPLICATE')).toMatchObject({ count: 1, lines: [1] });
    expect(issue(source, 'HEADER_EMPTY')).toMatchObject({ count: 2, lines: [1] });
    expect(await rowsOf(source)).toEqual([['a@x.io', 'Ana', 'a2@x.io', 'x', '+33 1 23', 'y']]);
  });

  it('names columns by position and keeps the first row as data without a header', async () => {
    const source = await readCsv(fixture('sources/customers.csv'), { hasHeader: false });
    expect(source.columns).toEqual(['column_1', 'column_2', 'column_3', 'column_4', 'column_5']);
    const rows = await rowsOf(source);
    expect(rows).toHaveLength(6);
    expect(rows[0]).toEqual(['customer_id', 'first_name', 'last_name', 'email', 'country']);
    expect(source.info.hasHeader).toBe(false);
  });

  it('counts ragged rows with their line numbers, skips them and keeps scanning', async () => {
    const source = await readCsv(fixture('broken/ragged.csv'));
    expect(await rowsOf(source)).toEqual([
      ['1', 'Ana', 'a@x.io'],
      ['4', 'Di', 'd@x.io'],
      ['7', 'Flo', 'f@x.io'],
    ]);
    expect(issue(source, 'ROW_TOO_FEW_FIELDS')).toMatchObject({ count: 2, lines: [3, 8] });
    expect(issue(source, 'ROW_TOO_MANY_FIELDS')).toMatchObject({ count: 2, lines: [5, 9] });
    // blank and whitespace-only lines (4 and 6) are not rows and not issues
    expect(source.issues()).toHaveLength(2);
  });

  it('skips records with misplaced quotes, reports their lines and reads the rest', async () => {
    const source = await readCsv(fixture('broken/bad-quotes.csv'));
    expect(await rowsOf(source)).toEqual([
      ['1', 'Ana', '170'],
      ['3', 'Cy', '165'],
      ['5', 'Ed', '180'],
    ]);
    expect(issue(source, 'ROW_INVALID_QUOTES')).toMatchObject({ count: 2, lines: [3, 5] });
  });

  it('reports an unclosed quote at the line where its record starts', async () => {
    const source = await readCsv(fixture('broken/unclosed-quote.csv'));
    expect(await rowsOf(source)).toEqual([['1', 'fine']]);
    expect(source.issues()).toEqual([expect.objectContaining({ code: 'ROW_UNCLOSED_QUOTE', count: 1, lines: [3] })]);
  });

  it('keeps only maxIssueLines line numbers per code while counting every problem', async () => {
    const lines = ['a,b', ...Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? `${i}` : `${i},x`))];
    const source = await readCsv(Readable.from([Buffer.from(lines.join('\n'))]), { maxIssueLines: 3 });
    expect(await rowsOf(source)).toHaveLength(15);
    expect(issue(source, 'ROW_TOO_FEW_FIELDS')).toMatchObject({ count: 15, lines: [2, 4, 6] });
  });

  it('yields one batch per input chunk and reads a large file chunk by chunk', async () => {
    const body = Array.from({ length: 5000 }, (_, i) => `${i},name ${i},"note, ${i}"\r\n`).join('');
    const bytes = Buffer.from(`id,name,note\r\n${body}3,short\r\n`);
    // Odd chunk sizes split CRLF pairs and quoted fields across chunks.
    const chunks: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += 997) chunks.push(bytes.subarray(i, i + 997));
    const source = await readCsv(Readable.from(chunks));
    let batches = 0;
    const rows: (readonly Cell[])[] = [];
    for await (const batch of source.batches()) {
      batches++;
      rows.push(...batch);
    }
    expect(batches).toBeGreaterThan(50);
    expect(rows).toHaveLength(5000);
    expect(rows[4999]).toEqual(['4999', 'name 4999', 'note, 4999']);
    expect(issue(source, 'ROW_TOO_FEW_FIELDS')).toMatchObject({ count: 1, lines: [5002] });
    expect(source.bytesRead()).toBe(bytes.length);
  });
});

describe('openSource (CSV)', () => {
  it('reads a .gz file exactly like the plain file', async () => {
    const plain = await openSource(fixture('sources/customers.csv'));
    const gz = await openSource(fixture('sources/customers.csv.gz'));
    expect(gz.name).toBe('customers');
    expect(gz.info.compression).toBe('gzip');
    expect(plain.info.compression).toBeNull();
    expect(gz.columns).toEqual(plain.columns);
    expect(await rowsOf(gz)).toEqual(await rowsOf(plain));
    expect(gz.bytesRead()).toBe(gz.totalBytes);
    expect(gz.totalBytes).toBeLessThan(plain.totalBytes ?? 0);
  });

  it('detects gzip from the magic bytes of a stream', async () => {
    const { readFile } = await import('node:fs/promises');
    const source = await openSource(Readable.from([await readFile(fixture('sources/customers.csv.gz'))]), { name: 'crm' });
    expect(source.name).toBe('crm');
    expect(source.info).toMatchObject({ format: 'csv', compression: 'gzip', path: null });
    expect(await rowsOf(source)).toHaveLength(5);
  });
});
