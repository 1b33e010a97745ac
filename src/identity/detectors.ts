import type { SemanticType } from '../model/semantic';
import type { ValueShape } from './shape';
import { looksLikeCountry } from './country';
import { looksLikeEmail } from './email';
import { looksLikeGaClientId } from './ga';
import { looksLikeHandle } from './handle';
import { looksLikeHash } from './hashed';
import { looksLikeIdentifier } from './identifier';
import { looksLikeFirstName, looksLikeFullName, looksLikeLastName } from './names';
import { looksLikeIp, looksLikeUrl } from './network';
import { looksLikePhone } from './phone';
import { looksLikePostalCode } from './postal';
import { looksLikeUuid } from './uuid';

/**
 * A value test for one semantic type. `match` receives the value and its `analyseShape` summary;
 * it rejects most values with integer comparisons on the shape before reading characters, never
 * throws, uses no backtracking regex, and allocates nothing on the common paths. Values may carry
 * surrounding whitespace (it is tolerated); the profiler passes them trimmed.
 */
export interface Detector {
  readonly type: SemanticType;
  match(value: string, shape: ValueShape): boolean;
}

/**
 * Identity helper that keeps a detector's literal `type` (attw `defineCheck` style), so the
 * registry below can check that each type has its own detector.
 *
 * @param type - the semantic type the detector recognises
 * @param match - the value test (see `Detector`)
 * @returns a frozen detector
 * @example defineDetector('email', looksLikeEmail)
 */
export function defineDetector<const TType extends SemanticType>(
  type: TType,
  match: (value: string, shape: ValueShape) => boolean,
): Detector & { readonly type: TType } {
  return Object.freeze({ type, match });
}

/** One detector per semantic type: a missing or extra type is a compile error. */
export const DETECTOR_BY_TYPE = {
  uuid: defineDetector('uuid', looksLikeUuid),
  hashed: defineDetector('hashed', looksLikeHash),
  ga_client_id: defineDetector('ga_client_id', looksLikeGaClientId),
  email: defineDetector('email', looksLikeEmail),
  ip: defineDetector('ip', looksLikeIp),
  handle: defineDetector('handle', looksLikeHandle),
  url: defineDetector('url', looksLikeUrl),
  phone: defineDetector('phone', looksLikePhone),
  postal_code: defineDetector('postal_code', looksLikePostalCode),
  country: defineDetector('country', looksLikeCountry),
  full_name: defineDetector('full_name', looksLikeFullName),
  first_name: defineDetector('first_name', looksLikeFirstName),
  last_name: defineDetector('last_name', looksLikeLastName),
  identifier: defineDetector('identifier', looksLikeIdentifier),
} as const satisfies { readonly [K in SemanticType]: Detector & { readonly type: K } };

/**
 * Every detector, most specific first. Run all of them on each value: types overlap on purpose
 * (a UUID is also an identifier, `Jordan` is a first name and a country) and `decideSemanticType`
 * weighs the counts.
 */
export const DETECTORS: readonly Detector[] = Object.freeze(Object.values(DETECTOR_BY_TYPE));
