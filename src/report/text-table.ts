import { pad, terminalText, visibleLength } from './_spans';

/**
 * Left-aligned plain-text table for the terminal, one string per line (header, rule, rows);
 * numbers given as strings are right-aligned when `align` says so. Cells are data: control
 * characters, line breaks among them, show as `?` (terminalText), so a row stays one line; widths
 * count code points.
 */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[], align: readonly ('l' | 'r')[] = []): string[] {
  const safe = rows.map((r) => r.map(terminalText));
  const widths = header.map((h, i) => Math.max(visibleLength(h), ...safe.map((r) => visibleLength(r[i] ?? ''))));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => pad(cell, widths[i]!, align[i] ?? 'l'))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...safe.map(line)];
}
