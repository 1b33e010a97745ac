import type { Cell } from '../model/source';
import type { RowParser } from './_text-source';
import type { IssueCollector } from './_issues';
import type { RecordFlattener } from './flatten';
import { NewlineNormalizer, type LineEnding } from './_newlines';
import { parseRecord } from './_parse-record';

/**
 * NDJSON / JSON Lines: one JSON object per line, flattened. Blank lines are skipped; a line
 * that is not JSON (ROW_INVALID_JSON) or not an object (ROW_NOT_OBJECT) is counted with its
 * line number and the scan goes on.
 */
export class NdjsonRowParser implements RowParser {
  readonly ready = true;
  private readonly newlines: NewlineNormalizer;
  private partial = '';
  private line = 0;

  constructor(
    private readonly flattener: RecordFlattener,
    private readonly issues: IssueCollector,
    lineEnding: LineEnding,
  ) {
    this.newlines = new NewlineNormalizer(lineEnding);
  }

  push(text: string): Cell[][] {
    const chunk = this.newlines.write(text);
    const rows: Cell[][] = [];
    let start = 0;
    for (let end = chunk.indexOf('\n'); end !== -1; end = chunk.indexOf('\n', start)) {
      const line = start === 0 && this.partial.length > 0 ? this.partial + chunk.slice(0, end) : chunk.slice(start, end);
      if (start === 0) this.partial = '';
      this.read(line, rows);
      start = end + 1;
    }
    this.partial += chunk.slice(start);
    return rows;
  }

  end(): Promise<Cell[][]> {
    const rows: Cell[][] = [];
    const last = this.partial + this.newlines.end();
    this.partial = '';
    if (last.length > 0) this.read(last, rows);
    return Promise.resolve(rows);
  }

  private read(text: string, rows: Cell[][]): void {
    this.line++;
    const record = parseRecord(text, this.line, this.issues);
    if (record !== undefined) rows.push(this.flattener.flatten(record));
  }
}
