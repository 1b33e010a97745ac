import type { Source } from '../model/source';
import type { OpenSourceOptions, SourceInput } from './_options';
import { openSource } from './open';

/**
 * Opens a JSON document of records without format detection: a top-level array, an object
 * holding one array of objects (`{"data": [...]}`), or `window.YTD.tweets.part0 = [...]`. The
 * document is streamed element by element, never held whole.
 *
 * @param input a path, `file:` URL or byte stream (gzip is detected)
 * @param options as for openSource, without `format`
 * @returns a Source with `info.jsonShape` and `info.recordsPath`
 * @throws StitchscanError E_INVALID_JSON when the document is not JSON, E_NO_RECORDS when it
 *   holds no array of records
 * @example
 * const source = await readJson('twitter-archive/data/tweets.js');
 * source.info.recordsPath; // 'window.YTD.tweets.part0'
 */
export async function readJson(input: SourceInput, options: Omit<OpenSourceOptions, 'format'> = {}): Promise<Source> {
  return openSource(input, { ...options, format: 'json' });
}
