import { getCountries, getCountryCallingCode, isSupportedCountry, Metadata, type CountryCode } from 'libphonenumber-js/min';
import { readPhone } from './phone';

/**
 * A phone number's join key: E.164 (`+447700900123`), extension dropped, read in `region` when
 * written without a country code, or null when libphonenumber-js cannot read a possible number
 * from it (counted by the caller, never guessed). Unlike `normalisePhone`, numbers that are
 * possible but not assigned (fictional ranges, new ranges the metadata does not know yet) keep a
 * key: two exports writing the same such number still share a customer.
 *
 * Compact E.164 (`+` and 8 to 15 digits) whose national part has a length every region of its
 * calling code allows, and does not start with a national prefix any of them strips (`+375 8…`,
 * `+46 0…`), is already canonical and skips the parser, which costs tens of microseconds a
 * number; any other compact number goes to the parser, as its written forms do.
 *
 * @example phoneKey('07700 900123', 'GB') // '+447700900123'
 * @example phoneKey('+1 (415) 555-2671 x12', 'GB') // '+14155552671'
 */
export function phoneKey(raw: string, region: string): string | null {
  const trimmed = raw.trim();
  if (isCompactE164(trimmed) && isCanonicalCompact(trimmed)) return trimmed;
  const fast = nationalKey(trimmed, region);
  if (fast !== null) return fast;
  const phone = readPhone(trimmed, region);
  return phone !== undefined && phone.isPossible() ? phone.number : null;
}

/** What compact E.164 of a calling code needs to skip the parser. */
interface CallingCodeRule {
  /** the national lengths possible in every region that uses the code */
  lengths: ReadonlySet<number>;
  /** the national prefixes of those regions (nationalPrefixForParsing), or null when none has one */
  prefix: RegExp | null;
}

let rulesByCallingCode: Map<string, CallingCodeRule> | null = null;

/**
 * Whether compact E.164 `+<code><national>` is what the parser would return: a national length
 * its calling code allows everywhere, no leading 0, and no national prefix at its start (the
 * parser strips one from international numbers too: `+3758100000000` is `+375100000000`).
 */
function isCanonicalCompact(e164: string): boolean {
  rulesByCallingCode ??= callingCodeRules();
  for (let size = 1; size <= 3; size++) {
    const rule = rulesByCallingCode.get(e164.slice(1, 1 + size));
    if (rule === undefined) continue;
    const national = e164.slice(1 + size);
    return rule.lengths.has(national.length) && national.charCodeAt(0) !== 48 && rule.prefix?.test(national) !== true;
  }
  return false;
}

function callingCodeRules(): Map<string, CallingCodeRule> {
  const lengthsOf = new Map<string, Set<number>>();
  // one alternative per distinct pattern: the 25 regions of +1 have 13
  const prefixesOf = new Map<string, Set<string>>();
  for (const region of getCountries()) {
    const plan = numberingPlan(region);
    const lengths = new Set(numbersIn(plan('possibleLengths')));
    const code = getCountryCallingCode(region);
    const known = lengthsOf.get(code);
    // the intersection: a length some region of a shared code rejects goes to the parser
    lengthsOf.set(code, known === undefined ? lengths : new Set([...known].filter((n) => lengths.has(n))));
    const prefix = plan('nationalPrefixForParsing');
    if (typeof prefix === 'string' && prefix !== '') prefixesOf.set(code, (prefixesOf.get(code) ?? new Set()).add(`(?:${prefix})`));
  }
  const out = new Map<string, CallingCodeRule>();
  for (const [code, lengths] of lengthsOf) {
    const prefixes = prefixesOf.get(code);
    // as the parser matches it: `^(?:pattern)` on the national number
    out.set(code, { lengths, prefix: prefixes === undefined ? null : new RegExp(`^(?:${[...prefixes].join('|')})`) });
  }
  return out;
}

