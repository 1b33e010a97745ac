import type { IdentityGraph } from '../../model';
import type { DatasetFacts } from '../facts';
import type { KeyColumnFacts } from '../key-facts';
import type { FindingCode } from './codes';
import { datasetIn, n, pct, plural, type FindingDraft } from './draft';

const keyIn = (d: DatasetFacts, column: string): KeyColumnFacts => d.keyColumns.find((c) => c.column === column)!;

const NOUN: Readonly<Record<string, string>> = { email: 'email addresses', phone: 'phone numbers', handle: 'social handles', hashed: 'hashed identifiers', uuid: 'ids', identifier: 'ids', ga_client_id: 'Google Analytics client ids' };
const CANONICAL: Readonly<Record<string, string>> = {
  phone: 'one format, preferably E.164 (`+447700900123`), e.g. with libphonenumber-js `parsePhoneNumberFromString(value, region)?.format("E.164")`',
  handle: 'one form: lower case, no `@`, no profile URL',
  hashed: 'lower-case hex',
  uuid: 'lower case with dashes (`8-4-4-4-12`)',
  ga_client_id: 'the bare `123456789.1234567890` form without the `GA1.2.` prefix',
};

const mostCommon = (formats: Readonly<Record<string, number>>): string => Object.entries(formats).sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'none';

/** Findings about the values of identity columns: case, spaces, formats, invalid values, junk. */
export function keyFindings(d: DatasetFacts, graph: IdentityGraph): FindingDraft[] {
  const out: FindingDraft[] = [];
  for (const c of d.keyColumns) {
    const where = `\`${d.dataset}.${c.column}\``;
    const noun = NOUN[c.kind] ?? 'values';
    // every finding here is about this column, and its repair edits this column's facts
    const add = (code: FindingCode, evidence: Record<string, number>, message: string, fix: string, repair: (k: KeyColumnFacts) => void): void => {
      out.push({ code, dataset: d.dataset, column: c.column, evidence, message, fix, repair: (f) => repair(keyIn(datasetIn(f, d.dataset), c.column)) });
    };
    if (c.fixes.mixedCase > 0) {
      add(
        'EMAIL_MIXED_CASE',
        { affected: c.fixes.mixedCase, checked: c.checked },
        `${n(c.fixes.mixedCase)} of ${n(c.checked)} email addresses in ${d.dataset} (${pct(c.fixes.mixedCase, c.checked)}) use capital letters, so a plain match misses the same address written in lower case elsewhere.`,
        `Lower-case ${where} wherever it is stored or matched: \`lower(trim(email))\`; ${n(c.fixes.mixedCase)} values change.`,
        (k) => void (k.fixes.mixedCase = 0),
      );
    }
    if (c.fixes.padded > 0) {
      add(
        'KEY_WHITESPACE',
        { affected: c.fixes.padded, checked: c.checked },
        `${n(c.fixes.padded)} of ${n(c.checked)} ${noun} in ${d.dataset} (${pct(c.fixes.padded, c.checked)}) carry stray spaces, which make identical values look different.`,
        `Trim leading and trailing whitespace from ${where} (\`trim()\`) at the point of capture and in the export; ${n(c.fixes.padded)} values change.`,
        (k) => void (k.fixes.padded = 0),
      );
    }
    if (c.fixes.mixedFormats > 0) {
      const formats = Object.entries(c.formats).filter(([, v]) => v > 0);
      add(
        c.kind === 'phone' ? 'PHONE_MULTIPLE_FORMATS' : 'KEY_MIXED_FORMATS',
        { affected: c.fixes.mixedFormats, checked: c.checked, formats: formats.length, ...Object.fromEntries(formats) },
        `${noun[0]!.toUpperCase()}${noun.slice(1)} in ${d.dataset} are written in ${formats.length} different ways (${formats.map(([k, v]) => `${k} ${n(v)}`).join(', ')}), so the same ${c.kind === 'phone' ? 'number' : 'value'} can fail to match itself.`,
        `Store ${where} in ${CANONICAL[c.kind] ?? 'one canonical form'}; today ${plural(c.fixes.mixedFormats, 'value')} ${c.fixes.mixedFormats === 1 ? 'is' : 'are'} outside the most common form (${mostCommon(c.formats)}).`,
        (k) => void (k.fixes.mixedFormats = 0),
      );
    }
    if (c.invalid > 0) {
      add(
        'KEY_INVALID',
        { invalid: c.invalid, checked: c.checked },
        `${n(c.invalid)} of ${n(c.checked)} ${noun} in ${d.dataset} (${pct(c.invalid, c.checked)}) are not valid, so those customers cannot be matched on them.`,
        c.kind === 'phone'
            ? `Validate ${where} at capture (libphonenumber-js \`isValidPhoneNumber(value, region)\`) and correct or clear the ${n(c.invalid)} numbers it rejects; numbers in unassigned ranges are often test or made-up numbers.`
            : `Validate ${where} at capture and correct or clear the ${n(c.invalid)} values that fail (see the column's patterns in the dataset profile).`,
        (k) => void (k.invalid = 0),
      );
    }
    if (c.junkRows > 0) {
      const values = graph.junk.filter((j) => j.dataset === d.dataset && j.column === c.column);
      const examples = values.slice(0, 3).map((j) => j.value);
      add(
        'JUNK_IDENTIFIER',
        { values: values.length, rows: c.junkRows, checked: c.checked },
        `${n(c.junkRows)} rows in ${d.dataset} use ${values.length === 1 ? 'a placeholder or shared value' : `${n(values.length)} placeholder or shared values`} as their ${c.kind === 'email' ? 'email address' : c.column} (such as ${examples.join(', ')}); matching on them would merge different people into one customer.`,
        `Replace the junk values of ${where} with null before identity resolution (the report's graph.junk lists each value and its hash), and block them at capture.`,
        (k) => void (k.junkRows = 0),
      );
    }
  }
  return out;
}
