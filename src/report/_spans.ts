import { paint, type Style } from './colour';

/** A piece of a terminal line with an optional style. */
export interface Span {
  text: string;
  style?: Style;
}

/** A terminal line: styled pieces, laid out as plain text first and coloured last. */
export type Line = readonly Span[];

/** C0 and C1 controls (line breaks, tabs, escape) and bidirectional overrides: never written as found. */
export function isControl(codePoint: number): boolean {
  return codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0) || (codePoint >= 0x202a && codePoint <= 0x202e) || (codePoint >= 0x2066 && codePoint <= 0x2069);
}

/**
 * A data value made safe for a terminal: control characters (escape, line breaks, tabs) and
 * bidirectional overrides become `?`, so a column name cannot move the cursor, colour the
 * terminal or reorder the line.
 */
export function terminalText(value: string): string {
  return Array.from(value, (ch) => (isControl(ch.codePointAt(0)!) ? '?' : ch)).join('');
}

/** Length in code points (the summary's block and arrow characters are one column each). */
export function visibleLength(text: string): number {
  return Array.from(text).length;
}

/** Cuts text to `max` code points, ending in an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return max <= 0 ? '' : `${chars.slice(0, max - 1).join('')}…`;
}

/** Pads text with spaces to `width` code points, on the right (`l`) or the left (`r`). */
export function pad(text: string, width: number, align: 'l' | 'r' = 'l'): string {
  const fill = ' '.repeat(Math.max(0, width - visibleLength(text)));
  return align === 'r' ? fill + text : text + fill;
}

/** Renders a line: cut to `width` columns (an ellipsis marks the cut), trailing spaces dropped, then coloured. */
export function renderLine(line: Line, width: number, colour: boolean): string {
  const total = line.reduce((n, s) => n + visibleLength(s.text), 0);
  const cut = total > width;
  let room = cut ? Math.max(0, width - 1) : total;
  let out = '';
  for (const span of line) {
    if (room <= 0) break;
    const chars = Array.from(span.text);
    const text = chars.length <= room ? span.text : chars.slice(0, room).join('');
    room -= Math.min(chars.length, room);
    out += paint(text, span.style, colour);
  }
  return cut ? `${out.trimEnd()}…` : out.trimEnd();
}

/** Splits prose into lines of at most `width` columns at spaces (a longer word is cut). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(' ').filter((w) => w !== '')) {
    if (current === '') current = word;
    else if (visibleLength(current) + 1 + visibleLength(word) <= width) current += ` ${word}`;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current !== '') lines.push(current);
  return lines.map((l) => truncate(l, width));
}
