import type { Cell, Source } from '../model/source';

/**
 * Iterates a source's rows as objects keyed by column name, for library users who prefer
 * records to aligned arrays. Absent cells are left out. Objects have a null prototype, so a
 * column named `__proto__` is an ordinary key.
 *
 * @param source an opened source (its `batches()` is consumed)
 * @returns the rows as records
 * @example
 * for await (const record of readRecords(await openSource('customers.csv'))) console.log(record.email);
 */
export async function* readRecords(source: Source): AsyncGenerator<Record<string, Cell>> {
  for await (const batch of source.batches()) {
    const columns = source.columns;
    for (const row of batch) {
      const record = Object.create(null) as Record<string, Cell>;
      for (let i = 0; i < row.length; i++) {
        const cell = row[i];
        const column = columns[i];
        if (cell !== undefined && column !== undefined) record[column] = cell;
      }
      yield record;
    }
  }
}
