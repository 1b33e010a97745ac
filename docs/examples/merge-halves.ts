// Profile the two halves of a CSV file separately (as two machines would), merge the profiles,
// and check that every exact statistic equals the profile of the whole file.
// Run from the repository root: npx tsx docs/examples/merge-halves.ts
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { mergeProfiles, profileDataset, type ColumnProfile, type ProfileOptions } from '../../src/index';

const file = new URL('../../fixtures/crm/customers.csv', import.meta.url);
// Same options for every part: region, distinctBudget and mask must match to merge.
const options: ProfileOptions = { name: 'customers', region: 'GB', profiledAt: '2026-11-01T00:00:00Z' };

// Split the file into two CSV texts that both start with the header.
const [header, ...rows] = (await readFile(file, 'utf8')).split('\r\n').filter((line) => line !== '');
const half = Math.floor(rows.length / 2);
const part = (lines: string[]) => Readable.from([Buffer.from([header, ...lines].join('\r\n') + '\r\n')]);

const first = await profileDataset(part(rows.slice(0, half)), options);
const second = await profileDataset(part(rows.slice(half)), options);
const merged = mergeProfiles(first, second);
const whole = await profileDataset(file, options);

console.log(`parts: ${first.rowCount} + ${second.rowCount} rows; merged: ${merged.rowCount}; whole: ${whole.rowCount}`);

/** The fields of a column that are exact, also after a merge (see docs/profiling.md). */
function exactFields(c: ColumnProfile) {
  return {
    name: c.name,
    inferredType: c.inferredType,
    typeCounts: c.typeCounts,
    nullCount: c.nullCount,
    nulls: c.nulls,
    valueCount: c.valueCount,
    distinctCount: c.distinctCount,
    distinctExact: c.distinctExact,
    completeness: c.completeness,
    lengths: c.lengths === null ? null : { min: c.lengths.min, max: c.lengths.max, mean: c.lengths.mean.toFixed(9) },
    patterns: c.patternsExact ? c.patterns.map((p) => p.count) : 'estimated',
    numeric:
      c.numeric === null
        ? null
        : { count: c.numeric.count, min: c.numeric.min, max: c.numeric.max, quantiles: c.numeric.quantiles, mean: c.numeric.mean.toFixed(6) },
    numberFormats: c.numberFormats,
    dates: c.dates === null ? null : { ...c.dates, newestAgeDays: undefined },
    semanticType: c.semanticType,
    semanticConfidence: c.semanticConfidence,
    identity: c.identity,
    flags: c.flags,
  };
}

assert.equal(merged.rowCount, whole.rowCount);
assert.equal(merged.malformedRowCount, whole.malformedRowCount);
assert.deepEqual(merged.columns.map(exactFields), whole.columns.map(exactFields));
assert.deepEqual(merged.candidateKeys, whole.candidateKeys);

// Top values are not exact after a merge: each part keeps only its 100 most frequent values, so a
// merged count can be too low, never too high (docs/profiling.md, "Merging profiles").
for (const column of merged.columns.filter((c) => !c.masked)) {
  const truth = new Map(whole.columns.find((c) => c.name === column.name)!.topValues.map((t) => [t.value, t.count]));
  for (const top of column.topValues) assert.ok(top.count <= (truth.get(top.value) ?? Infinity), `${column.name} ${top.value}`);
}
const price = (p: typeof merged) => p.columns.find((c) => c.name === 'lifetime_value')!.topValues.find((t) => t.value === '288.99')?.count;
console.log(`lifetime_value 288.99: ${price(whole)} rows in the whole, ${price(merged)} in the merge`);

// The email column has more than 1,000 distinct patterns, so its patterns are a summary.
const email = merged.columns.find((c) => c.name === 'email');
assert.equal(email?.patternsExact, false);
// Each part alone sees about half of the customers.
assert.ok(first.columns[0]!.distinctCount < whole.columns[0]!.distinctCount);
console.log('ok: the merged profile equals the whole on every exact field');
