// Find the joins between a CRM export and an email-platform export, then run the dry-run stitch:
// how many unified customer profiles the two make, and how many rows of each link to the other.
// Run from the repository root: npx tsx docs/examples/joins.ts
import assert from 'node:assert/strict';
import { buildIdentityGraph, findJoins, profileDataset, renderJoinsSummary } from '../../src/index';

const fixture = (path: string) => new URL(`../../fixtures/${path}`, import.meta.url);
// Profiles keep their sketches (the default): findJoins reads its key tables from them.
const customers = await profileDataset(fixture('crm/customers.csv'), { region: 'GB' });
const subscribers = await profileDataset(fixture('email/subscribers.csv'), { region: 'GB' });
const profiles = [customers, subscribers];

const joins = findJoins(profiles);
const accepted = joins.filter((j) => j.accepted);
for (const j of accepted) console.log(`${j.left.dataset}.${j.left.column} = ${j.right.dataset}.${j.right.column} (${j.transform}), confidence ${j.confidence}`);

// The two exports share customers by email, compared after lower(trim()).
const email = accepted.find((j) => j.left.column === 'email' && j.right.column === 'Email Address');
assert.ok(email, 'customers.email = subscribers.Email Address is accepted');
assert.equal(email.rule, 'identity');
assert.equal(email.transform, 'lower(trim(email))');
assert.equal(email.exact, true); // fewer distinct keys than keyBudget: every figure is exact
assert.ok(email.matchedValues > 1000);
console.log(email.explanation);

const graph = buildIdentityGraph(profiles, joins);
const { stitch } = graph;
console.log(`${stitch.unifiedProfiles} unified profiles from ${customers.rowCount + subscribers.rowCount} rows`);
// Linking makes fewer profiles than rows: shared emails (and duplicates inside the CRM) merge.
assert.ok(stitch.unifiedProfiles < customers.rowCount + subscribers.rowCount);
assert.equal(stitch.exact, true);
assert.equal(graph.components.length, 1); // the two datasets are connected
assert.deepEqual(
  stitch.overlaps.find((o) => o.datasets.length === 2)?.datasets,
  ['customers', 'subscribers'],
);
// Placeholders such as test@test.com are junk: left out of the joins and the stitch.
assert.ok(graph.junk.some((v) => v.reason === 'placeholder_email'));

// With a small keyBudget the key tables keep a coordinated sample; the join is still found,
// and its figures are estimates scaled up from the sample.
const small = { region: 'GB', keyBudget: 500 };
const sampled = [
  await profileDataset(fixture('crm/customers.csv'), small),
  await profileDataset(fixture('email/subscribers.csv'), small),
];
const estimate = findJoins(sampled).find((j) => j.accepted && j.right.column === 'Email Address');
assert.ok(estimate, 'the join survives sampling');
assert.equal(estimate.exact, false);
assert.ok(estimate.sampleRate < 1);
console.log(`sampled at ${estimate.sampleRate}: ~${estimate.matchedValues} shared emails (exact: ${email.matchedValues})`);

console.log(renderJoinsSummary(joins, graph).split('\n')[0]);
console.log('ok: the two exports join on email and stitch into fewer profiles than rows');
