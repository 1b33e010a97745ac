import type { InferredType, SemanticType } from '../model';

/**
 * How a column's values are compared when looking for joins. Identity kinds (a person's or a
 * device's identifier) join on their own kind; `identifier` and `value` (codes, integers, short
 * strings) only through the key rules of join discovery.
 */
export type KeyKind = 'email' | 'phone' | 'hashed' | 'uuid' | 'handle' | 'ga_client_id' | 'identifier' | 'value';

/** Kinds whose shared values mean the same person or device, whatever the cardinality. */
export const PERSON_KEY_KINDS: ReadonlySet<KeyKind> = new Set(['email', 'phone', 'hashed', 'uuid', 'handle', 'ga_client_id']);

const GENERIC_TYPES: ReadonlySet<InferredType> = new Set(['integer', 'identifier', 'string', 'mixed']);

/**
 * The key kind of a column from its profile, or null when it can never be a join key: names,
 * countries, postcodes, IPs and URLs are quasi-identifiers or attributes; booleans, decimals and
 * dates are attributes.
 *
 * @example keyKindOf('email', 'string') // 'email'
 * @example keyKindOf(null, 'integer') // 'value'
 * @example keyKindOf('country', 'string') // null
 */
export function keyKindOf(semanticType: SemanticType | null, inferredType: InferredType): KeyKind | null {
  switch (semanticType) {
    case 'email':
    case 'phone':
    case 'hashed':
    case 'uuid':
    case 'handle':
    case 'ga_client_id':
    case 'identifier':
      return semanticType;
    case null:
      return GENERIC_TYPES.has(inferredType) ? 'value' : null;
    default:
      return null;
  }
}
