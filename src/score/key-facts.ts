import type { ColumnProfile, SemanticType } from '../model';

/** Ways a valid key can differ from its normalised form; each is a fix of its own. */
type KeyFix = 'mixedCase' | 'padded' | 'mixedFormats';

export interface KeyColumnFacts {
  column: string;
  kind: SemanticType;
  /** non-null values checked */
  checked: number;
  /** non-null rows / rows */
  completeness: number;
  /** values that are no usable key, junk and Excel damage left out (counted elsewhere) */
  invalid: number;
  /** rows holding a junk value (placeholders, values shared by too many people) */
  junkRows: number;
  /** values to normalise, by fix; a value with two problems counts once for each */
  fixes: Record<KeyFix, number>;
  /** the column's formats by count, for the finding's evidence (phones: e164, international, national) */
  formats: Record<string, number>;
}

/** Invalid values that other findings own: junk (JUNK_IDENTIFIER) and Excel damage (ID_EXCEL_MANGLED). */
const NOT_INVALID = ['junk', 'placeholder', 'nil', 'emptyInput', 'excelScientific'] as const;

/** Mutually exclusive ways of writing one kind of key; the ones outside the most common need fixing. */
function formatsOf(kind: SemanticType, details: Readonly<Record<string, number>>, valid: number): Record<string, number> {
  const d = (k: string): number => details[k] ?? 0;
  switch (kind) {
    case 'phone':
      return { e164: d('e164'), international: d('international'), national: d('national') };
    case 'handle': {
      const prefixed = d('atPrefix') + d('profileUrl');
      return { atPrefix: d('atPrefix'), profileUrl: d('profileUrl'), plain: Math.max(0, valid - prefixed) };
    }
    case 'hashed':
      return { lowercaseHex: Math.max(0, valid - d('uppercaseHex')), uppercaseHex: d('uppercaseHex') };
    case 'uuid':
      return { canonical: Math.max(0, valid - d('uppercase') - d('noDashes') - d('braces')), uppercase: d('uppercase'), noDashes: d('noDashes'), braces: d('braces') };
    case 'ga_client_id':
      return { gaPrefix: d('gaPrefix'), bare: Math.max(0, valid - d('gaPrefix')) };
    default:
      return {};
  }
}

/** Values outside the most common format. */
function minorityCount(formats: Readonly<Record<string, number>>): number {
  const counts = Object.values(formats);
  const total = counts.reduce((a, b) => a + b, 0);
  return total - Math.max(0, ...counts);
}

/** The key-quality facts of one identity column, from its profile's identity checks. */
export function keyColumnFactsOf(column: ColumnProfile, rows: number, junkRows: number): KeyColumnFacts {
  const identity = column.identity!;
  const details = identity.details;
  const owned = NOT_INVALID.reduce((n, k) => n + (details[k] ?? 0), 0);
  const formats = formatsOf(identity.kind, details, identity.valid);
  return {
    column: column.name,
    kind: identity.kind,
    checked: identity.checked,
    completeness: rows === 0 ? 0 : column.completeness,
    invalid: Math.max(0, identity.invalid - owned),
    junkRows,
    fixes: {
      // e-mail addresses are case-insensitive in practice, yet a join on the raw text misses them
      mixedCase: identity.kind === 'email' ? (details.mixedCase ?? 0) : 0,
      padded: details.padded ?? 0,
      mixedFormats: minorityCount(formats),
    },
    formats,
  };
}
