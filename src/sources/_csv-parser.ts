import { parse, type CsvError, type Parser } from 'csv-parse';
import type { Cell, ReadIssueCode, SourceInfo } from '../model/source';
import type { RowParser } from './_text-source';
import type { IssueCollector } from './_issues';
import { uniqueHeader } from './_header';
import { NewlineNormalizer, type LineEnding } from './_newlines';

export interface CsvParserOptions {
  delimiter: string;
  hasHeader: boolean;
  lineEnding: LineEnding;
  /** Filled in place with the header (or `column_1`...) once the first record is read. */
  columns: string[];
  info: SourceInfo;
  issues: IssueCollector;
}

/** Longest record read (in characters); longer ones come from a quote that is never closed. */
const MAX_RECORD_CHARS = 16 * 1024 * 1024;

const SKIP_CODES: Record<string, ReadIssueCode> = {
  CSV_QUOTE_NOT_CLOSED: 'ROW_UNCLOSED_QUOTE',
  CSV_MAX_RECORD_SIZE: 'ROW_UNCLOSED_QUOTE',
  CSV_INVALID_CLOSING_QUOTE: 'ROW_INVALID_QUOTES',
  INVALID_OPENING_QUOTE: 'ROW_INVALID_QUOTES',
};

/**
 * Delimited text through csv-parse in streaming mode, records as arrays. Text chunks are
 * written to the parser and its records collected synchronously from 'data', so a chunk costs
 * one write and no promise per row. Rows whose field count differs from the header's are
 * counted and skipped; records csv-parse cannot read (bad quotes) arrive through its 'skip'
 * event and are counted.
 */
export class CsvRowParser implements RowParser {
  private readonly parser: Parser;
  private readonly newlines: NewlineNormalizer;
  private out: Cell[][] = [];
  private width = -1;
  /** Line on which the last record (read or skipped) ended. */
  private lastLine = 0;
  private lastSkipped: unknown = undefined;
  private failure: unknown = undefined;

  constructor(private readonly options: CsvParserOptions) {
    this.newlines = new NewlineNormalizer(options.lineEnding);
    this.parser = parse({
      delimiter: options.delimiter,
      quote: '"',
      escape: '"',
      // Line breaks are normalised to \n before parsing (see NewlineNormalizer).
      record_delimiter: '\n',
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      // An unclosed quote turns the rest of the input into one field; cap it to bound memory.
      max_record_size: MAX_RECORD_CHARS,
    });
    const info = this.parser.info;
    this.parser.on('data', (record: string[]) => {
      this.lastLine = info.lines;
      if (record.length === this.width) this.out.push(record);
      else this.irregular(record);
    });
    this.parser.on('skip', (error: CsvError) => this.skipped(error));
    this.parser.on('error', (error: unknown) => {
      this.failure = error;
    });
  }

  get ready(): boolean {
    return this.width >= 0;
  }

  push(text: string): Cell[][] {
    const normalized = this.newlines.write(text);
    if (normalized.length > 0) this.parser.write(normalized);
    return this.take();
  }

  /** Bytes can go to csv-parse as they are unless their line breaks need normalising. */
  takesBytes(bytes: Uint8Array): boolean {
    return this.newlines.leavesAsIs(bytes);
  }

  pushBytes(bytes: Uint8Array): Cell[][] {
    this.parser.write(bytes);
    return this.take();
  }

  async end(): Promise<Cell[][]> {
    const rest = this.newlines.end();
    if (rest.length > 0) this.parser.write(rest);
    const ended = new Promise<void>((resolve, reject) => {
      this.parser.once('end', resolve);
      this.parser.once('error', reject);
      this.parser.once('close', resolve);
    });
    this.parser.end();
    await ended;
    return this.take();
  }

  private take(): Cell[][] {
    // Records are emitted synchronously while flowing; drain any the stream buffered.
    while (this.parser.readableLength > 0 && this.parser.read() !== null);
    if (this.failure !== undefined) throw this.failure;
    const rows = this.out;
    this.out = [];
    return rows;
  }

  /** The header, a blank line, or a row with the wrong number of fields. */
  private irregular(record: string[]): void {
    const blank = record.length === 1 && (record[0] ?? '').trim() === '';
    if (blank) return; // a line of spaces is not a row
    const line = this.lastLine - countNewlines(record);
    if (this.width < 0) {
      this.header(record, line);
      return;
    }
    const { issues } = this.options;
    const detail = `line ${line} has ${record.length} fields, expected ${this.width}`;
    issues.add(record.length < this.width ? 'ROW_TOO_FEW_FIELDS' : 'ROW_TOO_MANY_FIELDS', line, detail);
  }

  private header(record: string[], line: number): void {
    const { columns, info, issues, hasHeader } = this.options;
    this.width = record.length;
    if (!hasHeader) {
      record.forEach((_, i) => columns.push(`column_${i + 1}`));
      this.out.push(record);
      return;
    }
    const unique = uniqueHeader(record);
    columns.push(...unique.columns);
    info.headerChanges = unique.changes;
    for (const change of unique.changes) {
      const code = change.reason === 'empty' ? 'HEADER_EMPTY' : 'HEADER_DUPLICATE';
      issues.add(code, line, `column ${change.index + 1} "${change.original}" renamed to "${change.renamed}"`);
    }
  }

  private skipped(error: CsvError): void {
    // One bad quote can raise several errors while csv-parse reads the same record; count it once.
    const record = (this.parser as unknown as { state?: { record?: unknown } }).state?.record;
    if (record !== undefined && record === this.lastSkipped) return;
    this.lastSkipped = record;
    const code = SKIP_CODES[error.code] ?? 'ROW_INVALID_QUOTES';
    const reported = typeof error.lines === 'number' ? error.lines : this.lastLine + 1;
    const line = code === 'ROW_UNCLOSED_QUOTE' ? this.lastLine + 1 : reported;
    this.lastLine = reported;
    this.options.issues.add(code, line, `line ${line}: ${error.message}`);
  }
}

function countNewlines(record: readonly string[]): number {
  let count = 0;
  for (const field of record) {
    for (let i = field.indexOf('\n'); i !== -1; i = field.indexOf('\n', i + 1)) count++;
  }
  return count;
}
