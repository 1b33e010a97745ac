import type { SemanticType } from '../model/semantic';

/**
 * Splits a column name into lower-case word tokens: at any character that is not a letter or a
 * digit (`_`, `-`, `.`, spaces), at camelCase humps (`emailAddress`, `userID`, `IPAddress`), and
 * drops tokens that are only digits (`phone_2`). Letters followed by digits stay together
 * (`sha256`, `md5`).
 *
 * @param columnName - the column name as found
 * @returns the tokens, lower case
 * @example tokeniseColumnName('sfdcContactID') // ['sfdc', 'contact', 'id']
 */
export function tokeniseColumnName(columnName: string): string[] {
  const tokens: string[] = [];
  let current = '';
  const flush = (): void => {
    if (current.length > 0 && !/^\d+$/.test(current)) tokens.push(current.toLowerCase());
    current = '';
  };
  const n = Math.min(columnName.length, 200);
  for (let i = 0; i < n; i++) {
    const ch = columnName.charAt(i);
    const isUpper = ch >= 'A' && ch <= 'Z';
    const isLower = ch >= 'a' && ch <= 'z';
    const isDigit = ch >= '0' && ch <= '9';
    if (!isUpper && !isLower && !isDigit) {
      flush();
      continue;
    }
    if (isUpper && current.length > 0) {
      const prev = current.charAt(current.length - 1);
      const next = i + 1 < n ? columnName.charAt(i + 1) : '';
      const prevLower = (prev >= 'a' && prev <= 'z') || (prev >= '0' && prev <= '9');
      const prevUpper = prev >= 'A' && prev <= 'Z';
      // `userId` -> user|Id; `IPAddress` -> IP|Address
      if (prevLower || (prevUpper && next >= 'a' && next <= 'z')) flush();
    }
    current += ch;
  }
  flush();
  return tokens;
}

const HASH_TOKENS = new Set(['md5', 'sha1', 'sha2', 'sha256', 'sha512', 'hash', 'hashed', 'hem', 'hmac']);
const EMAIL_TOKENS = new Set(['email', 'mail', 'emailaddress', 'emails']);
const PHONE_TOKENS = new Set([
  'phone', 'mobile', 'tel', 'telephone', 'cell', 'cellphone', 'msisdn', 'phonenumber', 'mobilephone',
  'mobilenumber', 'telefon', 'telefono', 'handy', 'fax',
]);
const POSTAL_TOKENS = new Set(['zip', 'zipcode', 'postcode', 'postalcode', 'plz', 'postleitzahl', 'zip5', 'zip4']);
const COUNTRY_TOKENS = new Set(['country', 'countrycode', 'cntry', 'land', 'pays']);
const IP_TOKENS = new Set(['ip', 'ipv4', 'ipv6', 'ipaddress', 'ipaddr']);
const URL_TOKENS = new Set(['url', 'uri', 'website', 'link', 'referrer', 'referer', 'href', 'homepage', 'permalink']);
const SOCIAL_TOKENS = new Set([
  'twitter', 'instagram', 'tiktok', 'facebook', 'linkedin', 'youtube', 'pinterest', 'snapchat', 'threads', 'social', 'ig',
]);
const HANDLE_TOKENS = new Set(['handle', 'username', 'screenname', 'nickname', 'twitter', 'instagram', 'tiktok', 'social']);
const FIRST_NAME_TOKENS = new Set(['firstname', 'fname', 'forename', 'givenname', 'vorname', 'prenom']);
const LAST_NAME_TOKENS = new Set(['lastname', 'lname', 'surname', 'familyname', 'nachname']);
const FULL_NAME_TOKENS = new Set(['fullname', 'displayname', 'customername', 'contactname']);
/** words before `name` that make it a person's name */
const PERSON_QUALIFIERS = new Set([
  'full', 'display', 'customer', 'contact', 'client', 'member', 'subscriber', 'person', 'lead', 'owner',
  'recipient', 'sender', 'buyer', 'shopper', 'patient', 'employee', 'billing', 'shipping', 'cardholder',
  'holder', 'guest', 'attendee', 'student', 'primary', 'legal', 'real',
]);
/** ad and device identifiers: identifiers whose values are often UUIDs */
const DEVICE_ID_TOKENS = new Set(['idfa', 'idfv', 'gaid', 'aaid', 'adid', 'maid', 'uid', 'guid', 'uuid']);
const ID_SUFFIXES = new Set(['id', 'ids', 'key', 'ref', 'pk', 'fk', 'identifier', 'uid', 'guid', 'uuid', 'sk']);
const NUMBER_SUFFIXES = new Set(['number', 'no', 'num', 'nr', 'nbr', 'code', 'cd']);
const ADDRESS_SUFFIXES = new Set(['address', 'addr', 'adress']);

function stripDigits(token: string): string {
  let end = token.length;
  while (end > 0 && token.charCodeAt(end - 1) >= 48 && token.charCodeAt(end - 1) <= 57) end--;
  return end === 0 || end === token.length ? token : token.slice(0, end);
}

