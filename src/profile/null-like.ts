/**
 * Null-like tokens counted separately from real values (case-insensitive, after trimming).
 * The profile names each spelling found, so `NULL` and `null` stay visible as written.
 */
export const NULL_TOKENS: ReadonlySet<string> = new Set([
  'null', 'n/a', 'na', '#n/a', '-', '--', 'none', 'nil', 'undefined', 'nan', '(null)', '(blank)',
]);

const MAX_TOKEN_LENGTH = 9;

/** True when `trimmed` (already trimmed, non-empty) is a null-like token. */
export function isNullToken(trimmed: string): boolean {
  if (trimmed.length > MAX_TOKEN_LENGTH) return false;
  // Every token starts with n, u, -, # or (: most values are rejected without lower-casing.
  const c = trimmed.charCodeAt(0) | 0x20;
  if (c !== 110 && c !== 117 && c !== 45 && c !== 35 && c !== 40) return false;
  return NULL_TOKENS.has(trimmed.toLowerCase());
}

/** Null as the column profiler counts it: empty, blank, or a null-like token such as `N/A`. */
export function isNullLike(raw: string): boolean {
  const n = raw.length;
  if (n === 0) return true;
  const trimmed = isTrimmable(raw.charCodeAt(0)) || isTrimmable(raw.charCodeAt(n - 1)) ? raw.trim() : raw;
  return trimmed.length === 0 || isNullToken(trimmed);
}

/** True for characters String.prototype.trim removes that exports commonly contain. */
export function isTrimmable(code: number): boolean {
  return code <= 32 || code === 160 || code === 0xfeff || (code >= 0x2000 && code <= 0x200b) || code === 0x3000;
}
