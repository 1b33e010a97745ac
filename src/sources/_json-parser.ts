import type { Cell, SourceInfo } from '../model/source';
import type { RowParser } from './_text-source';
import type { IssueCollector } from './_issues';
import type { RecordFlattener } from './flatten';
import { JsonRecordsScanner, type JsonElement } from './_json-scan';
import { parseRecord } from './_parse-record';

/**
 * A JSON document holding an array of records, streamed element by element (see
 * JsonRecordsScanner), each element parsed and flattened. Elements that are not JSON or not
 * objects are counted with the line they start on.
 */
export class JsonRowParser implements RowParser {
  private readonly scanner: JsonRecordsScanner;

  constructor(
    private readonly flattener: RecordFlattener,
    private readonly issues: IssueCollector,
    private readonly info: SourceInfo,
  ) {
    this.scanner = new JsonRecordsScanner((line) => issues.add('ROW_INVALID_JSON', line, `line ${line}: empty element`));
  }

  get ready(): boolean {
    return this.scanner.ready;
  }

  push(text: string): Cell[][] {
    const wasReady = this.scanner.ready;
    const rows = this.rows(this.scanner.push(text));
    if (!wasReady && this.scanner.ready) this.describe();
    return rows;
  }

  end(): Promise<Cell[][]> {
    const rows = this.rows(this.scanner.end());
    this.describe();
    return Promise.resolve(rows);
  }

  private describe(): void {
    if (this.scanner.shape !== null) this.info.jsonShape = this.scanner.shape;
    if (this.scanner.recordsPath !== undefined) this.info.recordsPath = this.scanner.recordsPath;
  }

  private rows(elements: readonly JsonElement[]): Cell[][] {
    const rows: Cell[][] = [];
    for (const element of elements) {
      const record = parseRecord(element.text, element.line, this.issues);
      if (record !== undefined) rows.push(this.flattener.flatten(record));
    }
    return rows;
  }
}
