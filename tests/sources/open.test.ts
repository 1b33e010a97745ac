import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/errors';
import { openSource } from '../../src/sources';

const fixture = (name: string): string => new URL(`../../fixtures/${name}`, import.meta.url).pathname;

describe('openSource', () => {
  it('reads file: URLs and names the dataset after the file', async () => {
    const source = await openSource(pathToFileURL(fixture('sources/customers.csv')));
    expect(source.name).toBe('customers');
    expect(source.info.path).toBe(fixture('sources/customers.csv'));
    expect(source.info.bytes).toBe(225);
    expect(source.totalBytes).toBe(225);
  });

  it('reports bytes read for progress, up to the file size', async () => {
    const source = await openSource(fixture('sources/nested.json'));
    for await (const batch of source.batches()) expect(batch.length).toBeGreaterThan(0);
    expect(source.bytesRead()).toBe(source.totalBytes);
  });

  it('throws E_FILE_NOT_FOUND for a missing file', async () => {
    await expect(openSource('fixtures/sources/nope.csv')).rejects.toMatchObject({
      name: 'StitchscanError',
      code: 'E_FILE_NOT_FOUND',
      hint: ERROR_CODES.E_FILE_NOT_FOUND.hint,
    });
  });

  it('throws E_FILE_UNREADABLE for a directory', async () => {
    await expect(openSource(fixture('sources'))).rejects.toMatchObject({ code: 'E_FILE_UNREADABLE' });
  });

  it.skipIf(process.getuid?.() === 0)('throws E_FILE_UNREADABLE for a file without read permission', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'stitchscan-'));
    const file = join(dir, 'locked.csv');
    await writeFile(file, 'a\n1\n');
    await chmod(file, 0o000);
    try {
      await expect(openSource(file)).rejects.toMatchObject({ code: 'E_FILE_UNREADABLE' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('throws E_EMPTY_INPUT for empty and whitespace-only files', async () => {
    await expect(openSource(fixture('broken/empty.csv'))).rejects.toMatchObject({ code: 'E_EMPTY_INPUT' });
    await expect(openSource(fixture('broken/whitespace.csv'))).rejects.toMatchObject({ code: 'E_EMPTY_INPUT' });
  });

  it('throws E_INVALID_GZIP for a truncated .gz file', async () => {
    await expect(openSource(fixture('broken/truncated.csv.gz'))).rejects.toMatchObject({ code: 'E_INVALID_GZIP' });
  });

  it('wraps a failing input stream in E_FILE_UNREADABLE', async () => {
    async function* failing(): AsyncGenerator<Buffer> {
      yield Buffer.from('a,b\n1,2\n');
      throw new Error('socket hang up');
    }
    await expect(openSource(Readable.from(failing()))).rejects.toMatchObject({
      code: 'E_FILE_UNREADABLE',
      message: expect.stringContaining('socket hang up') as string,
    });
  });

  it('rejects invalid options with E_INVALID_OPTION', async () => {
    const path = fixture('sources/customers.csv');
    await expect(openSource(path, { format: 'xml' as 'csv' })).rejects.toMatchObject({
      code: 'E_INVALID_OPTION',
      message: 'Invalid option format: must be "csv", "ndjson" or "json", got "xml"',
    });
    await expect(openSource(path, { delimiter: '"' })).rejects.toMatchObject({ code: 'E_INVALID_OPTION' });
    await expect(openSource(path, { encoding: 'latin9' as 'utf-8' })).rejects.toMatchObject({ code: 'E_INVALID_OPTION' });
    await expect(openSource(path, { maxIssueLines: -1 })).rejects.toMatchObject({ code: 'E_INVALID_OPTION' });
    await expect(openSource(new URL('https://example.com/a.csv'))).rejects.toMatchObject({ code: 'E_INVALID_OPTION' });
    await expect(openSource(42 as unknown as string)).rejects.toMatchObject({ code: 'E_INVALID_OPTION' });
  });

  it('lets batches() be iterated once and stops reading when the consumer stops', async () => {
    const lines = Array.from({ length: 20000 }, (_, i) => `${i},x`).join('\n');
    let pulled = 0;
    async function* chunks(): AsyncGenerator<Buffer> {
      const bytes = Buffer.from(`id,v\n${lines}\n`);
      for (let i = 0; i < bytes.length; i += 8192) {
        pulled++;
        yield bytes.subarray(i, i + 8192);
      }
    }
    const source = await openSource(chunks(), { format: 'csv' });
    for await (const batch of source.batches()) {
      expect(batch.length).toBeGreaterThan(0);
      break;
    }
    expect(pulled).toBeLessThan(20);
    expect(() => source.batches()).toThrow(expect.objectContaining({ code: 'E_INVALID_OPTION' }));
  });
});
