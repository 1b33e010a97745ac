import type { Dimension, Severity } from '../../model';

/**
 * Every finding code, the dimension it lowers, a short title and the least severity it can have
 * (severity rises with impact, see severityOf). One page per code in docs/findings/<CODE>.md.
 */
export const FINDING_CODES = {
  IDENTITY_KEY_MISSING: { dimension: 'identityCoverage', title: 'Rows without any identity key', floor: 'low' },
  EMAIL_MIXED_CASE: { dimension: 'keyQuality', title: 'Email addresses in mixed case', floor: 'low' },
  KEY_WHITESPACE: { dimension: 'keyQuality', title: 'Identity values with leading or trailing spaces', floor: 'low' },
  PHONE_MULTIPLE_FORMATS: { dimension: 'keyQuality', title: 'Phone numbers written in several formats', floor: 'low' },
  KEY_MIXED_FORMATS: { dimension: 'keyQuality', title: 'Identity values written in several forms', floor: 'low' },
  KEY_INVALID: { dimension: 'keyQuality', title: 'Identity values that are not valid', floor: 'low' },
  JUNK_IDENTIFIER: { dimension: 'keyQuality', title: 'Placeholder or shared identity values', floor: 'high' },
  DATASET_UNREACHABLE: { dimension: 'joinability', title: 'Dataset cannot be linked to the hub', floor: 'high' },
  LOW_LINK_RATE: { dimension: 'joinability', title: 'Few rows link to another source', floor: 'low' },
  HASH_RECIPE_MISMATCH: { dimension: 'joinability', title: 'Hashed identifiers that no recipe matches', floor: 'medium' },
  IDENTITY_COLUMN_SPARSE: { dimension: 'completeness', title: 'Identity column mostly empty', floor: 'low' },
  PROFILE_ATTRIBUTE_MISSING: { dimension: 'completeness', title: 'A customer attribute no dataset holds', floor: 'low' },
  DATE_AMBIGUOUS_ORDER: { dimension: 'consistency', title: 'Dates that read both day-first and month-first', floor: 'medium' },
  DATE_MIXED_FORMATS: { dimension: 'consistency', title: 'Dates in several formats in one column', floor: 'low' },
  DATE_INVALID: { dimension: 'consistency', title: 'Dates that name no real day', floor: 'low' },
  TYPE_MIXED: { dimension: 'consistency', title: 'Column mixing value types', floor: 'low' },
  ID_EXCEL_MANGLED: { dimension: 'consistency', title: 'Identifiers damaged by a spreadsheet', floor: 'medium' },
  MALFORMED_ROWS: { dimension: 'consistency', title: 'Rows that could not be read', floor: 'medium' },
  ENCODING_DAMAGED: { dimension: 'consistency', title: 'Text damaged by a wrong encoding', floor: 'low' },
  STALE_DATA: { dimension: 'freshness', title: 'No recent activity', floor: 'low' },
  DUPLICATE_CUSTOMERS: { dimension: 'uniqueness', title: 'The same customer entered more than once', floor: 'low' },
} as const satisfies Record<string, { dimension: Dimension; title: string; floor: Severity }>;

export type FindingCode = keyof typeof FINDING_CODES;

const RANK: Readonly<Record<Severity, number>> = { low: 0, medium: 1, high: 2 };
/** Score points a fix must be worth to make a finding medium, then high. */
export const SEVERITY_GAINS = { medium: 1, high: 3 } as const;

/** Severity from the score a fix is worth, never below the code's floor. */
export function severityOf(code: FindingCode, gain: number): Severity {
  const byGain: Severity = gain >= SEVERITY_GAINS.high ? 'high' : gain >= SEVERITY_GAINS.medium ? 'medium' : 'low';
  const floor = FINDING_CODES[code].floor;
  return RANK[floor] > RANK[byGain] ? floor : byGain;
}