/** What a region's plain national numbers need: its calling code, trunk prefix and possible lengths. */
interface NationalPlan {
  callingCode: string;
  prefix: string;
  lengths: ReadonlySet<number>;
  nanp: boolean;
}

const plans = new Map<string, NationalPlan | null>();

/**
 * The region's plan when its national numbers are read by plain rules: a trunk prefix stripped
 * as is, no transform rule, and no other prefix pattern that a number starting with the trunk
 * prefix could match. Null for regions with richer rules (Argentina, Brazil, Australia...), which
 * always go through the parser.
 */
function planOf(region: string): NationalPlan | null {
  const known = plans.get(region);
  if (known !== undefined) return known;
  let plan: NationalPlan | null = null;
  if (isSupportedCountry(region)) {
    const call = numberingPlan(region as CountryCode);
    const prefix = call('nationalPrefix');
    const parsing = call('nationalPrefixForParsing');
    const lengths = call('possibleLengths');
    const alternatives = typeof parsing === 'string' ? parsing.split('|') : [];
    const plain =
      typeof prefix === 'string' && prefix !== '' && alternatives[0] === prefix && alternatives.every((a) => /^\d+$/.test(a) && (a === prefix || !a.startsWith(prefix)));
    if (plain && !call('nationalPrefixTransformRule') && Array.isArray(lengths)) {
      const callingCode = getCountryCallingCode(region as CountryCode);
      plan = { callingCode, prefix, lengths: new Set(numbersIn(lengths)), nanp: callingCode === '1' };
    }
  }
  plans.set(region, plan);
  return plan;
}

type PlanField = 'nationalPrefix' | 'nationalPrefixForParsing' | 'nationalPrefixTransformRule' | 'possibleLengths';

/** Reads fields of a region's numbering plan from the metadata. */
function numberingPlan(region: CountryCode): (field: PlanField) => unknown {
  const metadata = new Metadata();
  metadata.selectNumberingPlan(region);
  // These metadata methods exist but are not in the package's types: read them defensively,
  // and without them every number simply goes through the parser.
  const numbering = metadata.numberingPlan as Partial<Record<PlanField, () => unknown>> | undefined;
  return (field) => (typeof numbering?.[field] === 'function' ? numbering[field]() : null);
}

function numbersIn(lengths: unknown): number[] {
  return Array.isArray(lengths) ? lengths.filter((n): n is number => typeof n === 'number') : [];
}

/**
 * E.164 of a number written nationally with only spaces, dots, dashes and parentheses
 * (`07700 900123`, `(415) 555-2671`), without the parser: the trunk prefix is stripped and the
 * calling code added, when the rest has a possible length. Null when the number needs the parser
 * (a `+`, an extension, letters, an unusual length). tests/identity/phone-key.test.ts checks that
 * it agrees with libphonenumber-js wherever it answers.
 */
export function nationalKey(raw: string, region: string): string | null {
  const plan = planOf(region);
  if (plan === null) return null;
  let digits = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) digits += raw[i];
    else if (c !== 32 && c !== 40 && c !== 41 && c !== 45 && c !== 46) return null;
  }
  let national: string;
  if (plan.nanp) {
    national = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
    // NANP area codes and exchanges start with 2 to 9
    if (national.length !== 10 || national.charCodeAt(0) < 50 || national.charCodeAt(3) < 50) return null;
  } else {
    if (!digits.startsWith(plan.prefix)) return null;
    national = digits.slice(plan.prefix.length);
    if (national.charCodeAt(0) === 48) return null;
  }
  return plan.lengths.has(national.length) ? `+${plan.callingCode}${national}` : null;
}

function isCompactE164(v: string): boolean {
  const n = v.length;
  if (n < 9 || n > 16 || v.charCodeAt(0) !== 43 || v.charCodeAt(1) === 48) return false;
  for (let i = 1; i < n; i++) {
    const c = v.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
