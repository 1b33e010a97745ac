import type { ReadIssue, ReadIssueCode } from '../model/source';

/** Default number of line numbers kept per issue code. */
export const DEFAULT_MAX_ISSUE_LINES = 20;

const DESCRIPTIONS: Record<ReadIssueCode, string> = {
  ROW_TOO_FEW_FIELDS: 'Rows with fewer fields than the header; skipped.',
  ROW_TOO_MANY_FIELDS: 'Rows with more fields than the header; skipped.',
  ROW_UNCLOSED_QUOTE: 'A quoted field is never closed; the rest of the input could not be read as rows.',
  ROW_INVALID_QUOTES: 'Rows with a misplaced quote character; skipped.',
  ROW_INVALID_JSON: 'Records that are not valid JSON; skipped.',
  ROW_NOT_OBJECT: 'Records that are JSON but not objects (arrays, strings, numbers, null); skipped.',
  TEXT_INVALID_UTF8: 'Byte sequences that are not valid UTF-8; read as U+FFFD.',
  HEADER_DUPLICATE: 'Header names used more than once; renamed with a numeric suffix.',
  HEADER_EMPTY: 'Empty header names; named after their position.',
};

interface Entry {
  count: number;
  lines: number[];
  lastLine: number;
  detail: string | undefined;
}

/**
 * Aggregates reading problems per code: exact counts, the first line numbers (a line is kept
 * once even when it holds several problems) and a detail of the first occurrence.
 */
export class IssueCollector {
  private readonly entries = new Map<ReadIssueCode, Entry>();

  constructor(private readonly maxLines: number = DEFAULT_MAX_ISSUE_LINES) {}

  add(code: ReadIssueCode, line: number, detail?: string): void {
    let entry = this.entries.get(code);
    if (entry === undefined) {
      entry = { count: 0, lines: [], lastLine: 0, detail };
      this.entries.set(code, entry);
    }
    entry.count++;
    if (line > 0 && line !== entry.lastLine && entry.lines.length < this.maxLines) {
      entry.lines.push(line);
      entry.lastLine = line;
    }
  }

  count(code: ReadIssueCode): number {
    return this.entries.get(code)?.count ?? 0;
  }

  list(): ReadIssue[] {
    const issues: ReadIssue[] = [];
    for (const [code, entry] of this.entries) {
      const first = entry.detail === undefined ? '' : ` First: ${entry.detail}.`;
      issues.push({ code, count: entry.count, lines: [...entry.lines], message: DESCRIPTIONS[code] + first });
    }
    return issues;
  }
}
