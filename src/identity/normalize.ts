import type { SemanticType } from '../model/semantic';

export { normaliseEmail, type NormaliseEmailOptions } from './email';
export { normalisePhone, type NormalisePhoneOptions } from './phone';
export { normaliseHash, hashAlgorithmOf } from './hashed';
export { normaliseHandle } from './handle';
export { normaliseIdentifier } from './identifier';
export { normaliseUuid } from './uuid';
export { normaliseGaClientId } from './ga';

export interface DescribeNormaliserOptions {
  /** the column or value name to show in the recipe [the kind, e.g. `email`] */
  column?: string;
  /** phone region, shown as `region=GB` when given */
  region?: string;
  /** whether Gmail's rules are applied to emails [false] */
  providerRules?: boolean;
}

/**
 * The recipe a kind's normaliser applies, as text for reports and join transforms
 * (`sha256(lower(trim(email)))` is built from `lower(trim(email))`).
 *
 * @param kind - the semantic type
 * @param options - `column` to name the input [kind], `region` for phones, `providerRules` for emails
 * @returns the recipe, e.g. `lower(trim(email))` or `e164(phone, region=US)`
 * @example describeNormaliser('email') // 'lower(trim(email))'
 * @example describeNormaliser('phone', { region: 'US', column: 'mobile' }) // 'e164(mobile, region=US)'
 */
export function describeNormaliser(kind: SemanticType, options: DescribeNormaliserOptions = {}): string {
  const x = options.column ?? kind;
  switch (kind) {
    case 'email':
      return options.providerRules === true ? `gmail_canonical(lower(trim(${x})))` : `lower(trim(${x}))`;
    case 'phone':
      return options.region === undefined ? `e164(${x})` : `e164(${x}, region=${options.region})`;
    case 'hashed':
      return `lower(trim(${x}))`;
    case 'uuid':
      return `uuid_canonical(lower(trim(${x})))`;
    case 'handle':
      return `strip_profile_url(strip_at(lower(trim(${x}))))`;
    case 'identifier':
      return `strip_leading_zeros(strip_float_suffix(upper(trim(${x}))))`;
    case 'ga_client_id':
      return `strip_ga_prefix(trim(${x}))`;
    default:
      return `trim(${x})`;
  }
}