/** The type a single head word names, or null. */
function typeOfWord(word: string): SemanticType | null {
  const w = HASH_TOKENS.has(word) ? word : stripDigits(word);
  if (EMAIL_TOKENS.has(w)) return 'email';
  if (PHONE_TOKENS.has(w)) return 'phone';
  if (POSTAL_TOKENS.has(w)) return 'postal_code';
  if (COUNTRY_TOKENS.has(w)) return 'country';
  if (IP_TOKENS.has(w)) return 'ip';
  if (URL_TOKENS.has(w)) return 'url';
  if (HANDLE_TOKENS.has(w)) return 'handle';
  if (FIRST_NAME_TOKENS.has(w)) return 'first_name';
  if (LAST_NAME_TOKENS.has(w)) return 'last_name';
  if (FULL_NAME_TOKENS.has(w)) return 'full_name';
  if (w === 'uuid' || w === 'guid') return 'uuid';
  if (DEVICE_ID_TOKENS.has(w)) return 'identifier';
  return null;
}

/** `first name`, `user name`, `company name`: what the word before `name` makes of it. */
function typeOfName(before: string | undefined): SemanticType | null {
  if (before === undefined) return 'full_name';
  if (before === 'first' || before === 'given' || before === 'fore' || before === 'christian') return 'first_name';
  if (before === 'last' || before === 'family' || before === 'sur') return 'last_name';
  if (before === 'middle' || before === 'maiden') return null;
  if (before === 'screen' || before === 'user' || before === 'nick') return 'handle';
  if (COUNTRY_TOKENS.has(before)) return 'country';
  if (SOCIAL_TOKENS.has(before)) return 'handle';
  return PERSON_QUALIFIERS.has(before) ? 'full_name' : null;
}

/**
 * The semantic type a column name points to, read from its tokens (see `tokeniseColumnName`),
 * in this order:
 * 1. hashing words anywhere (`md5`, `sha256`, `hash`, `hashed`, `hem`): `hashed`, so `email_sha256`
 *    is hashed, not email;
 * 2. Google Analytics (`_ga`, `ga_client_id`, `cid`): `ga_client_id`; `uuid`/`guid` anywhere: `uuid`;
 * 3. a social platform with `url`, `link`, `handle`, `profile`, `account`, `name`: `handle`;
 * 4. a last word that is an id suffix (`id`, `key`, `ref`, `uid`...): `identifier` (`customer_id`,
 *    `anonymousId`, `cookie_id`, and `email_id`, an email provider's message id);
 * 5. a last word `number`, `no`, `code`: the type of the word before it when that is phone, postal
 *    or country (`phone_number`, `zip_code`, `country_code`), else `identifier` (`account_number`);
 * 6. `… address`: email (`email_address`), ip (`ip_address`), url (`web_address`), else null;
 * 7. `… name`: first, last, handle (`user_name`, `screen_name`) or full name (`name`,
 *    `customer_name`, `display_name`), null for other things' names (`company_name`);
 * 8. the type of the last word (`contact_email`, `mobile`, `billing_country`, `landing_page`),
 *    or of the whole name written without separators (`emailaddress`, `firstname`);
 * 9. ad and device ids (`idfa`, `gaid`): `identifier` (their values may well be UUIDs: the
 *    values decide).
 *
 * @param columnName - the column name as found
 * @returns the type the name points to, or null
 * @example semanticFromName('Email Address') // 'email'
 * @example semanticFromName('email_sha256') // 'hashed'
 * @example semanticFromName('anonymousId') // 'identifier'
 */
export function semanticFromName(columnName: string): SemanticType | null {
  const tokens = tokeniseColumnName(columnName);
  const n = tokens.length;
  const last = tokens[n - 1];
  if (last === undefined) return null;
  const compact = tokens.join('');

  // 1-2: words that decide wherever they are
  for (const t of tokens) if (HASH_TOKENS.has(t)) return 'hashed';
  if (/sha(?:1|224|256|384|512)|md5/.test(compact)) return 'hashed';
  if (tokens.includes('ga') || compact === 'cid' || compact === 'gaclientid' || compact === 'gacid') return 'ga_client_id';
  for (const t of tokens) if (t === 'uuid' || t === 'guid') return 'uuid';

  // 3: social platforms
  if (tokens.some((t) => SOCIAL_TOKENS.has(t))) {
    if (n === 1 || ['url', 'link', 'handle', 'profile', 'account', 'name', 'username', 'uri'].includes(last)) {
      return 'handle';
    }
  }

  const before = tokens[n - 2];
  // 4: identifiers
  if (ID_SUFFIXES.has(last)) return 'identifier';
  // 5: number / code suffixes
  if (NUMBER_SUFFIXES.has(last)) {
    const head = before === undefined ? null : typeOfWord(before);
    if (head === 'phone' || head === 'postal_code' || head === 'country') return head;
    if (before === 'post' || before === 'postal') return 'postal_code';
    return 'identifier';
  }
  // 6: addresses
  if (ADDRESS_SUFFIXES.has(last)) {
    if (before === undefined) return null;
    const head = typeOfWord(before);
    if (head === 'email' || head === 'ip') return head;
    if (before === 'web' || before === 'site') return 'url';
    if (before === 'e') return 'email';
    return null;
  }
  // 7: names
  if (last === 'name' || last === 'names') return typeOfName(before);
  // 8: head word, then the whole name without separators
  if (last === 'mail' && before === 'e') return 'email';
  if (last === 'page' || last === 'landing') return 'url';
  return typeOfWord(last) ?? typeOfWord(compact);
}
