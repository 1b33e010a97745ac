import { z } from 'zod';

/** Formats the readers understand; `memory` is an in-process array or iterable of objects. */
export const FormatSchema = z.enum(['csv', 'ndjson', 'json', 'memory']);
export type Format = z.infer<typeof FormatSchema>;

/** Text encodings the readers detect and decode. */
export const EncodingSchema = z.enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252']);
export type Encoding = z.infer<typeof EncodingSchema>;

/** A header cell that had to be renamed so that every column has a unique, non-empty name. */
export const HeaderChangeSchema = z.object({
  index: z.number().int().nonnegative(),
  original: z.string(),
  renamed: z.string(),
  reason: z.enum(['duplicate', 'empty']),
});
export type HeaderChange = z.infer<typeof HeaderChangeSchema>;

/** What a reader detected about its input; written into the profile as `source`. */
export const SourceInfoSchema = z.object({
  format: FormatSchema,
  path: z.string().nullable(),
  bytes: z.number().int().nonnegative().nullable(),
  compression: z.enum(['gzip']).nullable(),
  encoding: EncodingSchema,
  bom: z.boolean(),
  /** CSV only: the field delimiter that was used (sniffed unless given). */
  delimiter: z.string().optional(),
  /** CSV only: the quote character. */
  quote: z.string().optional(),
  /** CSV only: whether the first row was taken as the header. */
  hasHeader: z.boolean().optional(),
  /** CSV / NDJSON: line ending found in the first chunk. */
  lineEnding: z.enum(['lf', 'crlf', 'cr']).optional(),
  /** JSON only: where the records were found. */
  jsonShape: z.enum(['array', 'wrapped', 'assignment']).optional(),
  /** JSON only: the key or assignment target holding the records (`data`, `window.YTD.tweets.part0`). */
  recordsPath: z.string().optional(),
  headerChanges: z.array(HeaderChangeSchema),
});
export type SourceInfo = z.infer<typeof SourceInfoSchema>;

/** Stable codes for problems found while reading; counted, never fatal. */
export const ReadIssueCodeSchema = z.enum([
  'ROW_TOO_FEW_FIELDS',
  'ROW_TOO_MANY_FIELDS',
  'ROW_UNCLOSED_QUOTE',
  'ROW_INVALID_QUOTES',
  'ROW_INVALID_JSON',
  'ROW_NOT_OBJECT',
  'TEXT_INVALID_UTF8',
  'HEADER_DUPLICATE',
  'HEADER_EMPTY',
]);
export type ReadIssueCode = z.infer<typeof ReadIssueCodeSchema>;

/**
 * One kind of reading problem with how often it happened and where: `lines` holds the first
 * line numbers (1-based, physical lines of the file), up to a cap; `count` is exact.
 */
export const ReadIssueSchema = z.object({
  code: ReadIssueCodeSchema,
  count: z.number().int().nonnegative(),
  lines: z.array(z.number().int().positive()),
  message: z.string(),
});
export type ReadIssue = z.infer<typeof ReadIssueSchema>;

/**
 * A cell as the profiler sees it. Readers flatten nested objects to dot paths, so a cell is a
 * scalar, or an array of scalars for multi-valued fields (JSON arrays). `undefined` means the
 * field was absent from the record.
 */
export type Scalar = string | number | boolean | null;
export type Cell = Scalar | readonly Scalar[] | undefined;

/**
 * An opened input. `batches()` may be iterated once; each row is an array of cells aligned with
 * `columns` as it stood when the batch was yielded (JSON readers append columns as new keys
 * appear, so earlier rows are simply shorter). Rows are batched so that the profiler does not
 * pay one promise per row. `info` and `issues()` are complete once iteration has finished.
 */
export interface Source {
  readonly name: string;
  readonly info: SourceInfo;
  readonly columns: string[];
  /** Size of the input in bytes when known (files), for progress. */
  readonly totalBytes: number | null;
  /** Bytes of the input consumed so far (compressed bytes for .gz), for progress. */
  bytesRead(): number;
  batches(): AsyncIterable<readonly (readonly Cell[])[]>;
  /** Reading problems so far; rows with problems are skipped, not profiled. */
  issues(): ReadIssue[];
}
