import { StitchscanError } from '../errors';

/** Formats that are read from bytes. */
export type TextFormat = 'csv' | 'ndjson' | 'json';

const EXTENSIONS: Record<string, TextFormat | 'txt'> = {
  csv: 'csv',
  tsv: 'csv',
  txt: 'txt',
  ndjson: 'ndjson',
  jsonl: 'ndjson',
  json: 'json',
  js: 'json',
};

const ASSIGNMENT = /^(?:(?:var|let|const)\s+)?[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*|\[[^\]\n]{1,64}\])*\s*=\s*[[{]/;

/** Lower-cased extensions of a path's base name, `.gz` removed: `Data.CSV.gz` -> `csv`. */
function extensionOf(path: string): { extension: string | null; gzip: boolean } {
  const base = baseName(path).toLowerCase();
  const gzip = base.endsWith('.gz');
  const name = gzip ? base.slice(0, -3) : base;
  const dot = name.lastIndexOf('.');
  return { extension: dot > 0 ? name.slice(dot + 1) : null, gzip };
}

function baseName(path: string): string {
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return path.slice(slash + 1);
}

/**
 * The format a path's extension names (`.csv` `.tsv` `.txt` `.ndjson` `.jsonl` `.json` `.js`,
 * optionally followed by `.gz`); null when the extension says nothing (`.txt` included).
 *
 * @param path a file path or name
 * @returns the format, or null
 * @example
 * formatFromPath('exports/customers.csv.gz'); // 'csv'
 */
export function formatFromPath(path: string): TextFormat | null {
  const { extension } = extensionOf(path);
  const format = extension === null ? undefined : EXTENSIONS[extension];
  return format === undefined || format === 'txt' ? null : format;
}

/**
 * The dataset name a path suggests: its base name without `.gz` and the extension.
 *
 * @param path a file path
 * @returns e.g. `customers` for `data/customers.csv.gz`
 * @example
 * datasetName('data/customers.csv.gz'); // 'customers'
 */
export function datasetName(path: string): string {
  const base = baseName(path);
  const name = base.toLowerCase().endsWith('.gz') ? base.slice(0, -3) : base;
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  return stem === '' ? 'dataset' : stem;
}

/**
 * True when decoded text looks like binary data (a spreadsheet, archive or image renamed or
 * mislabelled): more than 2% control characters other than tab, line breaks and form feed.
 *
 * @param text the decoded start of an input (the first 8 KB are checked)
 * @returns whether the input should be refused as binary
 * @example
 * looksBinary('PK\u0003\u0004\u0014\u0000'); // true
 */
export function looksBinary(text: string): boolean {
  const sample = text.length > 8192 ? text.slice(0, 8192) : text;
  if (sample.length === 0) return false;
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 12 && c !== 13) || (c >= 0x7f && c <= 0x9f)) controls++;
  }
  return controls > sample.length * 0.02;
}

/**
 * True when the first non-blank line is a complete JSON object and the next one starts another.
 *
 * @param text the decoded start of an input
 * @returns whether the text reads as NDJSON
 * @example
 * looksLikeNdjson('{"id":1}\n{"id":2}\n'); // true
 */
export function looksLikeNdjson(text: string): boolean {
  const lines: string[] = [];
  let start = 0;
  while (lines.length < 2 && start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end).trim();
    if (line !== '') lines.push(line);
    start = end + 1;
  }
  const [first, second] = lines;
  if (first === undefined || second === undefined || !second.startsWith('{')) return false;
  try {
    const value: unknown = JSON.parse(first);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

/**
 * Chooses how to read a text input: the extension first, then the content. A leading `[` or
 * `{`, or `name = [`, is JSON; two lines of objects are NDJSON (also under `.json`, a common
 * mislabel); anything else is delimited text. Binary content is refused.
 *
 * @param path the file path, or null for streams
 * @param text the decoded start of the input
 * @returns the format to read with
 * @throws StitchscanError E_UNKNOWN_FORMAT for binary content
 * @example
 * detectFormat(null, '{"id":1}\n{"id":2}\n'); // 'ndjson'
 */
export function detectFormat(path: string | null, text: string): TextFormat {
  if (looksBinary(text)) {
    throw new StitchscanError(
      'E_UNKNOWN_FORMAT',
      `Unknown format: ${path ?? 'the input'} looks like binary data (a spreadsheet, archive or image?), not text`,
      { details: { path } },
    );
  }
  const byPath = path === null ? null : formatFromPath(path);
  if (byPath === 'csv' || byPath === 'ndjson') return byPath;
  const start = text.trimStart();
  if (byPath === 'json') return start.startsWith('{') && looksLikeNdjson(start) ? 'ndjson' : 'json';
  if (start.startsWith('[')) return 'json';
  if (start.startsWith('{')) return looksLikeNdjson(start) ? 'ndjson' : 'json';
  if (ASSIGNMENT.test(start.slice(0, 1024))) return 'json';
  return 'csv';
}
