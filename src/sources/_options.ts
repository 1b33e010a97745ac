import type { Readable } from 'node:stream';
import { StitchscanError } from '../errors';
import { EncodingSchema, type Encoding } from '../model/source';

/** What openSource reads: a file path or `file:` URL, a byte or object stream, or records. */
export type SourceInput = string | URL | NodeJS.ReadableStream | Readable | AsyncIterable<object> | Iterable<object>;

export interface OpenSourceOptions {
  /** Dataset name [file base name without extensions (`customers` for customers.csv.gz), or 'dataset']. */
  name?: string;
  /** Format of a byte input [detected from the extension, then the content]. */
  format?: 'csv' | 'ndjson' | 'json';
  /** Text encoding [detected: BOM, UTF-16 zero bytes, UTF-8 validity, else windows-1252]. */
  encoding?: Encoding;
  /** CSV field delimiter [sniffed among `,` `;` tab `|`]. */
  delimiter?: string;
  /** CSV: whether the first row is the header [true]. */
  hasHeader?: boolean;
  /** Line numbers kept per issue code; counts are always exact [20]. */
  maxIssueLines?: number;
}

const FORMATS = ['csv', 'ndjson', 'json'] as const;

/** Checks options a user may get wrong, in csv-parse's grammar: what, allowed, got. */
export function validateOptions(options: OpenSourceOptions): void {
  const { name, format, encoding, delimiter, hasHeader, maxIssueLines } = options;
  if (name !== undefined && (typeof name !== 'string' || name === '')) {
    throw invalid('name', 'must be a non-empty string', name);
  }
  if (format !== undefined && !(FORMATS as readonly unknown[]).includes(format)) {
    throw invalid('format', 'must be "csv", "ndjson" or "json"', format);
  }
  if (encoding !== undefined && !EncodingSchema.safeParse(encoding).success) {
    throw invalid('encoding', `must be one of ${EncodingSchema.options.map((e) => `"${e}"`).join(', ')}`, encoding);
  }
  if (
    delimiter !== undefined &&
    (typeof delimiter !== 'string' || delimiter.length === 0 || delimiter.length > 8 || /["\r\n]/.test(delimiter))
  ) {
    throw invalid('delimiter', 'must be 1 to 8 characters other than a quote or a line break', delimiter);
  }
  if (hasHeader !== undefined && typeof hasHeader !== 'boolean') {
    throw invalid('hasHeader', 'must be true or false', hasHeader);
  }
  if (maxIssueLines !== undefined && !(Number.isInteger(maxIssueLines) && maxIssueLines >= 0)) {
    throw invalid('maxIssueLines', 'must be an integer of 0 or more', maxIssueLines);
  }
}

function invalid(option: string, rule: string, got: unknown): StitchscanError {
  return new StitchscanError('E_INVALID_OPTION', `Invalid option ${option}: ${rule}, got ${JSON.stringify(got) ?? String(got)}`, {
    details: { option },
  });
}
