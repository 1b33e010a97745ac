import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Cell, Source } from '../../src/model/source';
import { JsonRecordsScanner } from '../../src/sources/_json-scan';
import { readJson } from '../../src/sources';

const fixture = (name: string): string => new URL(`../../fixtures/${name}`, import.meta.url).pathname;

async function rowsOf(source: Source): Promise<(readonly Cell[])[]> {
  const rows: (readonly Cell[])[] = [];
  for await (const batch of source.batches()) rows.push(...batch);
  return rows;
}

describe('readJson', () => {
  it('reads a top-level array of records', async () => {
    const source = await readJson(fixture('sources/array.json'));
    expect(source.info).toMatchObject({ format: 'json', jsonShape: 'array' });
    expect(source.info.recordsPath).toBeUndefined();
    expect(await rowsOf(source)).toEqual([
      [1, 'a@x.io', true],
      [2, 'b@x.io', false, 3.5],
      [3, null, undefined, undefined],
    ]);
    expect(source.columns).toEqual(['id', 'email', 'active', 'score']);
  });

  it('finds the records array among meta members of a wrapper object', async () => {
    const source = await readJson(fixture('sources/wrapped-data.json'));
    expect(source.info).toMatchObject({ jsonShape: 'wrapped', recordsPath: 'data' });
    expect(await rowsOf(source)).toEqual([
      [1, 'a@x.io'],
      [2, 'b@x.io'],
    ]);
    const records = await readJson(fixture('sources/wrapped-records.json'));
    expect(records.info).toMatchObject({ jsonShape: 'wrapped', recordsPath: 'records' });
    expect(await rowsOf(records)).toEqual([
      ['r1', '+44 20 7946 0000'],
      ['r2', '+44 20 7946 0001'],
    ]);
  });

  it('reads the assignment form of social-platform archives', async () => {
    const source = await readJson(fixture('sources/tweets.js'));
    expect(source.info).toMatchObject({ jsonShape: 'assignment', recordsPath: 'window.YTD.tweets.part0' });
    expect(await rowsOf(source)).toEqual([
      ['1001', 'Hello "world", [not] a {bracket}', ['ana', 'bo'], ['11', '12']],
      ['1002', 'Second', undefined, undefined],
    ]);
    expect(source.columns).toEqual([
      'tweet.id_str',
      'tweet.full_text',
      'tweet.entities.user_mentions.screen_name',
      'tweet.entities.user_mentions.id_str',
    ]);
  });

  it('flattens nested records and keeps __proto__ and constructor as ordinary columns', async () => {
    const source = await readJson(fixture('sources/nested.json'));
    const rows = await rowsOf(source);
    expect(source.columns).toEqual([
      'id',
      'user.email',
      'user.address.city',
      'user.address.zip',
      'tags',
      'orders.sku',
      'orders.qty',
      'orders.items.code',
      'matrix',
      '__proto__',
      'constructor.name',
      'late',
    ]);
    expect(rows[0]).toEqual([1, 'a@x.io', 'Lyon', '69001', ['vip', 'new', 3, null], ['A1', 'B2'], [2], ['x', 'y'], ['[1,2]', '[3]'], 'plain data', 'also data']);
    expect(rows[1]).toEqual([2, 'b@x.io', ...Array<undefined>(9).fill(undefined), 'appears second']);
    expect(Object.prototype).not.toHaveProperty('plain data');
  });

  it('counts elements that are not JSON or not objects with their lines and keeps scanning', async () => {
    const source = await readJson(fixture('broken/invalid-elements.json'));
    expect(await rowsOf(source)).toEqual([
      [1, 'a@x.io'],
      [3, 'c@x.io'],
      [4, 'd@x.io'],
    ]);
    expect(source.issues()).toEqual([
      expect.objectContaining({ code: 'ROW_INVALID_JSON', count: 1, lines: [3] }),
      expect.objectContaining({ code: 'ROW_NOT_OBJECT', count: 2, lines: [4, 6] }),
    ]);
  });

  it('keeps the complete records of a truncated document and counts the cut one', async () => {
    const source = await readJson(fixture('broken/truncated.json'));
    expect(await rowsOf(source)).toEqual([
      [1, 'a@x.io'],
      [2, 'b@x.io'],
    ]);
    expect(source.issues()).toEqual([expect.objectContaining({ code: 'ROW_INVALID_JSON', count: 1, lines: [4] })]);
  });

  it('throws E_INVALID_JSON for text that is not JSON', async () => {
    await expect(readJson(fixture('broken/not-json.json'))).rejects.toMatchObject({ name: 'StitchscanError', code: 'E_INVALID_JSON' });
  });

  it('throws E_NO_RECORDS for JSON without an array of records', async () => {
    await expect(readJson(fixture('broken/no-records.json'))).rejects.toMatchObject({ code: 'E_NO_RECORDS' });
    await expect(readJson(fixture('broken/scalars.json'))).rejects.toMatchObject({ code: 'E_NO_RECORDS' });
    await expect(readJson(Readable.from([Buffer.from('"just a string"')]))).rejects.toMatchObject({ code: 'E_NO_RECORDS' });
  });

  it('reads an empty records array as a source without rows', async () => {
    const source = await readJson(Readable.from([Buffer.from('{"count": 0, "data": []}')]));
    expect(source.info).toMatchObject({ jsonShape: 'wrapped', recordsPath: 'data' });
    expect(await rowsOf(source)).toEqual([]);
  });

  it('streams a large array chunk by chunk, one batch per chunk', async () => {
    const records = Array.from({ length: 4000 }, (_, i) => JSON.stringify({ id: i, text: `a "quoted" \\ value, [${i}]`, tags: ['x', i] }));
    const bytes = Buffer.from(`{"meta": {"n": 4000}, "items": [\n${records.join(',\n')}\n]}`);
    const chunks: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += 1009) chunks.push(bytes.subarray(i, i + 1009));
    const source = await readJson(Readable.from(chunks));
    let batches = 0;
    let count = 0;
    let last: readonly Cell[] | undefined;
    for await (const batch of source.batches()) {
      batches++;
      count += batch.length;
      last = batch.at(-1);
    }
    expect(count).toBe(4000);
    expect(batches).toBeGreaterThan(50);
    expect(last).toEqual([3999, 'a "quoted" \\ value, [3999]', ['x', 3999]]);
    expect(source.issues()).toEqual([]);
  });
});

