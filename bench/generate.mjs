// Writes the benchmark inputs: a CRM-like CSV (15 columns) and a web-events NDJSON file.
// Deterministic (seeded), generated into a temporary directory, never committed.
import { createWriteStream, renameSync } from 'node:fs';
import { once } from 'node:events';

/** A seeded PRNG (mulberry32): the same inputs on every machine. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['James', 'Mary', 'John', 'Patricia', 'Robert', 'Jennifer', 'Michael', 'Linda', 'William', 'Elizabeth', 'David', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Charles', 'Karen', 'Christopher', 'Nancy', 'Daniel', 'Lisa', 'Matthew', 'Betty', 'Anthony', 'Margaret', 'Mark', 'Sandra'];
const LAST = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Perez', 'Thompson', 'White', 'Harris'];
const CITIES = ['Springfield', 'Riverside', 'Franklin', 'Greenville', 'Bristol', 'Clinton', 'Fairview', 'Salem', 'Madison', 'Georgetown', 'Arlington', 'Ashland'];
const STREETS = ['Main St', 'Oak Ave', 'Pine Rd', 'Maple Dr', 'Cedar Ln', 'Elm St', 'Washington Blvd', 'Lake View'];
export const TIERS = ['bronze', 'silver', 'gold', 'platinum'];
export const STATUS = ['active', 'inactive', 'churned', 'prospect'];
/** Consumer mail providers, as in a real CRM (example.com would make every email a junk key). */
const EMAIL_DOMAINS = ['gmail.com', 'yahoo.com', 'outlook.com', 'hotmail.com', 'icloud.com', 'aol.com', 'comcast.net', 'proton.me'];
const EVENTS = ['page', 'Product Viewed', 'Added to Cart', 'Order Completed', 'Newsletter Signup'];
export const pick = (r, list) => list[Math.floor(r() * list.length)];
export const pad = (n, w) => String(n).padStart(w, '0');
const hex = (r, n) => { let s = ''; for (let i = 0; i < n; i++) s += Math.floor(r() * 16).toString(16); return s; };
const uuid = (r) => `${hex(r, 8)}-${hex(r, 4)}-4${hex(r, 3)}-a${hex(r, 3)}-${hex(r, 12)}`;

/** Streams `count` lines to `path` through `path.partial`, renamed at the end so a killed run leaves no half file. */
export async function writeLines(path, count, header, line) {
  const tmp = `${path}.partial`;
  const out = createWriteStream(tmp);
  let buffer = header === null ? '' : `${header}\n`;
  for (let i = 0; i < count; i++) {
    buffer += `${line(i)}\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
  renameSync(tmp, path);
}

/** 15 columns, about 150 bytes a row. */
export async function writeCrmCsv(path, rows) {
  const r = rng(42);
  const header = 'customer_id,first_name,last_name,email,phone,street,city,postal_code,country,birth_date,signup_date,last_order_at,orders_count,total_spent,status';
  await writeLines(path, rows, header, (i) => {
    const first = pick(r, FIRST);
    const last = pick(r, LAST);
    const email = r() < 0.05 ? '' : `${r() < 0.1 ? first : first.toLowerCase()}.${last.toLowerCase()}${i}@${EMAIL_DOMAINS[i % EMAIL_DOMAINS.length]}`;
    const phone = r() < 0.1 ? '' : `(${200 + Math.floor(r() * 700)}) 555-${pad(Math.floor(r() * 10000), 4)}`;
    const birth = `${pad(1 + Math.floor(r() * 12), 2)}/${pad(1 + Math.floor(r() * 28), 2)}/${1950 + Math.floor(r() * 50)}`;
    const signup = `20${10 + Math.floor(r() * 15)}-${pad(1 + Math.floor(r() * 12), 2)}-${pad(1 + Math.floor(r() * 28), 2)}`;
    const lastOrder = `2026-${pad(1 + Math.floor(r() * 10), 2)}-${pad(1 + Math.floor(r() * 28), 2)}T${pad(Math.floor(r() * 24), 2)}:${pad(Math.floor(r() * 60), 2)}:${pad(Math.floor(r() * 60), 2)}Z`;
    return [
      `CUST-${pad(i, 8)}`, first, last, email, phone,
      `"${1 + Math.floor(r() * 9999)} ${pick(r, STREETS)}"`, pick(r, CITIES), pad(Math.floor(r() * 99999), 5), 'US',
      birth, signup, lastOrder, Math.floor(r() * 50), (r() * 5000).toFixed(2), pick(r, STATUS),
    ].join(',');
  });
}

/** Segment-like events with nested objects, about 330 bytes a line. */
export async function writeEventsNdjson(path, rows) {
  const r = rng(7);
  await writeLines(path, rows, null, (i) => {
    const user = Math.floor(r() * 200_000);
    const loggedIn = r() < 0.4;
    const event = pick(r, EVENTS);
    return JSON.stringify({
      messageId: uuid(r),
      anonymousId: `${pad(user, 8)}-aaaa-4bbb-8ccc-${pad(user, 12)}`,
      userId: loggedIn ? `CUST-${pad(user, 8)}` : null,
      type: event === 'page' ? 'page' : 'track',
      event,
      timestamp: new Date(Date.UTC(2026, 9, 1) + i * 2500).toISOString(),
      context: { ip: `10.${Math.floor(r() * 256)}.${Math.floor(r() * 256)}.${Math.floor(r() * 256)}`, page: { url: `https://shop.example.com/p/${Math.floor(r() * 5000)}` } },
      properties: event === 'Order Completed' ? { revenue: Number((r() * 300).toFixed(2)), tier: pick(r, TIERS) } : {},
    });
  });
}
