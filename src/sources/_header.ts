import type { HeaderChange } from '../model/source';

/**
 * Makes header names unique and non-empty: a repeated name gets the first free numeric suffix
 * (`email`, `email_2`), an empty one is named after its 1-based position (`column_3`).
 * Names are compared exactly; `Email` and `email` are different columns.
 */
export function uniqueHeader(names: readonly string[]): { columns: string[]; changes: HeaderChange[] } {
  // Original names are reserved first, so a renamed `email` never takes a later `email_2`.
  const reserved = new Set(names.filter((name) => name.trim() !== ''));
  const used = new Set<string>();
  const columns: string[] = [];
  const changes: HeaderChange[] = [];
  names.forEach((original, index) => {
    const empty = original.trim() === '';
    if (!empty && !used.has(original)) {
      used.add(original);
      columns.push(original);
      return;
    }
    const base = empty ? `column_${index + 1}` : original;
    let renamed = empty ? base : `${base}_2`;
    for (let k = empty ? 2 : 3; used.has(renamed) || reserved.has(renamed); k++) renamed = `${base}_${k}`;
    used.add(renamed);
    columns.push(renamed);
    changes.push({ index, original, renamed, reason: empty ? 'empty' : 'duplicate' });
  });
  return { columns, changes };
}
