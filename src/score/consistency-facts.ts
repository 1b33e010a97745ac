import type { DatasetProfile } from '../model';

/** Problems that make a column read differently from row to row. */
export type ConsistencyProblem = 'mixedTypes' | 'mixedDateFormats' | 'ambiguousDates' | 'invalidDates' | 'excelMangled' | 'malformedRows' | 'encoding';

export interface ConsistencyFact {
  problem: ConsistencyProblem;
  /** null for problems of the whole file (malformed rows, encoding) */
  column: string | null;
  /** values (or rows) with the problem */
  affected: number;
  /** values (or rows) it is measured over */
  total: number;
}

/** Points a problem takes off the dataset's consistency when it affects every value (docs/scoring.md). */
export const CONSISTENCY_WEIGHTS: Readonly<Record<ConsistencyProblem, number>> = {
  mixedTypes: 30,
  mixedDateFormats: 30,
  ambiguousDates: 20,
  invalidDates: 20,
  excelMangled: 40,
  malformedRows: 40,
  encoding: 30,
};

/** Columns whose `12345.0` is a damaged identifier rather than a decimal. */
const ID_SEMANTICS = new Set(['identifier', 'phone', 'postal_code', 'uuid', 'hashed', 'ga_client_id']);


export function consistencyFactsOf(profile: DatasetProfile): ConsistencyFact[] {
  const out: ConsistencyFact[] = [];
  for (const c of profile.columns) {
    const values = c.valueCount;
    if (values === 0) continue;
    if (c.inferredType === 'mixed') {
      const top = Math.max(0, ...c.typeMix.map((t) => t.share));
      out.push({ problem: 'mixedTypes', column: c.name, affected: Math.round((1 - top) * values), total: values });
    }
    const formats = c.dates?.formats ?? [];
    const dated = formats.reduce((n, f) => n + f.count, 0);
    if (formats.length > 1) {
      const top = Math.max(...formats.map((f) => f.count));
      out.push({ problem: 'mixedDateFormats', column: c.name, affected: dated - top, total: dated });
    }
    if (c.dates?.ambiguous === true) out.push({ problem: 'ambiguousDates', column: c.name, affected: dated, total: dated });
    if ((c.dates?.invalidCount ?? 0) > 0) out.push({ problem: 'invalidDates', column: c.name, affected: c.dates!.invalidCount, total: values });
    const f = c.numberFormats;
    const mangled = f.excelScientific + (ID_SEMANTICS.has(c.semanticType ?? '') || c.inferredType === 'identifier' ? f.trailingDotZero : 0);
    if (mangled > 0) out.push({ problem: 'excelMangled', column: c.name, affected: mangled, total: values });
  }
  const read = profile.rowCount + profile.malformedRowCount;
  if (profile.malformedRowCount > 0) out.push({ problem: 'malformedRows', column: null, affected: profile.malformedRowCount, total: read });
  const damaged = profile.issues.filter((i) => i.code === 'TEXT_INVALID_UTF8').reduce((n, i) => n + i.count, 0);
  if (damaged > 0) out.push({ problem: 'encoding', column: null, affected: damaged, total: Math.max(read, damaged) });
  return out;
}
