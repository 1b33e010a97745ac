// Profile records that are already in memory (an API response, a dataframe's rows) with fromRows.
// Run from the repository root: npx tsx docs/examples/from-rows.ts
import assert from 'node:assert/strict';
import { fromRows, profileDataset } from '../../src/index';

const records: object[] = [
  { id: 'U-0001', email: 'ana@fellside.co.uk', profile: { city: 'Lyon', country: 'FR' }, tags: ['vip', 'newsletter'], score: 12 },
  { id: 'U-0002', email: ' Ben@Fellside.co.uk', profile: { city: 'Leeds', country: 'GB' }, tags: [], score: 7.5 },
  { id: 'U-0003', email: null, profile: { city: 'N/A' }, tags: ['newsletter'], score: null },
  { id: 'U-0004', email: '', profile: { city: 'Berlin', country: 'DE' }, score: 3 },
  { id: 'U-0005', email: 'NULL', profile: { city: '  ', country: 'FR' }, tags: ['vip'], score: 9 },
  'not a record' as unknown as object,
];

const profile = await profileDataset(fromRows(records, { name: 'users' }), { profiledAt: '2026-11-01T00:00:00Z' });

for (const c of profile.columns) console.log(`${c.name.padEnd(16)} ${c.inferredType.padEnd(8)} nulls ${c.nullCount}  ${c.flags.join(' ')}`);

const column = (name: string) => {
  const found = profile.columns.find((c) => c.name === name);
  assert.ok(found, `column ${name}`);
  return found;
};

assert.equal(profile.name, 'users');
assert.equal(profile.format, 'memory');
assert.equal(profile.rowCount, 5);

// Nested objects become dot-path columns, in order of first appearance.
assert.deepEqual(
  profile.columns.map((c) => c.name),
  ['id', 'email', 'profile.city', 'profile.country', 'tags', 'score'],
);

// The item that is not an object is counted, not thrown; its "line" is its position.
assert.equal(profile.malformedRowCount, 1);
assert.deepEqual(
  profile.issues.map((i) => [i.code, i.count, i.lines]),
  [['ROW_NOT_OBJECT', 1, [6]]],
);

// Every kind of null is counted apart.
const email = column('email');
assert.equal(email.nullCount, 3);
assert.deepEqual(email.nulls, { missing: 0, jsonNull: 1, empty: 1, whitespace: 0, tokens: { NULL: 1 } });
assert.ok(email.flags.includes('null_tokens'));

const city = column('profile.city');
assert.deepEqual(city.nulls, { missing: 0, jsonNull: 0, empty: 0, whitespace: 1, tokens: { 'N/A': 1 } });

// A field absent from a record is `missing`.
assert.equal(column('profile.country').nulls.missing, 1);
assert.equal(column('score').nulls.missing, 0);
assert.equal(column('score').nulls.jsonNull, 1);

// Arrays are multi-valued cells: each item is a value; an empty array is an absent field.
const tags = column('tags');
assert.deepEqual(tags.multiValued, { rows: 3, maxItems: 2 });
assert.equal(tags.valueCount, 4);
assert.equal(tags.distinctCount, 2);
assert.equal(tags.nulls.missing, 2);
assert.ok(tags.flags.includes('multi_valued'));

// JSON numbers are profiled like their text: 12, 7.5, 3 and 9 make a decimal column.
const score = column('score');
assert.equal(score.inferredType, 'decimal');
assert.deepEqual([score.numeric?.min, score.numeric?.max, score.numeric?.count], [3, 12, 4]);

// `id` is a unique identifier and the dataset's key.
assert.equal(column('id').semanticType, 'identifier');
assert.deepEqual(profile.candidateKeys[0]?.columns, ['id']);

// Emails: the padded, mixed-case address is valid and needs normalising. (Addresses at
// example.org would be invalid: reserved domains are junk placeholders.)
assert.equal(email.semanticType, 'email');
assert.deepEqual(
  [email.identity?.checked, email.identity?.valid, email.identity?.normalisable],
  [2, 2, 1],
);
console.log('ok');
