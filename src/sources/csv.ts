import type { Source } from '../model/source';
import type { OpenSourceOptions, SourceInput } from './_options';
import { openSource } from './open';

/**
 * Opens delimited text (CSV, TSV, semicolon or pipe separated) without format detection.
 * The delimiter is sniffed among `,` `;` tab `|` unless given; the first row is the header
 * unless `hasHeader: false`. Rows with too few or too many fields and records with bad quotes
 * are skipped and counted in `issues()` with their line numbers.
 *
 * @param input a path, `file:` URL or byte stream (gzip is detected)
 * @param options as for openSource, without `format`
 * @returns a Source with `info.delimiter`, `info.hasHeader`, `info.lineEnding`, `info.headerChanges`
 * @example
 * const source = await readCsv('exports/subscribers.txt', { delimiter: ';' });
 */
export async function readCsv(input: SourceInput, options: Omit<OpenSourceOptions, 'format'> = {}): Promise<Source> {
  return openSource(input, { ...options, format: 'csv' });
}
