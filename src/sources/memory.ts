import type { Cell, Source, SourceInfo } from '../model/source';
import { IssueCollector } from './_issues';
import { RecordFlattener } from './flatten';
import { onceOnly } from './_once';

/** Rows per batch for in-memory inputs, which have no chunks of their own. */
const BATCH_ROWS = 1000;

export interface FromRowsOptions {
  /** Dataset name ['dataset']. */
  name?: string;
  /** Line numbers kept per issue code [20]. */
  maxIssueLines?: number;
}

/**
 * Wraps in-memory records (an array, any iterable or async iterable of objects, an object-mode
 * stream) as a Source. Records are flattened like JSON (dot paths, multi-valued arrays); an item
 * that is not an object is counted as ROW_NOT_OBJECT with its 1-based position as line.
 *
 * @param rows the records
 * @param options `name` ['dataset']
 * @returns a Source of format `memory`
 * @example
 * const source = fromRows([{ email: 'a@x.io', address: { city: 'Lyon' } }], { name: 'crm' });
 * source.columns; // filled while iterating: ['email', 'address.city']
 */
export function fromRows(rows: Iterable<object> | AsyncIterable<object>, options: FromRowsOptions = {}): Source {
  const issues = new IssueCollector(options.maxIssueLines);
  const flattener = new RecordFlattener();
  const info: SourceInfo = {
    format: 'memory',
    path: null,
    bytes: null,
    compression: null,
    encoding: 'utf-8',
    bom: false,
    headerChanges: [],
  };
  let iterated = false;

  async function* batches(): AsyncGenerator<readonly (readonly Cell[])[]> {
    let batch: Cell[][] = [];
    let position = 0;
    for await (const item of rows as Iterable<unknown> | AsyncIterable<unknown>) {
      position++;
      if (typeof item === 'object' && item !== null && !Array.isArray(item) && !ArrayBuffer.isView(item)) {
        batch.push(flattener.flatten(item));
        if (batch.length >= BATCH_ROWS) {
          yield batch;
          batch = [];
        }
      } else {
        const kind = item === null ? 'null' : Array.isArray(item) ? 'an array' : typeof item;
        issues.add('ROW_NOT_OBJECT', position, `item ${position} is ${kind}`);
      }
    }
    if (batch.length > 0) yield batch;
  }

  return {
    name: options.name ?? 'dataset',
    info,
    columns: flattener.columns,
    totalBytes: null,
    bytesRead: () => 0,
    batches: () => {
      if (iterated) throw onceOnly();
      iterated = true;
      return batches();
    },
    issues: () => issues.list(),
  };
}
