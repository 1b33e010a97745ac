import type { ColumnProfile, DatasetProfile } from '../model';
import { formatCount, formatEstimate, formatPercent as pct } from './_format';
import { terminalText } from './_spans';
import { textTable } from './text-table';

/**
 * The terminal summary of one dataset profile: what was read, one line per column (type, nulls,
 * distinct, semantic type, flags), candidate keys and reading problems. Pure: profile in, text out.
 * @example console.log(renderProfileSummary(await profileDataset('customers.csv')))
 */
export function renderProfileSummary(profile: DatasetProfile): string {
  const s = profile.source;
  const read = [
    s.format.toUpperCase(),
    s.encoding + (s.bom ? ' (BOM)' : ''),
    s.compression,
    s.delimiter === undefined ? null : `delimiter ${JSON.stringify(s.delimiter)}`,
    s.recordsPath === undefined ? null : `records at ${s.recordsPath}`,
  ].filter((x): x is string => x !== null && x !== undefined);
  const lines = [
    `${profile.name}: ${formatCount(profile.rowCount)} rows, ${profile.columns.length} columns (${read.join(', ')})`,
    '',
    ...textTable(
      ['column', 'type', 'nulls', 'distinct', 'semantic', 'flags', 'format'],
      profile.columns.map((c) => [
        c.name,
        c.inferredType,
        pct(profile.rowCount === 0 ? 0 : c.nullCount / profile.rowCount),
        formatEstimate(c.distinctCount, c.distinctExact),
        semanticLabel(c),
        c.flags.join(' '),
        formatLabel(c),
      ]),
      ['l', 'l', 'r', 'r', 'l', 'l', 'l'],
    ),
  ];
  if (profile.candidateKeys.length > 0) {
    lines.push('', 'Candidate keys');
    for (const key of profile.candidateKeys) lines.push(`  ${key.columns.join(' + ')}: ${key.reason}`);
  }
  const identity = profile.columns.filter((c) => c.identity !== null && c.identity.invalid + c.identity.normalisable > 0);
  if (identity.length > 0) {
    lines.push('', 'Identity values to fix');
    for (const c of identity) {
      const id = c.identity!;
      lines.push(`  ${c.name}: ${formatCount(id.invalid)} invalid, ${formatCount(id.normalisable)} need normalising (of ${formatCount(id.checked)})`);
    }
  }
  if (s.headerChanges.length > 0 || profile.issues.length > 0) {
    lines.push('', 'Reading problems');
    for (const issue of profile.issues) {
      const where = issue.lines.length > 0 ? ` (lines ${issue.lines.slice(0, 8).join(', ')}${issue.count > 8 ? ', ...' : ''})` : '';
      lines.push(`  ${issue.code} x${issue.count}: ${issue.message}${where}`);
    }
  }
  // data (column names, values) reaches the terminal: no control character, no line break passes as found
  return lines.map(terminalText).join('\n');
}

/**
 * How the values are written: the date format for dates (`dd/MM/yyyy`), the most common character
 * pattern for phone and identifier columns with its share when others exist (`99999 999999 (36% of values)`);
 * `+N` after a date format counts the other date formats found.
 */
function formatLabel(column: ColumnProfile): string {
  const more = (n: number): string => (n > 1 ? ` +${n - 1}` : '');
  if (column.dateFormats.length > 0) return `${column.dateFormats[0]!.format}${more(column.dateFormats.length)}`;
  const top = column.patterns[0];
  // Written formats matter for ids and phones; emails, hashes and uuids vary by nature.
  if ((column.semanticType === 'phone' || column.semanticType === 'identifier') && top !== undefined) return top.share < 1 ? `${top.pattern} (${pct(top.share)} of values)` : top.pattern;
  return '';
}

function semanticLabel(column: ColumnProfile): string {
  if (column.semanticType === null) return '';
  const algorithm = column.hashAlgorithm === null ? '' : `:${column.hashAlgorithm}`;
  return `${column.semanticType}${algorithm} ${pct(column.semanticConfidence)}`;
}
