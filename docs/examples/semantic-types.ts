// Profile the demo CRM export and print each column's type, semantic type and identity checks.
// Run from the repository root: npx tsx docs/examples/semantic-types.ts
import assert from 'node:assert/strict';
import { profileDataset } from '../../src/index';

const file = new URL('../../fixtures/crm/customers.csv', import.meta.url);
const profile = await profileDataset(file, { region: 'GB', profiledAt: '2026-11-01T00:00:00Z' });

console.log(`${profile.name}: ${profile.rowCount} rows`);
for (const column of profile.columns) {
  const semantic = column.semanticType === null ? '-' : `${column.semanticType} (${column.semanticConfidence})`;
  console.log(`${column.name.padEnd(18)} ${column.inferredType.padEnd(10)} ${semantic}`);
}

const byName = new Map(profile.columns.map((c) => [c.name, c]));
const column = (name: string) => {
  const found = byName.get(name);
  assert.ok(found, `column ${name}`);
  return found;
};

// Semantic types, as in the worked example of docs/profiling.md.
const expected: Record<string, string | null> = {
  customer_id: 'identifier',
  first_name: 'first_name',
  last_name: 'last_name',
  email: 'email',
  phone: 'phone',
  postcode: 'postal_code',
  country: 'country',
  created_date: null,
  lifetime_value: null,
  marketing_consent: null,
};
for (const [name, type] of Object.entries(expected)) assert.equal(column(name).semanticType, type, name);

// Phone numbers are written with digits but are codes, not quantities.
assert.equal(column('phone').inferredType, 'identifier');
assert.equal(column('phone').numeric, null);
assert.equal(column('lifetime_value').inferredType, 'decimal');
assert.equal(column('marketing_consent').inferredType, 'boolean');

// Day-first dates, decided by the values with a day above 12.
const created = column('created_date');
assert.equal(created.inferredType, 'date');
assert.equal(created.dates?.order, 'day-first');
assert.deepEqual(created.dateFormats, [{ format: 'dd/MM/yyyy', count: 5000 }]);

// The email column, field by field (docs/profiling.md explains each one).
const email = column('email');
assert.equal(email.nullCount, 178);
assert.equal(email.nulls.empty, 178);
assert.equal(email.valueCount, 4822);
assert.equal(email.distinctCount, 4813);
assert.equal(email.distinctExact, true);
assert.equal(email.semanticConfidence, 0.98);
assert.deepEqual(email.identity, {
  kind: 'email',
  checked: 4822,
  valid: 4808,
  invalid: 14,
  normalisable: 547,
  details: { mixedCase: 427, providerVariant: 733, padded: 158, junk: 14 },
  exact: true,
});
assert.ok(email.flags.includes('needs_normalisation'));

// Phone checks: the fixture's 07700 900xxx mobiles are not valid numbers.
assert.equal(column('phone').identity?.invalid, 919);
assert.equal(column('phone').identity?.valid, 3603);

// Candidate keys, best first.
assert.deepEqual(
  profile.candidateKeys.map((k) => k.columns.join(' + ')),
  ['customer_id', 'email', 'phone'],
);
assert.equal(profile.candidateKeys[0]?.score, 0.99);
console.log('ok');
