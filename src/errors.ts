/**
 * Errors a user can cause. Codes come from one table so that the union type, the hints and
 * docs/errors.md cannot drift apart (a test checks every code has a heading there).
 */
export const ERROR_CODES = {
  E_FILE_NOT_FOUND: { hint: 'Check the path; relative paths are resolved from the current directory.' },
  E_FILE_UNREADABLE: { hint: 'Check that the file is readable by this user and is not a directory.' },
  E_EMPTY_INPUT: { hint: 'The input holds no data rows; check that the export finished and the file is not truncated.' },
  E_UNKNOWN_FORMAT: { hint: 'Use a .csv, .tsv, .txt, .ndjson, .jsonl, .json or .js file (optionally .gz), or pass format: "csv" | "ndjson" | "json".' },
  E_INVALID_JSON: { hint: 'The JSON document could not be parsed; for one record per line use NDJSON (.ndjson / .jsonl).' },
  E_INVALID_GZIP: { hint: 'The input starts like gzip but does not decompress; check that the download or export finished (`gzip -t file.gz`).' },
  E_NO_RECORDS: { hint: 'A JSON input must be an array of objects, an object holding one such array ({"data": [...]}), or `name = [...]`.' },
  E_FILE_UNWRITABLE: { hint: 'Choose an output directory you can write to (--out), and check that no directory has the name of a report file.' },
  E_INVALID_OPTION: { hint: 'See `stitchscan --help` for the command, docs/api.md for the library options.' },
  E_INVALID_CONFIG: { hint: 'See docs/cli.md#config-file for the fields of stitchscan.config.json and what each takes.' },
  E_DUPLICATE_DATASET: { hint: 'Give each dataset its own name (the `name` of a config entry or a ScanInput), for example crm and crm_eu.' },
  E_INVALID_PROFILE: { hint: 'Profiles must come from profileDataset() of this stitchscan version; see docs/api.md.' },
  E_MERGE_MISMATCH: { hint: 'Only profiles of parts of the same dataset, made with the same options, can be merged.' },
} as const satisfies Record<`E_${string}`, { hint: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** The one error class the library throws for problems the user can fix. */
export class StitchscanError extends Error {
  override readonly name = 'StitchscanError';
  readonly code: ErrorCode;
  readonly hint: string;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    code: ErrorCode,
    message: string,
    options: { cause?: unknown; details?: Record<string, unknown>; hint?: string } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.hint = options.hint ?? ERROR_CODES[code].hint;
    this.details = options.details ?? {};
  }
}

/** True for errors thrown by stitchscan on purpose (as opposed to bugs). */
export function isStitchscanError(error: unknown): error is StitchscanError {
  return error instanceof StitchscanError;
}
