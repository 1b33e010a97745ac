// Writes the join-discovery benchmark inputs: five CSV silos of `rows` rows x 20 columns each, drawn from one
// population of 2 x `rows` people who share identity keys (customer_id, email, phone, device uuid).
// Deterministic (seeded). A file is skipped when it and its .meta.json sidecar show it was already written
// with the same rows and generator version and the same size.
// Usage: node bench/generate-joins.mjs [dir] [rows]
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pad, pick, rng, STATUS, TIERS, writeLines } from './generate.mjs';

const VERSION = 1;
export const JOIN_DATASETS = ['crm', 'web_events', 'email_list', 'orders', 'loyalty'];

// ---------- deterministic randomness ----------
/** A stable 32-bit hash of (x, salt): a person's attributes without storing the population. */
function h32(x, salt) {
  let h = (Math.imul(x, 0x9e3779b1) ^ Math.imul(salt + 1, 0x85ebca6b)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const FIRST = ['James', 'Mary', 'John', 'Patricia', 'Robert', 'Jennifer', 'Michael', 'Linda', 'William', 'Elizabeth', 'David', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Charles', 'Karen', 'Oliver', 'Amelia', 'Harry', 'Isla', 'George', 'Ava', 'Noah', 'Emily', 'Jack', 'Sophie'];
const LAST = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Wilson', 'Taylor', 'Evans', 'Walker', 'Wright', 'Thompson', 'White', 'Hughes', 'Edwards', 'Green', 'Hall', 'Wood', 'Harris', 'Clarke', 'Patel', 'Khan', 'Lewis'];
const DOMAINS = ['gmail.com', 'yahoo.co.uk', 'outlook.com', 'hotmail.co.uk', 'icloud.com', 'btinternet.com', 'proton.me', 'mail.example.org'];
const CITIES = ['London', 'Manchester', 'Birmingham', 'Leeds', 'Glasgow', 'Bristol', 'Liverpool', 'Edinburgh', 'Cardiff', 'Belfast', 'Leicester', 'Nottingham'];
const STREETS = ['High St', 'Station Rd', 'Church Ln', 'Park Ave', 'Victoria Rd', 'Green Ln', 'Manor Rd', 'Kings Rd'];
const COUNTRIES = ['GB', 'GB', 'GB', 'GB', 'GB', 'GB', 'IE', 'FR', 'DE', 'US'];
const LANGS = ['en', 'en', 'en', 'fr', 'de', 'es', 'pl'];
const MANAGERS = ['A. Hughes', 'B. Patel', 'C. Okafor', 'D. Novak', 'E. Rossi', ''];
const EVENT_NAMES = ['Page Viewed', 'Product Viewed', 'Added to Cart', 'Checkout Started', 'Order Completed', 'Signed In', 'Newsletter Signup'];
const PAGES = ['/', '/sale', '/c/shoes', '/c/bags', '/c/coats', '/account', '/cart', '/checkout', '/help'];
const REFERRERS = ['', '', 'https://www.google.com/', 'https://www.facebook.com/', 'https://t.co/', 'https://www.bing.com/'];
const UTM_SOURCES = ['', '', '', 'google', 'facebook', 'newsletter', 'tiktok'];
const UTM_MEDIUMS = ['', 'cpc', 'email', 'social', 'organic'];
const CAMPAIGNS = ['', '', 'spring_sale', 'black_friday', 'new_in', 'loyalty_push', 'winback_q3'];
const BROWSERS = ['Chrome', 'Safari', 'Firefox', 'Edge', 'Samsung Internet'];
const OSES = ['Windows', 'macOS', 'iOS', 'Android', 'Linux'];
const LIST_SOURCES = ['footer_form', 'checkout', 'popup', 'import', 'competition', 'in_store'];
const LISTS = ['weekly', 'offers', 'new_arrivals', 'vip'];
const SUB_STATUS = ['subscribed', 'subscribed', 'subscribed', 'unsubscribed', 'cleaned', 'pending'];
const FREQ = ['daily', 'weekly', 'monthly'];
const TZ = ['Europe/London', 'Europe/London', 'Europe/Dublin', 'Europe/Paris', 'Europe/Berlin', 'America/New_York'];
const UNSUB = ['', '', '', '', 'too_many_emails', 'not_relevant', 'never_signed_up'];
const SEGMENTS = ['engaged', 'lapsing', 'new', 'dormant', 'high_value'];
const ORDER_STATUS = ['completed', 'completed', 'completed', 'shipped', 'processing', 'cancelled', 'refunded'];
const CURRENCIES = ['GBP', 'GBP', 'GBP', 'EUR', 'USD'];
const PAYMENTS = ['card', 'card', 'paypal', 'apple_pay', 'klarna', 'gift_card'];
const CHANNELS = ['web', 'web', 'app', 'store', 'marketplace'];
const COUPONS = ['', '', '', '', 'WELCOME10', 'SPRING20', 'FREESHIP', 'VIP15'];
const PLATFORMS = ['instagram', 'tiktok', 'x', 'facebook', 'app'];
const CATEGORIES = ['shoes', 'bags', 'coats', 'dresses', 'accessories', 'sportswear'];

const hex = (n, w) => n.toString(16).padStart(w, '0');
const sha256 = (s) => createHash('sha256').update(s).digest('hex');
const DAY = 86_400_000;
const T0 = Date.UTC(2018, 0, 1);
const isoAt = (ms) => new Date(ms).toISOString().slice(0, 19) + 'Z';
const dateAt = (ms) => new Date(ms).toISOString().slice(0, 10);

// ---------- the population ----------
/** Person p's stable identity. Emails are unique per person (the person number is in the local part). */
function person(p) {
  const first = FIRST[h32(p, 1) % FIRST.length];
  const last = LAST[h32(p, 2) % LAST.length];
  const domain = DOMAINS[h32(p, 3) % DOMAINS.length];
  const digits = pad((p * 48271 + 12345) % 100_000_000, 8); // a bijection on p < 1e8: unique phones
  return {
    first,
    last,
    email: `${first}.${last}${p}@${domain}`.toLowerCase(),
    customerId: `C${pad(p, 7)}`,
    phoneDigits: digits,
  };
}
const phoneE164 = (digits) => `+4477${digits}`;
/** UK national formats: 077xx xxxxxx, or 077xx-xxx-xxx */
const phoneNational = (digits, r) => (r() < 0.5 ? `077${digits.slice(0, 2)} ${digits.slice(2)}` : `077${digits.slice(0, 2)}-${digits.slice(2, 5)}-${digits.slice(5)}`);
function deviceId(p) {
  const a = h32(p, 11), b = h32(p, 12), c = h32(p, 13), d = h32(p, 14);
  return `${hex(a, 8)}-${hex(b >>> 16, 4)}-4${hex(b & 0xfff, 3)}-${'89ab'[c & 3]}${hex((c >>> 4) & 0xfff, 3)}-${hex(c >>> 16, 4)}${hex(d, 8)}`;
}
function randomUuid(r) {
  const w = () => Math.floor(r() * 4294967296);
  const a = w(), b = w(), c = w(), d = w();
  return `${hex(a, 8)}-${hex(b >>> 16, 4)}-4${hex(b & 0xfff, 3)}-${'89ab'[c & 3]}${hex((c >>> 4) & 0xfff, 3)}-${hex(c >>> 16, 4)}${hex(d, 8)}`;
}
function mixedCase(email, r) {
  const [local, domain] = email.split('@');
  const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
  const l = local.split('.').map(cap).join('.');
  return r() < 0.5 ? `${l}@${cap(domain)}` : `${l}@${domain.toUpperCase()}`;
}
const csvField = (s) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * CRM covers one person of each pair (2r, 2r+1), so customer_id is unique and half the population are
 * customers; the other half appear only in the web, email and loyalty silos.
 */
const crmPerson = (r) => 2 * r + (h32(r, 21) & 1);
const nonCustomer = (k) => 2 * k + 1 - (h32(k, 21) & 1);

// ---------- writers ----------

const WRITERS = {
  /** crm: customer_id unique, email, phone (80% E.164, 20% UK national), names, address, dates, amounts */
  crm: (path, rows) => {
    const r = rng(101);
    const header = 'customer_id,first_name,last_name,email,phone,street,city,postal_code,country,birth_date,gender,signup_date,last_login_at,orders_count,total_spent,loyalty_tier,status,marketing_opt_in,preferred_language,account_manager';
    return writeLines(path, rows, header, (i) => {
      const p = crmPerson(i);
      const who = person(p);
      const email = r() < 0.05 ? '' : who.email;
      const phone = r() < 0.1 ? '' : r() < 0.8 ? phoneE164(who.phoneDigits) : phoneNational(who.phoneDigits, r);
      const signup = T0 + Math.floor(r() * 2500) * DAY;
      return [
        who.customerId, who.first, who.last, email, phone,
        `"${1 + Math.floor(r() * 250)} ${pick(r, STREETS)}"`, pick(r, CITIES),
        `${'ABCDEFGHJKLMNPRSTW'[Math.floor(r() * 18)]}${1 + Math.floor(r() * 20)} ${Math.floor(r() * 10)}${'ABDEFGHJLNPQRSTUWXYZ'[Math.floor(r() * 20)]}${'ABDEFGHJLNPQRSTUWXYZ'[Math.floor(r() * 20)]}`,
        pick(r, COUNTRIES), dateAt(Date.UTC(1950, 0, 1) + Math.floor(r() * 18_000) * DAY), pick(r, ['F', 'M', 'F', 'M', 'X', '']),
        dateAt(signup), isoAt(signup + Math.floor(r() * 400 * DAY)), Math.floor(r() * 40), (r() * 4000).toFixed(2),
        pick(r, TIERS), pick(r, STATUS), r() < 0.6 ? 'true' : 'false', pick(r, LANGS), pick(r, MANAGERS),
      ].join(',');
    });
  },

  /**
   * web_events: anonymous_id (a device uuid that repeats, about 3 events per visitor), user_id = customer_id on
   * 40% of a known customer's events, email_sha256 on 15% of events of visitors with an email, event fields.
   */
  web_events: (path, rows) => {
    const r = rng(202);
    const visitors = Math.max(1, Math.floor(rows / 3));
    const crmRows = rows;
    const header = 'event_id,anonymous_id,user_id,email_sha256,event_type,event_name,timestamp,session_id,page_url,page_title,referrer,utm_source,utm_medium,utm_campaign,ip_address,user_agent,browser,os,country,revenue';
    const hashCache = new Map();
    return writeLines(path, rows, header, (i) => {
      const v = Math.floor(r() * visitors);
      const customer = h32(v, 31) % 10 < 8; // 80% of visitors are customers
      const p = customer ? crmPerson((Math.imul(v, 7919) >>> 0) % crmRows) : nonCustomer((Math.imul(v, 104729) >>> 0) % crmRows);
      const who = person(p);
      const userId = customer && r() < 0.4 ? who.customerId : '';
      let emailHash = '';
      if (r() < 0.15) {
        emailHash = hashCache.get(p);
        if (emailHash === undefined) {
          emailHash = sha256(who.email);
          if (hashCache.size < 200_000) hashCache.set(p, emailHash);
        }
      }
      const name = pick(r, EVENT_NAMES);
      const page = pick(r, PAGES);
      const browser = pick(r, BROWSERS);
      const os = pick(r, OSES);
      return [
        randomUuid(r), deviceId(p), userId, emailHash, name === 'Page Viewed' ? 'page' : 'track', name,
        isoAt(Date.UTC(2026, 5, 1) + i * 2000 + Math.floor(r() * 2000)), `s_${hex(h32(v, 41), 8)}${hex(Math.floor(i / 50), 6)}`,
        `https://shop.example.co.uk${page}`, page === '/' ? 'Home' : page.slice(1).replace('/', ' - '), pick(r, REFERRERS),
        pick(r, UTM_SOURCES), pick(r, UTM_MEDIUMS), pick(r, CAMPAIGNS),
        `${10 + Math.floor(r() * 200)}.${Math.floor(r() * 256)}.${Math.floor(r() * 256)}.${Math.floor(r() * 256)}`,
        `"Mozilla/5.0 (${os}) ${browser}/${100 + Math.floor(r() * 30)}.0"`, browser, os, pick(r, COUNTRIES),
        name === 'Order Completed' ? (r() * 300).toFixed(2) : '',
      ].join(',');
    });
  },

  /** email_list: one unique subscriber email a row, 20% in mixed case; customers and non-customers alike */
  email_list: (path, rows) => {
    const r = rng(303);
    const population = 2 * rows;
    const header = 'email,first_name,last_name,subscribed_at,source,list_name,status,opens_30d,clicks_30d,last_open_at,last_click_at,bounce_count,double_opt_in,preferred_frequency,language,country,timezone,unsubscribe_reason,campaign_segment,engagement_score';
    return writeLines(path, rows, header, (i) => {
      const p = (i * 1_000_003 + 17) % population; // coprime with 2 x 10^k: distinct people
      const who = person(p);
      const subscribed = T0 + Math.floor(r() * 3000) * DAY;
      const opens = Math.floor(r() * 20);
      return [
        r() < 0.2 ? mixedCase(who.email, r) : who.email, r() < 0.3 ? '' : who.first, r() < 0.3 ? '' : who.last,
        isoAt(subscribed), pick(r, LIST_SOURCES), pick(r, LISTS), pick(r, SUB_STATUS), opens, Math.floor(opens * r()),
        opens ? isoAt(Date.UTC(2026, 8, 1) + Math.floor(r() * 30 * DAY)) : '', r() < 0.3 ? isoAt(Date.UTC(2026, 8, 1) + Math.floor(r() * 30 * DAY)) : '',
        Math.floor(r() * r() * 4), r() < 0.7 ? 'yes' : 'no', pick(r, FREQ), pick(r, LANGS), pick(r, COUNTRIES), pick(r, TZ),
        pick(r, UNSUB), pick(r, SEGMENTS), (r() * 100).toFixed(1),
      ].join(',');
    });
  },

  /** orders: order_id unique, customer_id a foreign key into crm (skewed: some customers order often) */
  orders: (path, rows) => {
    const r = rng(404);
    const crmRows = rows;
    const header = 'order_id,customer_id,order_date,status,currency,subtotal,tax,shipping,discount,total,items_count,payment_method,shipping_city,shipping_postal_code,shipping_country,coupon_code,channel,fulfilled_at,returned,first_sku';
    return writeLines(path, rows, header, (i) => {
      const u = r();
      const c = Math.floor(u * u * crmRows); // skewed towards the first customers
      const who = person(crmPerson(c));
      const ordered = Date.UTC(2022, 0, 1) + Math.floor(r() * 1400 * DAY);
      const subtotal = 5 + r() * 400;
      const tax = subtotal * 0.2;
      const shipping = r() < 0.4 ? 0 : 3.99;
      const discount = r() < 0.2 ? subtotal * 0.1 : 0;
      const status = pick(r, ORDER_STATUS);
      return [
        `ORD-${pad(i * 7 + 1_000_000, 9)}`, who.customerId, isoAt(ordered), status, pick(r, CURRENCIES),
        subtotal.toFixed(2), tax.toFixed(2), shipping.toFixed(2), discount.toFixed(2), (subtotal + tax + shipping - discount).toFixed(2),
        1 + Math.floor(r() * r() * 8), pick(r, PAYMENTS), pick(r, CITIES),
        `${'ABCDEFGHJKLMNPRSTW'[Math.floor(r() * 18)]}${1 + Math.floor(r() * 20)} ${Math.floor(r() * 10)}AB`, pick(r, COUNTRIES),
        pick(r, COUPONS), pick(r, CHANNELS), status === 'completed' ? isoAt(ordered + Math.floor(r() * 5 * DAY)) : '',
        status === 'refunded' ? 'true' : 'false', `SKU-${pick(r, CATEGORIES).slice(0, 3).toUpperCase()}-${pad(Math.floor(r() * 20000), 5)}`,
      ].join(',');
    });
  },

  /** loyalty (social + loyalty app): member_id, handle, sha256 of the email, phone (E.164) on 60% */
  loyalty: (path, rows) => {
    const r = rng(505);
    const population = 2 * rows;
    const header = 'member_id,handle,email_sha256,phone,first_name,joined_at,points_balance,points_earned,points_redeemed,tier,followers,following,posts,last_active_at,platform,country,birth_year,referral_code,opt_in_sms,favourite_category';
    return writeLines(path, rows, header, (i) => {
      const p = (i * 1_300_021 + 5) % population;
      const who = person(p);
      const earned = Math.floor(r() * 20000);
      const redeemed = Math.floor(earned * r() * 0.8);
      const joined = Date.UTC(2019, 0, 1) + Math.floor(r() * 2400) * DAY;
      return [
        `LM-${hex(h32(i, 51), 8)}${pad(i, 7)}`, `@${who.first.toLowerCase()}_${who.last.toLowerCase()}${h32(p, 52) % 100000}`,
        r() < 0.9 ? sha256(who.email) : '', r() < 0.6 ? phoneE164(who.phoneDigits) : '', csvField(who.first),
        dateAt(joined), earned - redeemed, earned, redeemed, pick(r, TIERS), Math.floor(r() * r() * 50000), Math.floor(r() * 2000),
        Math.floor(r() * 500), isoAt(joined + Math.floor(r() * 600 * DAY)), pick(r, PLATFORMS), pick(r, COUNTRIES),
        1950 + Math.floor(r() * 55), `REF${hex(h32(i, 53), 8).toUpperCase()}`, r() < 0.5 ? 'Y' : 'N', pick(r, CATEGORIES),
      ].join(',');
    });
  },
};

/** Writes the five silos into `dir` (skipping complete ones); returns their paths in JOIN_DATASETS order. */
export async function writeJoinDatasets(dir, rows, log = () => {}) {
  mkdirSync(dir, { recursive: true });
  const paths = [];
  for (const name of JOIN_DATASETS) {
    const path = join(dir, `${name}.csv`);
    const metaPath = `${path}.meta.json`;
    paths.push(path);
    if (existsSync(path) && existsSync(metaPath)) {
      try {
        const meta = JSON.parse(readFileSync(metaPath, 'utf8'));
        if (meta.version === VERSION && meta.rows === rows && meta.bytes === statSync(path).size) {
          log(`  ${name}.csv: up to date (${(meta.bytes / 1024 / 1024).toFixed(0)} MB), skipped`);
          continue;
        }
      } catch {
        // regenerate
      }
    }
    const started = Date.now();
    await WRITERS[name](path, rows);
    const bytes = statSync(path).size;
    writeFileSync(metaPath, JSON.stringify({ version: VERSION, rows, bytes }));
    log(`  ${name}.csv: ${rows.toLocaleString('en-US')} rows, ${(bytes / 1024 / 1024).toFixed(0)} MB in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  return paths;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] ?? new URL('../.bench-tmp/joins/', import.meta.url).pathname;
  const rows = Number(process.argv[3] ?? process.env.BENCH_JOIN_ROWS ?? 1_000_000);
  console.log(`generating 5 x ${rows.toLocaleString('en-US')} rows in ${dir} ...`);
  await writeJoinDatasets(dir, rows, console.log);
}
