// Personal data is masked in profiles by default. Compare a masked and an unmasked profile.
// Run from the repository root: npx tsx docs/examples/masking.ts
import assert from 'node:assert/strict';
import { isPersonalType, maskValue, profileDataset, type DatasetProfile } from '../../src/index';

const file = new URL('../../fixtures/crm/customers.csv', import.meta.url);
const options = { region: 'GB', profiledAt: '2026-11-01T00:00:00Z' } as const;

const masked = await profileDataset(file, options); // mask: true is the default
const raw = await profileDataset(file, { ...options, mask: false });

const column = (profile: DatasetProfile, name: string) => {
  const found = profile.columns.find((c) => c.name === name);
  assert.ok(found, `column ${name}`);
  return found;
};

for (const name of ['email', 'phone', 'first_name', 'postcode', 'country', 'customer_id']) {
  console.log(`${name.padEnd(12)} masked: ${column(masked, name).examples.slice(0, 2).join(', ')}`);
  console.log(`${''.padEnd(12)} raw:    ${column(raw, name).examples.slice(0, 2).join(', ')}`);
}

// Personal types are masked; the masked text is maskValue() of the raw text.
for (const [name, type] of [['email', 'email'], ['phone', 'phone'], ['first_name', 'first_name'], ['postcode', 'postal_code']] as const) {
  const m = column(masked, name);
  const r = column(raw, name);
  assert.equal(m.masked, true, name);
  assert.equal(r.masked, false, name);
  assert.ok(isPersonalType(type));
  assert.deepEqual(m.examples, r.examples.map((value) => maskValue(value, type)), name);
  assert.deepEqual(m.topValues.map((t) => t.value), r.topValues.map((t) => maskValue(t.value, type)), name);
}

// The first example of each, as found and as shown.
assert.equal(column(raw, 'email').examples[0], 'priya.lee@sky.com');
assert.equal(column(masked, 'email').examples[0], 'p***@sky.com');
assert.equal(column(raw, 'phone').examples[0], '0191 498 0139');
assert.equal(column(masked, 'phone').examples[0], '**** *** **39');
assert.equal(column(masked, 'postcode').examples[0], 'NE***');

// Countries and customer ids are not personal data by themselves: shown as found.
for (const name of ['country', 'customer_id']) {
  assert.equal(column(masked, name).masked, false, name);
  assert.deepEqual(column(masked, name).examples, column(raw, name).examples, name);
}

// Masking changes what is displayed, never what is counted.
for (const c of masked.columns) {
  const r = column(raw, c.name);
  assert.equal(c.distinctCount, r.distinctCount, c.name);
  assert.deepEqual(c.topValues.map((t) => t.count), r.topValues.map((t) => t.count), c.name);
  assert.deepEqual(c.identity, r.identity, c.name);
}
assert.deepEqual(masked.options, { region: 'GB', distinctBudget: 50000, mask: true });
assert.deepEqual(raw.options, { region: 'GB', distinctBudget: 50000, mask: false });
console.log('ok');
