import type { SemanticType } from '../model/semantic';
import { semanticFromName } from './column-name';

/*
 * ## How a column's semantic type is decided
 *
 * Every non-null value is run through every detector (`DETECTORS`); a column arrives here with,
 * per type, the number of values that matched. Types overlap on purpose: a UUID is also an
 * identifier, `Jordan` is a first name, a surname and a country, `75001` is a postal code and an
 * identifier. The column name, read by `semanticFromName`, is supporting evidence.
 *
 * 1. **Share.** `share(t)` = values matching `t` / non-null values.
 * 2. **Name support.** The type the name points to has full support; related types have half
 *    support: the other person-name types for a name column (`name` holding only given names),
 *    `hashed` for an `email` or `phone` column, `uuid`/`hashed`/`ga_client_id` for an id column,
 *    `handle` and `url` for each other.
 * 3. **Eligibility.** A type is eligible when its share reaches 0.5, or 0.3 with name support.
 *    - Weak types need name support whatever their share: `first_name`, `last_name` (many words
 *      are names) and `postal_code` (five digits are also plain numbers).
 *    - `identifier` (the weakest) needs name support, or values that are nearly all codes
 *      (share >= 0.8) and nearly all distinct (distinct / non-null >= 0.8).
 *    - A low-cardinality column (at most 20 distinct values, each seen 5 times or more on
 *      average, like a status code) is never an `identifier`.
 * 4. **Choice.** Each eligible type scores `share + 0.2 x support + specificity`, where
 *    specificity prefers precise formats over generic ones: uuid, hashed, ga_client_id, email, ip
 *    0.25; handle 0.22; url 0.2; phone and full_name 0.15; country and postal_code 0.1;
 *    first_name 0.05; last_name 0.04; identifier 0. The highest score wins. So values decide when
 *    they clearly disagree with the name (an `email` column full of SHA-256 digests is `hashed`),
 *    the name breaks near-ties (10-digit numbers in `customer_id` are identifiers, in `phone`
 *    they are phones), and a specific type beats `identifier` when both fit.
 * 5. **No type** (null) when nothing is eligible.
 * 6. **Confidence** in [0, 1]: value evidence `e = share x strength` (strength 0.9 for the
 *    precise formats, 0.8 phone, 0.75 full_name and country, 0.6 postal_code and given/surnames,
 *    0.5 identifier), plus name support `(1 - e) x share x 0.8 x support`; times 0.85 when another
 *    eligible type (other than identifier) scores within 0.1 of the winner.
 *
 * Examples: `email` with 100% emails: 0.98; 60% emails in `notes`: 0.54; `zip` of 5-digit
 * values: 0.92; `customer_id` of unique codes: 0.9.
 */

/** What the profiler knows about a column when it decides its semantic type. */
export interface SemanticDecisionInput {
  columnName: string;
  nonNullCount: number;
  distinctCount: number;
  /** per type, the non-null values that `DETECTORS`' detector of that type matched */
  matches: Partial<Record<SemanticType, number>>;
}

export interface SemanticCandidate {
  type: SemanticType;
  /** share of non-null values that match the type's detector */
  share: number;
  /** whether the column name points to this type */
  nameMatch: boolean;
}

export interface SemanticDecision {
  type: SemanticType | null;
  confidence: number;
  /** share of non-null values matching the chosen type (0 when none) */
  share: number;
  /** every type that matched a value or that the name points to, best first */
  candidates: SemanticCandidate[];
}

const VALUE_SHARE_MIN = 0.5;
const NAMED_SHARE_MIN = 0.3;
const NAME_BONUS = 0.2;
const TIE_MARGIN = 0.1;
const AMBIGUITY_FACTOR = 0.85;
const UNNAMED_IDENTIFIER_SHARE = 0.8;
const UNNAMED_IDENTIFIER_UNIQUENESS = 0.8;
const LOW_CARDINALITY_MAX = 20;
const LOW_CARDINALITY_REPEATS = 5;

/** Most specific first; also the order that breaks exact ties. */
const SPECIFICITY = {
  uuid: 0.25,
  hashed: 0.25,
  ga_client_id: 0.25,
  email: 0.25,
  ip: 0.25,
  handle: 0.22,
  url: 0.2,
  phone: 0.15,
  full_name: 0.15,
  country: 0.1,
  postal_code: 0.1,
  first_name: 0.05,
  last_name: 0.04,
  identifier: 0,
} as const satisfies Record<SemanticType, number>;

