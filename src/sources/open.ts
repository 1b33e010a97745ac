import { fileURLToPath } from 'node:url';
import { StitchscanError, isStitchscanError } from '../errors';
import type { Source, SourceInfo } from '../model/source';
import { CsvRowParser } from './_csv-parser';
import { openByteInput, openFileInput, type ByteInput } from './_input';
import { IssueCollector } from './_issues';
import { JsonRowParser } from './_json-parser';
import { NdjsonRowParser } from './_ndjson-parser';
import { NewlineNormalizer, detectLineEnding } from './_newlines';
import { validateOptions, type OpenSourceOptions, type SourceInput } from './_options';
import { sniffDelimiter } from './_sniff-delimiter';
import { createTextSource, type RowParser } from './_text-source';
import { TextChunkDecoder, detectBom, detectEncoding } from './decode';
import { datasetName, detectFormat } from './detect';
import { RecordFlattener } from './flatten';
import { fromRows } from './memory';

/**
 * Opens an input for profiling: a CSV/TSV, NDJSON or JSON file (optionally gzip-compressed), a
 * byte stream, or in-memory records. Format, encoding and delimiter are detected unless given.
 * The head is read now, so user mistakes (missing file, unknown format, no JSON records) are
 * thrown here as StitchscanError; bad rows found later are counted in `issues()`, never thrown.
 *
 * @param input a path, `file:` URL, Node Readable (bytes, or objects), or iterable of records
 * @param options name, format, encoding, delimiter, hasHeader, maxIssueLines (all optional)
 * @returns a Source whose `batches()` streams rows aligned with `columns`
 * @throws StitchscanError E_FILE_NOT_FOUND, E_FILE_UNREADABLE, E_EMPTY_INPUT, E_UNKNOWN_FORMAT,
 *   E_INVALID_JSON, E_NO_RECORDS, E_INVALID_GZIP, E_INVALID_OPTION
 * @example
 * const source = await openSource('exports/customers.csv.gz');
 * for await (const batch of source.batches()) for (const row of batch) console.log(row[0]);
 * console.log(source.info.delimiter, source.issues());
 */
export async function openSource(input: SourceInput, options: OpenSourceOptions = {}): Promise<Source> {
  validateOptions(options);
  if (typeof input === 'string' || input instanceof URL) {
    const path = toPath(input);
    return openBytes(await openFileInput(path), options, options.name ?? datasetName(path));
  }
  const iterator = iteratorOf(input);
  let first: IteratorResult<unknown>;
  try {
    first = await iterator.next();
  } catch (error) {
    if (isStitchscanError(error)) throw error;
    throw new StitchscanError('E_FILE_UNREADABLE', `Reading the input stream failed: ${String(error)}`, { cause: error });
  }
  if (first.done === true) throw empty('the input stream');
  const name = options.name ?? 'dataset';
  if (first.value instanceof Uint8Array || typeof first.value === 'string') {
    const bytes = await openByteInput(iterator, { path: null, totalBytes: null, first: first.value });
    return openBytes(bytes, options, name);
  }
  return fromRows(prepend(first.value, iterator), { name, maxIssueLines: options.maxIssueLines });
}

async function openBytes(input: ByteInput, options: OpenSourceOptions, name: string): Promise<Source> {
  try {
    const issues = new IssueCollector(options.maxIssueLines);
    const { encoding, bom } =
      options.encoding === undefined
        ? detectEncoding(input.head, input.ended)
        : { encoding: options.encoding, bom: detectBom(input.head) === options.encoding };
    const decoder = new TextChunkDecoder(encoding, issues);
    const headText = decoder.write(input.head);
    if (input.ended && headText.trim() === '') throw empty(input.path ?? 'the input stream');
    const format = options.format ?? detectFormat(input.path, headText);
    const info: SourceInfo = {
      format,
      path: input.path,
      bytes: input.totalBytes,
      compression: input.compression,
      encoding,
      bom,
      headerChanges: [],
    };
    const columns: string[] = [];
    const parser = createParser(format, headText, options, { info, columns, issues });
    return await createTextSource({ name, info, columns, input, decoder, parser, issues, headText });
  } catch (error) {
    await input.close();
    throw error;
  }
}

function createParser(
  format: 'csv' | 'ndjson' | 'json',
  headText: string,
  options: OpenSourceOptions,
  parts: { info: SourceInfo; columns: string[]; issues: IssueCollector },
): RowParser {
  const { info, columns, issues } = parts;
  if (format === 'json') return new JsonRowParser(new RecordFlattener(columns), issues, info);
  const lineEnding = detectLineEnding(headText);
  info.lineEnding = lineEnding;
  if (format === 'ndjson') return new NdjsonRowParser(new RecordFlattener(columns), issues, lineEnding);
  const delimiter = options.delimiter ?? sniffDelimiter(new NewlineNormalizer(lineEnding).write(headText));
  const hasHeader = options.hasHeader ?? true;
  Object.assign(info, { delimiter, quote: '"', hasHeader });
  return new CsvRowParser({ delimiter, hasHeader, lineEnding, columns, info, issues });
}

function toPath(input: string | URL): string {
  if (typeof input === 'string') return input;
  if (input.protocol !== 'file:') {
    throw new StitchscanError('E_INVALID_OPTION', `Invalid input URL: only file: URLs can be read, got ${input.protocol}`, {
      hint: 'Download the file first, or pass a stream of its bytes.',
    });
  }
  return fileURLToPath(input);
}

function iteratorOf(input: SourceInput): AsyncIterator<unknown> {
  if (typeof input === 'object' && input !== null) {
    if (Symbol.asyncIterator in input) return (input as AsyncIterable<unknown>)[Symbol.asyncIterator]();
    if (Symbol.iterator in input) {
      const iterator = (input as Iterable<unknown>)[Symbol.iterator]();
      return {
        next: () => Promise.resolve(iterator.next()),
        return: (value?: unknown) => Promise.resolve(iterator.return?.(value) ?? { done: true, value }),
      };
    }
  }
  throw new StitchscanError(
    'E_INVALID_OPTION',
    `Invalid input: must be a file path, file: URL, stream or iterable of objects, got ${input === null ? 'null' : typeof input}`,
  );
}

async function* prepend(first: unknown, rest: AsyncIterator<unknown>): AsyncGenerator<object> {
  let done = false;
  try {
    yield first as object;
    for (;;) {
      const next = await rest.next();
      if (next.done === true) break;
      yield next.value as object;
    }
    done = true;
  } finally {
    if (!done) await rest.return?.();
  }
}

function empty(what: string): StitchscanError {
  return new StitchscanError('E_EMPTY_INPUT', `Empty input: ${what} holds no data`);
}
