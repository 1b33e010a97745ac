// npm run bench:joins: join discovery on relational sample databases (fixtures/benchmarks/),
// against the built package. For each database, every CSV table is profiled (tables without rows
// are skipped: profileDataset throws E_EMPTY_INPUT), findJoins runs with its defaults, and the
// accepted joins are scored against ground_truth.json's foreign keys, direction ignored.
// Foreign keys from empty columns cannot be found from data: they are left out of recall (and
// printed, with the recall that counts them). Exits 1 when precision or recall is below 0.9.
// The same computation as tests/helpers/join-accuracy.ts (kept in plain JS here on purpose).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { findJoins, profileDataset } from '../dist/index.js';

const ROOT = fileURLToPath(new URL('../fixtures/benchmarks/', import.meta.url));
const DATABASES = ['chinook', 'northwind'];
const THRESHOLD = 0.9;

const pairKey = (a, b) => [a, b].sort().join(' = ');

function accuracy(joins, truth) {
  const accepted = new Set(joins.filter((j) => j.accepted).map((j) => pairKey(`${j.left.dataset}.${j.left.column}`, `${j.right.dataset}.${j.right.column}`)));
  const all = new Set(truth.foreign_keys.map((fk) => pairKey(fk.from, fk.to)));
  const findable = new Set(truth.foreign_keys.filter((fk) => fk.from_nonnull_rows > 0).map((fk) => pairKey(fk.from, fk.to)));
  const truePositives = [...accepted].filter((k) => all.has(k)).length;
  const foundFindable = [...findable].filter((k) => accepted.has(k)).length;
  return {
    accepted: accepted.size,
    truePositives,
    all: all.size,
    findable: findable.size,
    precision: accepted.size === 0 ? 0 : truePositives / accepted.size,
    recall: findable.size === 0 ? 1 : foundFindable / findable.size,
    recallAll: all.size === 0 ? 1 : truePositives / all.size,
    falsePositives: [...accepted].filter((k) => !all.has(k)),
    missed: [...findable].filter((k) => !accepted.has(k)),
    unfindable: [...all].filter((k) => !findable.has(k)),
  };
}

async function run(db) {
  const dir = join(ROOT, db);
  const truth = JSON.parse(readFileSync(join(dir, 'ground_truth.json'), 'utf8'));
  const tables = readdirSync(dir).filter((f) => f.endsWith('.csv')).sort();
  const profiles = [];
  const skipped = [];
  const started = performance.now();
  for (const file of tables) {
    const name = file.slice(0, -'.csv'.length);
    try {
      profiles.push(await profileDataset(join(dir, file), { region: 'GB', name }));
    } catch (error) {
      if (error?.code === 'E_EMPTY_INPUT') skipped.push(name);
      else throw error;
    }
  }
  const joins = findJoins(profiles);
  const seconds = (performance.now() - started) / 1000;
  return { db, tables: profiles.length, skipped, seconds, ...accuracy(joins, truth) };
}

const f2 = (x) => x.toFixed(2);
const results = [];
for (const db of DATABASES) results.push(await run(db));

for (const r of results) {
  if (r.skipped.length > 0) console.log(`${r.db}: skipped ${r.skipped.length} table(s) without rows: ${r.skipped.join(', ')}`);
  for (const k of r.unfindable) console.log(`${r.db}: not findable from data (no values on the referencing side): ${k}`);
  for (const k of r.falsePositives) console.log(`${r.db}: false positive: ${k}`);
  for (const k of r.missed) console.log(`${r.db}: missed: ${k}`);
}
console.log('');
const rows = [
  ['database', 'tables', 'FKs', 'findable', 'accepted', 'correct', 'precision', 'recall', 'recall (all FKs)', 'seconds'],
  ...results.map((r) => [r.db, r.tables, r.all, r.findable, r.accepted, r.truePositives, f2(r.precision), f2(r.recall), f2(r.recallAll), r.seconds.toFixed(1)].map(String)),
];
const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
for (const [i, row] of rows.entries()) {
  console.log(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));
  if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
}
const failing = results.filter((r) => r.precision < THRESHOLD || r.recall < THRESHOLD);
if (failing.length > 0) {
  console.error(`\nBelow ${THRESHOLD} precision or recall: ${failing.map((r) => r.db).join(', ')}`);
  process.exit(1);
}
