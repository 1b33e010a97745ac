import type { Source } from '../model/source';
import type { OpenSourceOptions, SourceInput } from './_options';
import { openSource } from './open';

/**
 * Opens NDJSON / JSON Lines (one object per line) without format detection. Nested objects are
 * flattened to dot paths; blank lines are skipped; lines that are not JSON objects are counted
 * as ROW_INVALID_JSON or ROW_NOT_OBJECT with their line numbers.
 *
 * @param input a path, `file:` URL or byte stream (gzip is detected)
 * @param options as for openSource, without `format`
 * @returns a Source whose columns grow as new fields appear
 * @example
 * const source = await readNdjson('exports/events.jsonl.gz');
 */
export async function readNdjson(input: SourceInput, options: Omit<OpenSourceOptions, 'format'> = {}): Promise<Source> {
  return openSource(input, { ...options, format: 'ndjson' });
}
