import type { IssueCollector } from './_issues';

/**
 * Parses the JSON text of one record: undefined (and an issue) when it is not JSON or not an
 * object; undefined without an issue when it is blank.
 */
export function parseRecord(text: string, line: number, issues: IssueCollector): object | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    if (text.trim() === '') return undefined;
    issues.add('ROW_INVALID_JSON', line, `line ${line}: ${error instanceof Error ? error.message : 'invalid JSON'}`);
    return undefined;
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value;
  const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
  issues.add('ROW_NOT_OBJECT', line, `line ${line} holds ${kind}`);
  return undefined;
}
