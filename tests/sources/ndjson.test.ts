import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Cell, Source } from '../../src/model/source';
import { readNdjson } from '../../src/sources';

const fixture = (name: string): string => new URL(`../../fixtures/${name}`, import.meta.url).pathname;

async function rowsOf(source: Source): Promise<(readonly Cell[])[]> {
  const rows: (readonly Cell[])[] = [];
  for await (const batch of source.batches()) rows.push(...batch);
  return rows;
}

describe('readNdjson', () => {
  it('flattens each line into dot-path columns appended in order of first appearance', async () => {
    const source = await readNdjson(fixture('sources/events.ndjson'));
    const rows = await rowsOf(source);
    expect(source.columns).toEqual(['id', 'type', 'user.email', 'user.id', 'tags', 'context.ip']);
    expect(rows).toEqual([
      [1, 'page', 'a@x.io', 'U1'],
      [2, 'track', 'b@x.io', undefined, ['new', 'vip']],
      [3, 'track', undefined, undefined, undefined, '10.0.0.1'],
    ]);
    expect(source.info).toMatchObject({ format: 'ndjson', lineEnding: 'lf', encoding: 'utf-8' });
    expect(source.issues()).toEqual([]);
  });

  it('reads CRLF lines and skips blank ones', async () => {
    const source = await readNdjson(fixture('sources/events-crlf.jsonl'));
    expect(await rowsOf(source)).toEqual([
      [1, 'a@x.io'],
      [2, 'b@x.io'],
    ]);
    expect(source.info.lineEnding).toBe('crlf');
    expect(source.issues()).toEqual([]);
  });

  it('counts invalid and non-object lines with their line numbers and keeps scanning', async () => {
    const source = await readNdjson(fixture('broken/invalid-lines.ndjson'));
    expect(await rowsOf(source)).toEqual([
      [1, 'a@x.io'],
      [3, 'c@x.io'],
      [4, 'd@x.io'],
    ]);
    expect(source.issues()).toEqual([
      expect.objectContaining({ code: 'ROW_INVALID_JSON', count: 2, lines: [2, 3] }),
      expect.objectContaining({ code: 'ROW_NOT_OBJECT', count: 3, lines: [5, 6, 7] }),
    ]);
  });

  it('reads lines split across chunks of a large stream', async () => {
    const lines = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ id: i, user: { email: `u${i}@x.io` }, note: 'é'.repeat(i % 5) }));
    lines.splice(2000, 0, '{"broken": ');
    const bytes = Buffer.from(lines.join('\r\n'));
    const chunks: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += 1021) chunks.push(bytes.subarray(i, i + 1021));
    const source = await readNdjson(Readable.from(chunks));
    const rows = await rowsOf(source);
    expect(rows).toHaveLength(3000);
    expect(rows[2999]).toEqual([2999, 'u2999@x.io', 'éééé']);
    expect(source.issues()).toEqual([expect.objectContaining({ code: 'ROW_INVALID_JSON', count: 1, lines: [2001] })]);
  });
});
