/**
 * Escaping for data values (dataset and column names, messages, fixes, masked values) written
 * into Markdown. Every value becomes plain inline text: it cannot end a table cell (`|`), start
 * code, emphasis, a link or a heading, or inject HTML (`<`, `>` become entities), and line
 * breaks and other control characters become spaces, so one value stays on one line.
 */

import { isControl } from '../_spans';

/** Backslash-escaped wherever they appear. */
const BACKSLASHED = new Set(['\\', '`', '*', '[', ']', '|', '~', '#']);
/** An entity reference that `&` would start (`&lt;`, `&#60;`): the `&` is written as `&amp;`. */
const ENTITY = /^&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/i;
const WORD = /[\p{L}\p{N}]/u;

/**
 * A data value as Markdown inline text that renders exactly as the value (controls as spaces).
 * @param value the raw value
 * @param options.lineStart the value may begin a line (a paragraph or list item): escape what
 *   would make it a list, quote or heading [true]
 */
export function escapeText(value: string, options: { lineStart?: boolean } = {}): string {
  const chars = Array.from(value);
  let out = '';
  chars.forEach((ch, i) => {
    if (isControl(ch.codePointAt(0)!)) out += ' ';
    else if (ch === '<') out += '&lt;';
    else if (ch === '>') out += '&gt;';
    else if (ch === '&') out += ENTITY.test(chars.slice(i, i + 12).join('')) ? '&amp;' : '&';
    else if (BACKSLASHED.has(ch)) out += `\\${ch}`;
    // `customer_id` is safe (no intraword emphasis in CommonMark); `_id` or `id_` are not.
    else if (ch === '_') out += WORD.test(chars[i - 1] ?? '') && WORD.test(chars[i + 1] ?? '') ? '_' : '\\_';
    else out += ch;
  });
  if (options.lineStart ?? true) {
    // A list marker (`-`, `+`, `1.`, `1)`) or setext underline (`=`) at the start of a line.
    out = out.replace(/^(\s*)([-+=])/, '$1\\$2').replace(/^(\s*\d{1,9})([.)])/, '$1\\$2');
  }
  return out;
}

/**
 * A value as an inline code span when that is safe (no backtick, pipe, angle bracket or control
 * character), otherwise as escaped text: a column name can never break out of its span.
 */
export function code(value: string): string {
  const safe = value.trim() !== '' && !/[`|<>]/.test(value) && !Array.from(value).some((ch) => isControl(ch.codePointAt(0)!));
  return safe ? `\`${value}\`` : escapeText(value, { lineStart: false });
}

/**
 * Prose from a finding (message, fix): escaped text, except that `backtick` spans the rule
 * wrote stay code when `code()` finds them safe; unsafe spans keep visible, escaped backticks.
 */
export function escapeProse(text: string): string {
  const parts = text.split(/`([^`]+)`/);
  return parts
    .map((part, i) => {
      if (i % 2 === 0) return escapeText(part, { lineStart: i === 0 });
      const span = code(part);
      return span.startsWith('`') ? span : `\\\`${span}\\\``;
    })
    .join('');
}

/**
 * A GitHub-flavoured Markdown table. Cells must already be Markdown (escaped with the helpers
 * above); `align` gives `r` for right-aligned number columns.
 */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[], align: readonly ('l' | 'r')[] = []): string {
  const line = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
  const rule = header.map((_, i) => (align[i] === 'r' ? '--:' : '---'));
  return [line(header), line(rule), ...rows.map(line)].join('\n');
}