const TYPES = Object.keys(SPECIFICITY) as SemanticType[];

const STRENGTH = {
  uuid: 0.9,
  hashed: 0.9,
  ga_client_id: 0.9,
  email: 0.9,
  ip: 0.9,
  handle: 0.9,
  url: 0.9,
  phone: 0.8,
  full_name: 0.75,
  country: 0.75,
  postal_code: 0.6,
  first_name: 0.6,
  last_name: 0.6,
  identifier: 0.5,
} as const satisfies Record<SemanticType, number>;

const RELATED: Partial<Record<SemanticType, readonly SemanticType[]>> = {
  email: ['hashed'],
  phone: ['hashed'],
  identifier: ['uuid', 'hashed', 'ga_client_id'],
  first_name: ['last_name', 'full_name'],
  last_name: ['first_name', 'full_name'],
  full_name: ['first_name', 'last_name'],
  handle: ['url'],
  url: ['handle'],
};

const NEEDS_NAME: ReadonlySet<SemanticType> = new Set(['first_name', 'last_name', 'postal_code']);

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * Decides a column's semantic type from how many of its values each detector matched, with its
 * name as supporting evidence. The rule is documented at the top of this file.
 *
 * @param input - column name, non-null and distinct counts, and per-type match counts
 * @returns the type (or null), confidence in [0, 1], the chosen type's share, and every candidate
 * @example
 * decideSemanticType({ columnName: 'email', nonNullCount: 100, distinctCount: 100, matches: { hashed: 100, identifier: 100 } })
 * // { type: 'hashed', confidence: 0.94, share: 1, candidates: [{ type: 'hashed', share: 1, nameMatch: false }, ...] }
 */
export function decideSemanticType(input: SemanticDecisionInput): SemanticDecision {
  const nameType = semanticFromName(input.columnName);
  const related = nameType === null ? undefined : RELATED[nameType];
  const nonNull = Math.max(0, input.nonNullCount);
  const distinct = Math.min(Math.max(0, input.distinctCount), nonNull);
  const uniqueness = nonNull === 0 ? 0 : distinct / nonNull;
  const lowCardinality = distinct <= LOW_CARDINALITY_MAX && distinct * LOW_CARDINALITY_REPEATS <= nonNull;

  const scored: { candidate: SemanticCandidate; score: number; eligible: boolean; support: number }[] = [];
  for (const type of TYPES) {
    const matched = input.matches[type] ?? 0;
    const share = nonNull === 0 || !(matched > 0) ? 0 : Math.min(1, matched / nonNull);
    const nameMatch = nameType === type;
    if (share === 0 && !nameMatch) continue;
    const support = nameMatch ? 1 : related?.includes(type) === true ? 0.5 : 0;
    let eligible = share >= (support > 0 ? NAMED_SHARE_MIN : VALUE_SHARE_MIN);
    if (NEEDS_NAME.has(type) && support === 0) eligible = false;
    if (type === 'identifier') {
      if (support === 0 && (share < UNNAMED_IDENTIFIER_SHARE || uniqueness < UNNAMED_IDENTIFIER_UNIQUENESS)) {
        eligible = false;
      }
      if (lowCardinality) eligible = false;
    }
    const score = share + NAME_BONUS * support + SPECIFICITY[type];
    scored.push({ candidate: { type, share: round3(share), nameMatch }, score, eligible, support });
  }
  // best first; TYPES order (specificity) breaks exact ties, as the sort is stable
  scored.sort((a, b) => b.score - a.score);
  const candidates = scored.map((s) => s.candidate);

  const winner = scored.find((s) => s.eligible);
  if (winner === undefined) return { type: null, confidence: 0, share: 0, candidates };
  const { type, share } = winner.candidate;
  const evidence = share * STRENGTH[type];
  let confidence = evidence + (1 - evidence) * share * 0.8 * winner.support;
  const rival = scored.find(
    (s) => s !== winner && s.eligible && s.candidate.type !== 'identifier' && s.score >= winner.score - TIE_MARGIN,
  );
  if (rival !== undefined) confidence *= AMBIGUITY_FACTOR;
  return { type, confidence: round3(Math.min(1, Math.max(0, confidence))), share, candidates };
}
