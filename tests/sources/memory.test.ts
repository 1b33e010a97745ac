import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Cell, Source } from '../../src/model/source';
import { fromRows, openSource, readRecords } from '../../src/sources';

async function batchesOf(source: Source): Promise<(readonly (readonly Cell[])[])[]> {
  const batches: (readonly (readonly Cell[])[])[] = [];
  for await (const batch of source.batches()) batches.push(batch);
  return batches;
}

describe('fromRows', () => {
  it('flattens in-memory records into rows of format memory', async () => {
    const source = fromRows([{ email: 'a@x.io', address: { city: 'Lyon' } }, { email: 'b@x.io', tags: ['x'] }], { name: 'crm' });
    const [batch] = await batchesOf(source);
    expect(source.name).toBe('crm');
    expect(source.columns).toEqual(['email', 'address.city', 'tags']);
    expect(batch).toEqual([
      ['a@x.io', 'Lyon'],
      ['b@x.io', undefined, ['x']],
    ]);
    expect(source.info).toMatchObject({ format: 'memory', path: null, bytes: null, compression: null });
    expect(source.totalBytes).toBeNull();
  });

  it('batches rows by the thousand', async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => ({ id: i }));
    const batches = await batchesOf(fromRows(rows));
    expect(batches.map((b) => b.length)).toEqual([1000, 1000, 500]);
  });

  it('reads async iterables and counts items that are not objects by position', async () => {
    async function* generate(): AsyncGenerator<object> {
      yield { id: 1 };
      yield null as unknown as object;
      yield [1, 2];
      yield { id: 2 };
    }
    const source = fromRows(generate());
    expect((await batchesOf(source)).flat()).toEqual([[1], [2]]);
    expect(source.issues()).toEqual([expect.objectContaining({ code: 'ROW_NOT_OBJECT', count: 2, lines: [2, 3] })]);
  });

  it('can be iterated only once', async () => {
    const source = fromRows([{ id: 1 }]);
    await batchesOf(source);
    expect(() => source.batches()).toThrow(expect.objectContaining({ code: 'E_INVALID_OPTION' }));
  });
});

describe('openSource (objects)', () => {
  it('reads an array of records like fromRows', async () => {
    const source = await openSource([{ id: 1, name: 'Ana' }, { id: 2 }], { name: 'list' });
    expect(source.info.format).toBe('memory');
    expect((await batchesOf(source)).flat()).toEqual([[1, 'Ana'], [2, undefined]]);
  });

  it('reads an object-mode stream as records and a byte stream by format', async () => {
    const objects = await openSource(Readable.from([{ a: 1 }, { a: 2 }]));
    expect(objects.info.format).toBe('memory');
    expect((await batchesOf(objects)).flat()).toEqual([[1], [2]]);
    const bytes = await openSource(Readable.from(['{"a":1}\n', '{"a":2}\n']));
    expect(bytes.info.format).toBe('ndjson');
    expect((await batchesOf(bytes)).flat()).toEqual([[1], [2]]);
  });

  it('throws E_EMPTY_INPUT for an empty stream', async () => {
    await expect(openSource(Readable.from([]))).rejects.toMatchObject({ code: 'E_EMPTY_INPUT' });
  });
});

describe('readRecords', () => {
  it('yields objects keyed by column without absent fields, __proto__ included', async () => {
    const source = await openSource(Readable.from([Buffer.from('[{"id":1,"__proto__":"x"},{"id":2,"extra":true}]')]));
    const entries: [string, Cell][][] = [];
    const prototypes: unknown[] = [];
    for await (const record of readRecords(source)) {
      entries.push(Object.entries(record));
      prototypes.push(Object.getPrototypeOf(record));
    }
    expect(entries).toEqual([
      [
        ['id', 1],
        ['__proto__', 'x'],
      ],
      [
        ['id', 2],
        ['extra', true],
      ],
    ]);
    expect(prototypes).toEqual([null, null]);
  });
});