describe('JsonRecordsScanner', () => {
  const text = '{"m": {"a": [1, "]"]}, "s": [1, 2], "e": [],\n "rows": [\n {"k": "v,}"},\n {"k": "\\"x\\""} , 5\n], "z": 1}';

  it('splits the records array into elements with their starting lines, whatever the chunking', () => {
    for (const size of [1, 2, 3, 5, 8, 1000]) {
      const scanner = new JsonRecordsScanner(() => undefined);
      const elements = [];
      for (let i = 0; i < text.length; i += size) elements.push(...scanner.push(text.slice(i, i + size)));
      elements.push(...scanner.end());
      expect(elements).toEqual([
        { text: '{"k": "v,}"}', line: 3 },
        { text: '{"k": "\\"x\\""} ', line: 4 },
        { text: '5\n', line: 4 },
      ]);
      expect([scanner.shape, scanner.recordsPath]).toEqual(['wrapped', 'rows']);
    }
  });

  it('reports empty elements between commas', () => {
    const lines: number[] = [];
    const scanner = new JsonRecordsScanner((line) => lines.push(line));
    const elements = scanner.push('[{"a":1},,\n{"a":2},]');
    expect(elements.map((e) => e.text)).toEqual(['{"a":1}', '{"a":2}']);
    expect(lines).toEqual([1, 2]);
  });
});
