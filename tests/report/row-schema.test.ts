import { Readable } from 'node:stream';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parse as parseCsv } from 'csv-parse/sync';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { DatasetProfile } from '../../src/model/profile';
import { profileDataset } from '../../src/profile/dataset';
import { rowSchemaOf, type JsonSchemaNode, type JsonSchemaObject } from '../../src/report/row-schema';
import { fromRows } from '../../src/sources';
import { DEMO_FIXTURES, FIXTURE_PROFILE_OPTIONS, type DemoFixture } from '../helpers/fixtures';


const profiles = {} as Record<DemoFixture, DatasetProfile>;
const schemas = {} as Record<DemoFixture, JsonSchemaObject>;

beforeAll(async () => {
  for (const name of Object.keys(DEMO_FIXTURES) as DemoFixture[]) {
    profiles[name] = await profileDataset(DEMO_FIXTURES[name], FIXTURE_PROFILE_OPTIONS);
    schemas[name] = rowSchemaOf(profiles[name]);
  }
});

/** The real rows of a fixture, as a consumer reading the file would get them. */
function realRows(name: DemoFixture): Record<string, unknown>[] {
  const path = DEMO_FIXTURES[name];
  if (path.endsWith('.csv')) {
    const text = readFileSync(path, 'utf8');
    return parseCsv(text, { columns: true, bom: true, delimiter: profiles[name].source.delimiter, skip_empty_lines: true }) as Record<string, unknown>[];
  }
  if (path.endsWith('.ndjson.gz')) {
    return gunzipSync(readFileSync(path))
      .toString('utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  }
  const text = readFileSync(path, 'utf8'); // `window.YTD.follower.part0 = [...]`
  return JSON.parse(text.slice(text.indexOf('['))) as Record<string, unknown>[];
}

/** The schema at a path of property names (nested objects). */
function at(schema: JsonSchemaNode | JsonSchemaObject, ...path: string[]): JsonSchemaNode {
  let node: JsonSchemaNode = schema as JsonSchemaNode;
  for (const key of path) {
    const properties = node.properties;
    if (properties === undefined || !Object.hasOwn(properties, key)) throw new Error(`no property ${path.join('.')}`);
    node = properties[key]!;
  }
  return node;
}

/**
 * A deep copy without prototypes: zod reads an absent optional key through the prototype chain,
 * so `{}` would hold a `constructor` (a function) for it.
 */
function bare(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(bare);
  if (typeof value !== 'object' || value === null) return value;
  const out = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(value)) {
    Object.defineProperty(out, key, { value: bare((value as Record<string, unknown>)[key]), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** Rows that fail the schema with zod's JSON Schema reader (formats and patterns asserted). */
const validators = new WeakMap<JsonSchemaObject, z.ZodType>();
function failures(schema: JsonSchemaObject, rows: readonly unknown[]): string[] {
  let validator = validators.get(schema);
  if (validator === undefined) {
    validator = z.fromJSONSchema(schema as z.core.JSONSchema.JSONSchema, { registry: z.registry() });
    validators.set(schema, validator);
  }
  const out: string[] = [];
  rows.forEach((row, i) => {
    const result = validator!.safeParse(bare(row));
    if (!result.success && out.length < 5) out.push(`row ${i}: ${JSON.stringify(result.error.issues.slice(0, 2))}`);
  });
  return out;
}

const profileRows = (rows: object[], name = 'memory'): Promise<DatasetProfile> =>
  profileDataset(fromRows(rows, { name }), FIXTURE_PROFILE_OPTIONS);
const profileCsv = (text: string, name = 'sheet'): Promise<DatasetProfile> =>
  profileDataset(Readable.from([Buffer.from(text)]), { ...FIXTURE_PROFILE_OPTIONS, format: 'csv', name });

describe('rowSchemaOf', () => {
  it('declares draft 2020-12, the dataset as title and description, and closed objects', () => {
    const schema = schemas.customers;
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.title).toBe('customers');
    expect(schema.type).toBe('object');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.description).toContain('5,000 CSV rows');
    expect(schema['x-stitchscan']).toMatchObject({ dataset: 'customers', format: 'csv', rowCount: 5000 });
    expect(rowSchemaOf(profiles.customers, { title: 'CRM customers' }).title).toBe('CRM customers');
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });

  it('types every CSV cell as a string, with patterns, enums and descriptions saying how values read', () => {
    const schema = schemas.customers;
    expect(Object.keys(schema.properties)).toEqual(profiles.customers.columns.map((c) => c.name));
    for (const property of Object.values(schema.properties)) expect(property.type).toBe('string');
    expect(at(schema, 'customer_id')).toMatchObject({ type: 'string' });
    expect(at(schema, 'customer_id').description).toContain('A999999');
    expect(schema.required).toContain('customer_id');
    const value = at(schema, 'lifetime_value');
    expect(value.pattern).toBeDefined();
    const pattern = new RegExp(value.pattern!, 'u');
    expect(['55.06', '0', '6984.71', ' 12.5 '].filter((v) => !pattern.test(v))).toEqual([]);
    expect(['', 'abc', '12,5', '1.2.3'].filter((v) => pattern.test(v))).toEqual([]);
    expect(at(schema, 'created_date').description).toContain('dd/MM/yyyy');
    expect(at(schema, 'created_date').format).toBeUndefined();
    expect(at(schema, 'marketing_consent').enum).toEqual(['N', 'Y']);
    expect(at(schema, 'loyalty_tier').enum).toEqual(['Bronze', 'Gold', 'Silver']);
  });

  it('asserts no email format where values are padded or empty, and says why; such columns are optional', () => {
    const email = at(schemas.customers, 'email');
    expect(email.format).toBeUndefined();
    expect(email.description).toMatch(/158 padded/);
    expect(schemas.customers.required).not.toContain('email');
    expect(schemas.customers.required).not.toContain('last_order_date');
  });

  it('gives subscribers Status an enum of its 3 values, and Email Address a format but never an enum', () => {
    const schema = schemas.subscribers;
    expect(at(schema, 'Status').enum).toEqual(['cleaned', 'subscribed', 'unsubscribed']);
    expect(at(schema, 'List').enum).toEqual(['Newsletter', 'Offers']);
    const email = at(schema, 'Email Address');
    expect(email.enum).toBeUndefined();
    expect(email.format).toBe('email');
    expect(schema.required).toEqual(expect.arrayContaining(['Email Address', 'Subscribed At', 'Status']));
    expect(schema.required).not.toContain('First Name');
    expect(at(schema, 'Subscribed At').description).toContain('yyyy-MM-dd HH:mm:ss');
  });

  it('rebuilds nested objects for NDJSON: context.page.url under context.page, traits.email_sha256 under traits', () => {
    const schema = schemas.events;
    expect(Object.keys(schema.properties)).not.toContain('context.page.url');
    expect(at(schema, 'context')).toMatchObject({ type: 'object', additionalProperties: false });
    expect(at(schema, 'context', 'page', 'url')).toMatchObject({ type: 'string', format: 'uri' });
    expect(at(schema, 'context', 'page').required).toEqual(['url', 'title']);
    expect(at(schema, 'traits', 'email_sha256')).toMatchObject({ type: 'string' });
    expect(at(schema, 'traits', 'email_sha256')['x-stitchscan']).toMatchObject({ column: 'traits.email_sha256', semanticType: 'hashed' });
    expect(schema.required).toEqual(expect.arrayContaining(['messageId', 'type', 'anonymousId', 'timestamp', 'context']));
    expect(schema.required).not.toContain('traits');
  });

  it('keeps JSON types: userId is optional and nullable, messageId a uuid, numbers stay numbers', () => {
    const schema = schemas.events;
    expect(at(schema, 'userId').type).toEqual(['string', 'null']);
    expect(schema.required).not.toContain('userId');
    expect(at(schema, 'messageId')).toMatchObject({ type: 'string', format: 'uuid' });
    expect(schema.required).toContain('messageId');
    expect(at(schema, 'timestamp')).toMatchObject({ type: 'string', format: 'date-time' });
    expect(at(schema, 'properties', 'price').type).toBe('number');
    expect(at(schema, 'properties', 'quantity').type).toBe('integer');
    expect(at(schema, 'type').enum).toEqual(['identify', 'page', 'track']);
    // Open sets are never enums: identifiers, URLs, long free text.
    expect(at(schema, 'context', 'page', 'referrer').enum).toBeUndefined();
    expect(at(schema, 'context', 'userAgent').enum).toBeUndefined();
    // Mixed IPv4 and IPv6: no single format holds.
    expect(at(schema, 'context', 'ip').format).toBeUndefined();
  });

  it('describes followers: the handle is required personal data, never an enum nor a raw example', () => {
    const schema = schemas.followers;
    const handle = at(schema, 'follower', 'handle');
    expect(handle).toMatchObject({ type: 'string' });
    expect(handle.enum).toBeUndefined();
    expect(handle.description).toContain('(masked)');
    expect(at(schema, 'follower').required).toEqual(['handle', 'displayName', 'followedAt']);
    expect(at(schema, 'follower', 'followedAt').format).toBe('date-time');
    expect(at(schema, 'follower', 'location').type).toBe('string');
    expect(schema.required).toEqual(['follower']);
  });

  it('never copies raw personal values into the schema, even from an unmasked profile', async () => {
    const unmasked = await profileDataset(DEMO_FIXTURES.followers, { ...FIXTURE_PROFILE_OPTIONS, mask: false });
    const text = JSON.stringify(rowSchemaOf(unmasked));
    const handles = realRows('followers').slice(0, 50).map((r) => (r['follower'] as { handle: string }).handle);
    for (const handle of handles) expect(text).not.toContain(handle);
  });

  it.each(Object.keys(DEMO_FIXTURES) as DemoFixture[])('validates every real row of %s (zod z.fromJSONSchema, formats asserted)', (name) => {
    const rows = realRows(name);
    expect(rows.length).toBe(profiles[name].rowCount);
    expect(failures(schemas[name], rows)).toEqual([]);
  }, 60_000);

  it('rejects rows of the wrong shape (so the validation above can fail)', () => {
    const [customer] = realRows('customers');
    const [event] = realRows('events');
    const [subscriber] = realRows('subscribers');
    expect(failures(schemas.customers, [{ ...customer, customer_id: 42 }])).toHaveLength(1);
    expect(failures(schemas.customers, [{ ...customer, colour: 'red' }])).toHaveLength(1);
    expect(failures(schemas.customers, [{ ...customer, lifetime_value: 'lots' }])).toHaveLength(1);
    expect(failures(schemas.subscribers, [{ ...subscriber, Status: 'gone' }])).toHaveLength(1);
    expect(failures(schemas.events, [{ ...event, messageId: 'not-a-uuid' }])).toHaveLength(1);
    expect(failures(schemas.events, [{ ...event, context: { page: { url: 'https://x.io' } } }])).toHaveLength(1);
  });
});

describe('rowSchemaOf on in-memory rows', () => {
  it('adds null for JSON nulls and leaves out of required what is missing in some rows', async () => {
    const schema = rowSchemaOf(await profileRows([{ a: 'x', b: null, c: 1 }, { a: 'y', b: 'z' }, { a: 'x', b: 'z', c: 2 }]));
    expect(at(schema, 'b').type).toEqual(['string', 'null']);
    expect(at(schema, 'c').type).toBe('integer');
    expect(schema.required).toEqual(['a']);
  });

  it('types mixed columns as a union of their JSON types', async () => {
    const rows = [{ v: 1 }, { v: 'a' }, { v: true }, { v: 2.5 }, { v: null }];
    const schema = rowSchemaOf(await profileRows(rows));
    expect(at(schema, 'v').type).toEqual(['string', 'number', 'boolean', 'null']);
    expect(failures(schema, rows)).toEqual([]);
  });

  it('keeps strings that a JSON number never spells: thousands separators, 12.0, yes/no', async () => {
    const rows = [{ n: 1234, m: 'yes', d: 12.5 }, { n: '1,234', m: 'no', d: '12.0' }, { n: 5, m: 'yes', d: 3.25 }, { n: 6, m: 'no', d: 1 }];
    const schema = rowSchemaOf(await profileRows(rows));
    expect(at(schema, 'n').type).toEqual(['string', 'integer']);
    expect(at(schema, 'm')).toMatchObject({ type: 'string', enum: ['no', 'yes'] });
    expect(at(schema, 'd').type).toEqual(['string', 'number']);
    expect(failures(schema, rows)).toEqual([]);
  });

  it('types numeric JSON strings as numbers: a known limit, as the profile reads "42" and 42 alike', async () => {
    const schema = rowSchemaOf(await profileRows([{ id: '42' }, { id: '43' }]));
    expect(at(schema, 'id').type).toBe('integer');
    expect(schema.description).toContain('"42"');
  });

  it('gives JSON ISO dates a format, and other date layouts a description only', async () => {
    const rows = [{ day: '2024-01-31', uk: '31/01/2024' }, { day: '2024-02-29', uk: '29/02/2024' }, { day: '2023-12-01', uk: '01/12/2023' }];
    const schema = rowSchemaOf(await profileRows(rows));
    expect(at(schema, 'day')).toMatchObject({ type: 'string', format: 'date' });
    expect(at(schema, 'uk').format).toBeUndefined();
    expect(at(schema, 'uk').description).toContain('dd/MM/yyyy');
    expect(failures(schema, rows)).toEqual([]);
  });

  it('types multi-valued columns as arrays, and as a union where some rows hold one value', async () => {
    const arrays = [{ tags: ['a', 'b'] }, { tags: ['c'] }, { tags: ['a', 'c', 'd'] }];
    const schema = rowSchemaOf(await profileRows(arrays));
    expect(at(schema, 'tags')).toMatchObject({ type: 'array', items: { type: 'string' } });
    expect(failures(schema, arrays)).toEqual([]);
    const some = [{ tags: ['a', 'b'] }, { tags: 'c' }, { tags: null }];
    const union = rowSchemaOf(await profileRows(some));
    expect(at(union, 'tags').anyOf).toEqual([{ type: ['string', 'null'] }, { type: 'array', items: { type: 'string' } }]);
    expect(failures(union, some)).toEqual([]);
  });

  it('accepts both readings of arrays of objects, which a flattened profile cannot tell apart', async () => {
    const rows = [
      { id: 'a', orders: [{ sku: 'X1', qty: 1 }, { sku: 'X2', qty: 2 }] },
      { id: 'b', orders: [{ sku: 'X3', qty: 5 }] },
    ];
    const schema = rowSchemaOf(await profileRows(rows));
    expect(at(schema, 'orders').anyOf).toHaveLength(2);
    expect(failures(schema, rows)).toEqual([]);
    expect(failures(schema, [{ id: 'c', orders: { sku: ['X1'], qty: [1] } }])).toEqual([]);
    expect(failures(schema, [{ id: 'c', orders: [{ sku: 1 }] }])).toHaveLength(1);
  });

  it('unions a path that is a value in some rows and an object in others', async () => {
    const rows = [{ a: 1 }, { a: { b: 'x' } }];
    const schema = rowSchemaOf(await profileRows(rows));
    expect(at(schema, 'a').anyOf).toHaveLength(2);
    expect(failures(schema, rows)).toEqual([]);
    const nullable = [{ a: null }, { a: { b: 'x' } }];
    const nullSchema = rowSchemaOf(await profileRows(nullable));
    expect(at(nullSchema, 'a').type).toEqual(['object', 'null']);
    expect(failures(nullSchema, nullable)).toEqual([]);
  });

  it('keeps __proto__ and constructor as ordinary own property names', async () => {
    const rows = [JSON.parse('{"__proto__": {"polluted": "yes"}, "constructor": "c", "toString": 1}') as object, { constructor: 'd', toString: 2 }];
    const schema = rowSchemaOf(await profileRows(rows));
    expect(Object.getPrototypeOf(schema.properties)).toBe(Object.prototype);
    expect(Object.keys(schema.properties)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(at(schema, '__proto__', 'polluted').type).toBe('string');
    expect(at(schema, 'constructor').type).toBe('string');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(JSON.stringify(schema)).toContain('"__proto__":{');
    expect(failures(schema, rows)).toEqual([]);
  });

  it('never makes an enum of personal data or masked values, however few they are', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => ({ email: i % 2 === 0 ? 'ann@example.org' : 'bob@example.org', status: i % 2 === 0 ? 'on' : 'off' }));
    const schema = rowSchemaOf(await profileRows(rows));
    expect(at(schema, 'email').enum).toBeUndefined();
    expect(at(schema, 'status').enum).toEqual(['off', 'on']);
    const unmasked = await profileDataset(fromRows(rows, { name: 'raw' }), { ...FIXTURE_PROFILE_OPTIONS, mask: false });
    expect(at(rowSchemaOf(unmasked), 'email').enum).toBeUndefined();
    expect(JSON.stringify(rowSchemaOf(unmasked))).not.toContain('ann@example.org');
  });

  it('writes CSV number patterns that accept blanks and null tokens, and stay linear', async () => {
    const csv = 'id,qty,label,at\n1,5,a,2024-01-01T10:00:00Z\n2,,b,2024-01-02T10:00:00Z\n3,N/A,a,2024-01-03T10:00:00+01:00\n4, 7 ,b,2024-01-04T10:00:00Z\n5,-12,a,2024-01-05T10:00:00Z\n';
    const schema = rowSchemaOf(await profileCsv(csv));
    const qty = at(schema, 'qty');
    expect(qty.type).toBe('string');
    const pattern = new RegExp(qty.pattern!, 'u');
    expect(['5', '', '  ', 'N/A', ' 7 ', '-12', '+3'].filter((v) => !pattern.test(v))).toEqual([]);
    expect(['x', 'N/A5', '5 5', '1.5'].filter((v) => pattern.test(v))).toEqual([]);
    const hostile = `${' '.repeat(50_000)}x`;
    const started = performance.now();
    expect(pattern.test(hostile)).toBe(false);
    expect(performance.now() - started).toBeLessThan(200);
    expect(schema.required).toEqual(['id', 'label', 'at']);
    expect(at(schema, 'label').enum).toEqual(['a', 'b']);
    expect(at(schema, 'at')).toMatchObject({ type: 'string', format: 'date-time' });
    expect(failures(schema, parseCsv(csv, { columns: true }) as unknown[])).toEqual([]);
  });

  it('says in the description which CSV header cells the reader renamed', async () => {
    const schema = rowSchemaOf(await profileCsv('id,email,email,\n1,a@x.io,b@x.io,z\n'));
    expect(Object.keys(schema.properties)).toHaveLength(4);
    expect(schema.description).toMatch(/Header cells renamed by the reader: .*"email" -> "[^"]+" \(duplicate\)/);
  });
});

/** JSON scalars whose text the profiler cannot mistake for another JSON type. */
const unambiguousValue = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 8 }).map((s) => `s:${s}`),
  fc.constantFrom('', ' ', 'N/A', 'NULL', 'yes', 'no'),
);
const anyKey = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'toString', 'a', 'a.b', '.', '', 'a..b'), fc.string({ maxLength: 5 }));
const plainKey = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'hasOwnProperty', 'a', 'b'), fc.string({ maxLength: 5 }).filter((k) => !k.includes('.')));

describe('rowSchemaOf properties', () => {
  it('never throws, and names every key of every row (the first segment of dotted keys)', async () => {
    const value = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.double({ noNaN: true }), fc.string({ maxLength: 8 }));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.dictionary(anyKey, value, { maxKeys: 5 }), { minLength: 1, maxLength: 8 }), async (rows) => {
        const schema = rowSchemaOf(await profileRows(rows));
        expect(() => JSON.stringify(schema)).not.toThrow();
        for (const row of rows) {
          for (const key of Object.keys(row)) {
            const value = (row as Record<string, unknown>)[key];
            if (value === undefined) continue;
            expect(Object.hasOwn(schema.properties, key.split('.')[0]!)).toBe(true);
          }
        }
      }),
      { numRuns: 150 },
    );
  }, 60_000);

  it('validates every input row when keys hold no dots and string values do not spell numbers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.dictionary(plainKey, unambiguousValue, { maxKeys: 4 }), { minLength: 1, maxLength: 12 }), async (rows) => {
        const schema = rowSchemaOf(await profileRows(rows));
        expect(failures(schema, rows)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});
