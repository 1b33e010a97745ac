import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { datasetName, detectFormat, formatFromPath, openSource } from '../../src/sources';

const fixture = (name: string): string => new URL(`../../fixtures/${name}`, import.meta.url).pathname;
const stream = (text: string): Readable => Readable.from([Buffer.from(text)]);

describe('formatFromPath', () => {
  it('maps extensions, with or without .gz, to formats', () => {
    expect(formatFromPath('a/customers.csv')).toBe('csv');
    expect(formatFromPath('a/customers.TSV.gz')).toBe('csv');
    expect(formatFromPath('events.ndjson')).toBe('ndjson');
    expect(formatFromPath('events.jsonl.gz')).toBe('ndjson');
    expect(formatFromPath('followers.json')).toBe('json');
    expect(formatFromPath('tweets.js')).toBe('json');
  });

  it('says nothing for .txt, unknown or missing extensions', () => {
    expect(formatFromPath('export.txt')).toBeNull();
    expect(formatFromPath('export.dat')).toBeNull();
    expect(formatFromPath('README')).toBeNull();
    expect(formatFromPath('.csv')).toBeNull();
  });
});

describe('datasetName', () => {
  it('drops .gz and the extension from the base name', () => {
    expect(datasetName('data/customers.csv.gz')).toBe('customers');
    expect(datasetName('C:\\exports\\crm.backup.csv')).toBe('crm.backup');
    expect(datasetName('events')).toBe('events');
  });
});

describe('detectFormat', () => {
  it('trusts csv and ndjson extensions', () => {
    expect(detectFormat('x.csv', '[1, 2]')).toBe('csv');
    expect(detectFormat('x.jsonl', 'a,b')).toBe('ndjson');
  });

  it('reads content for streams: arrays and objects are JSON, two object lines are NDJSON', () => {
    expect(detectFormat(null, '  \n[{"a": 1}]')).toBe('json');
    expect(detectFormat(null, '{"data": [\n{"a": 1}]}')).toBe('json');
    expect(detectFormat(null, '{"a": 1}\n\n{"a": 2}\n')).toBe('ndjson');
    expect(detectFormat(null, '{"a": 1}\n')).toBe('json');
    expect(detectFormat(null, 'window.YTD.like.part0 = [\n{}]')).toBe('json');
    expect(detectFormat(null, 'id;name\n1;Ana\n')).toBe('csv');
  });

  it('reads NDJSON mislabelled as .json as NDJSON', () => {
    expect(detectFormat('events.json', '{"a": 1}\n{"a": 2}\n')).toBe('ndjson');
    expect(detectFormat('events.json', '{\n  "data": []\n}')).toBe('json');
  });

  it('refuses binary content with E_UNKNOWN_FORMAT', () => {
    expect(() => detectFormat('report.csv', 'PK\u0003\u0004\u0014\u0000\u0000\u0000\u0008\u0000')).toThrow(
      expect.objectContaining({ code: 'E_UNKNOWN_FORMAT' }),
    );
  });
});

describe('openSource (detection)', () => {
  it('detects each format of a stream from its content', async () => {
    expect((await openSource(stream('a|b\n1|2\n'))).info).toMatchObject({ format: 'csv', delimiter: '|' });
    expect((await openSource(stream('{"a":1}\n{"a":2}\n'))).info.format).toBe('ndjson');
    expect((await openSource(stream('[{"a":1}]'))).info).toMatchObject({ format: 'json', jsonShape: 'array' });
    expect((await openSource(stream('window.YTD.x.part0 = [{"a":1}]'))).info).toMatchObject({
      format: 'json',
      jsonShape: 'assignment',
    });
  });

  it('sniffs .txt files from their content', async () => {
    const source = await openSource(fixture('sources/pipe.txt'));
    expect(source.info).toMatchObject({ format: 'csv', delimiter: '|', path: fixture('sources/pipe.txt') });
  });

  it('uses the format it is given over the extension', async () => {
    const source = await openSource(fixture('sources/events.ndjson'), { format: 'csv', delimiter: '\t' });
    expect(source.info.format).toBe('csv');
  });

  it('throws E_UNKNOWN_FORMAT for a spreadsheet renamed to .csv', async () => {
    await expect(openSource(fixture('broken/renamed-xlsx.csv'))).rejects.toMatchObject({
      name: 'StitchscanError',
      code: 'E_UNKNOWN_FORMAT',
    });
  });
});
