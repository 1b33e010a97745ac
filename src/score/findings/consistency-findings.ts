import type { ConsistencyProblem } from '../consistency-facts';
import type { DatasetFacts } from '../facts';
import type { FindingCode } from './codes';
import { datasetIn, n, pct, plural, type FindingDraft } from './draft';

const CODE: Readonly<Record<ConsistencyProblem, FindingCode>> = {
  mixedTypes: 'TYPE_MIXED',
  mixedDateFormats: 'DATE_MIXED_FORMATS',
  ambiguousDates: 'DATE_AMBIGUOUS_ORDER',
  invalidDates: 'DATE_INVALID',
  excelMangled: 'ID_EXCEL_MANGLED',
  malformedRows: 'MALFORMED_ROWS',
  encoding: 'ENCODING_DAMAGED',
};

function words(problem: ConsistencyProblem, dataset: string, column: string | null, affected: number, total: number): { message: string; fix: string } {
  const where = `\`${dataset}.${column ?? ''}\``;
  const share = pct(affected, total);
  switch (problem) {
    case 'mixedTypes':
      return { message: `${column} in ${dataset} mixes kinds of values (${n(affected)} of ${n(total)} differ from the rest), so no single type fits it.`, fix: `Give ${where} one type: convert or clear the ${n(affected)} values of the minority types (see typeMix in the profile).` };
    case 'mixedDateFormats':
      return { message: `Dates in ${column} of ${dataset} are written in more than one format (${n(affected)} of ${n(total)} outside the main one), so some will be read wrongly.`, fix: `Write ${where} in one format, preferably ISO 8601 (\`yyyy-MM-dd\`); the profile's dateFormats lists each format with its count.` };
    case 'ambiguousDates':
      return { message: `Dates in ${column} of ${dataset} could be day-first or month-first (no value shows which), so 03/04 could be 3 April or 4 March.`, fix: `Export ${where} as ISO 8601 (\`yyyy-MM-dd\`), or document the source's date order and parse with it explicitly.` };
    case 'invalidDates':
      return { message: `${plural(affected, 'value')} in ${column} of ${dataset} look like dates but name no real day (such as 30 February).`, fix: `Correct or clear the ${n(affected)} impossible dates in ${where} and validate dates at capture.` };
    case 'excelMangled':
      return { message: `${plural(affected, 'identifier')} in ${column} of ${dataset} (${share}) were damaged by a spreadsheet (written as 1.23457E+11 or 12345.0), so they no longer match the original ids.`, fix: `Re-export ${where} as text (in Excel, format the column as Text before import, or export CSV straight from the source system); scientific-notation values have lost digits and cannot be repaired from this file.` };
    case 'malformedRows':
      return { message: `${plural(affected, 'row')} of ${dataset} (${share}) could not be read and ${affected === 1 ? 'was' : 'were'} left out of every figure.`, fix: `Fix the rows listed in the profile's issues (codes and line numbers): in CSV, unescaped quotes or a wrong number of fields (an unclosed quote can swallow the rest of the file: check the row count); in NDJSON, lines that are not one JSON object. Re-export with a proper CSV or JSON writer.` };
    case 'encoding':
      return { message: `${plural(affected, 'invalid UTF-8 sequence')} ${affected === 1 ? 'was' : 'were'} found in ${dataset}, so names and addresses there may show garbled characters.`, fix: `Re-export ${dataset} as UTF-8 (or pass its real encoding, e.g. \`encoding: "windows-1252"\`); the profile's issues list the first line numbers.` };
  }
}

/** One finding per consistency problem of the dataset. */
export function consistencyFindings(d: DatasetFacts): FindingDraft[] {
  return d.consistency.map((p, i) => ({
    code: CODE[p.problem],
    dataset: d.dataset,
    column: p.column,
    evidence: { affected: p.affected, total: p.total },
    ...words(p.problem, d.dataset, p.column, p.affected, p.total),
    repair: (f) => {
      const x = datasetIn(f, d.dataset);
      x.consistency = x.consistency.filter((_, j) => j !== i);
    },
  }));
}
