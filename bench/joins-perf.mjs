// Join discovery and stitch at scale: five generated CSV silos of BENCH_JOIN_ROWS rows (default 1,000,000) x 20
// columns that share identity keys. Times profiling the five (default options, one after another, in this
// process), then findJoins and buildIdentityGraph, and reports (discovery + stitch) / profiling (target < 0.25)
// and the peak RSS of this process (target < 1 GB).
// Usage: node --expose-gc bench/joins-perf.mjs   (run by npm run bench unless BENCH_SKIP_JOINS=1)
// BENCH_JOIN_BUDGET=N profiles with keyBudget and linkBudget N instead of the defaults: with N above the
// distinct keys (3000000 at 1M rows, and --max-old-space-size=16000), the stitch is exact, which is how
// docs/joins.md's exact column is made. The time and memory targets are for the defaults.
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { clearInterval, setInterval } from 'node:timers';
import { buildIdentityGraph, findJoins, profileDataset } from '../dist/index.js';
import { JOIN_DATASETS } from './generate-joins.mjs';

const ROWS = Number(process.env.BENCH_JOIN_ROWS ?? 1_000_000);
const BUDGET = process.env.BENCH_JOIN_BUDGET === undefined ? {} : { keyBudget: Number(process.env.BENCH_JOIN_BUDGET), linkBudget: Number(process.env.BENCH_JOIN_BUDGET) };
const RATIO_TARGET = 0.25;
const RSS_TARGET_MB = 1024;
const root = new URL('../.bench-tmp/joins/', import.meta.url).pathname;
const dir = ROWS === 1_000_000 ? root : join(root, `rows-${ROWS}`);

// Generation in a child process, so its memory is not in this process's peak RSS.
console.log(`\njoin discovery: 5 datasets x ${ROWS.toLocaleString('en-US')} rows x 20 columns in ${dir}`);
execFileSync(process.execPath, [new URL('./generate-joins.mjs', import.meta.url).pathname, dir, String(ROWS)], { stdio: 'inherit' });
const paths = JOIN_DATASETS.map((name) => join(dir, `${name}.csv`));
const totalMb = paths.reduce((s, p) => s + statSync(p).size, 0) / 1024 / 1024;
globalThis.gc?.();

// Peak RSS: sampled every 100 ms, plus the kernel's high-water mark (getrusage), which also covers the
// synchronous findJoins and buildIdentityGraph calls during which the sampling timer cannot fire.
const mb = (bytes) => bytes / 1024 / 1024;
let sampledPeak = process.memoryUsage().rss;
const phasePeak = {};
let phase = 'start';
const sample = () => {
  const rss = process.memoryUsage().rss;
  if (rss > sampledPeak) sampledPeak = rss;
  if (rss > (phasePeak[phase] ?? 0)) phasePeak[phase] = rss;
};
const timer = setInterval(sample, 100);
const now = () => Number(process.hrtime.bigint()) / 1e9;
const startRssMb = mb(process.memoryUsage().rss);

// 1. profiling
phase = 'profile';
const profiles = [];
const profileSeconds = {};
const t0 = now();
for (const path of paths) {
  const started = now();
  const profile = await profileDataset(path, BUDGET);
  profileSeconds[profile.name] = now() - started;
  profiles.push(profile);
  sample();
  console.log(`  profiled ${profile.name.padEnd(11)} ${profile.rowCount.toLocaleString('en-US')} rows in ${profileSeconds[profile.name].toFixed(1)} s, RSS ${mb(process.memoryUsage().rss).toFixed(0)} MB`);
}
const profiling = now() - t0;
const afterProfileRssMb = mb(process.memoryUsage().rss);
const maxRssAfterProfiling = process.resourceUsage().maxRSS / 1024;

/** A product failure is a bench result too: print it and the one-line summary, then exit 1. */
function fail(stage, error) {
  clearInterval(timer);
  console.log(`\n  ${stage} FAILED after ${profiling.toFixed(1)} s of profiling: ${error?.stack ?? error}`);
  console.log(JSON.stringify({ bench: 'joins', rows: ROWS, profilingSeconds: +profiling.toFixed(2), peakRssMb: Math.round(Math.max(mb(sampledPeak), process.resourceUsage().maxRSS / 1024)), error: `${stage}: ${error?.message ?? error}`, pass: false }));
  process.exit(1);
}

// 2. join discovery (findJoins returns rejected candidates too, by default)
phase = 'discovery';
const t1 = now();
let candidates;
try {
  candidates = findJoins(profiles);
} catch (error) {
  fail('findJoins', error);
}
const discovery = now() - t1;
sample();
const joins = candidates.filter((j) => j.accepted);

// 3. stitch
phase = 'stitch';
const t2 = now();
let graph;
try {
  graph = buildIdentityGraph(profiles, candidates);
} catch (error) {
  fail('buildIdentityGraph', error);
}
const stitch = now() - t2;
sample();
clearInterval(timer);

const kernelPeakMb = process.resourceUsage().maxRSS / 1024;
const peakMb = Math.max(mb(sampledPeak), kernelPeakMb);
const ratio = (discovery + stitch) / profiling;

const col = (c) => `${c.dataset}.${c.column}`;
console.log(`\n  accepted joins (${joins.length} of ${candidates.length} candidates):`);
for (const j of joins) {
  console.log(
    `    ${col(j.left).padEnd(26)} <-> ${col(j.right).padEnd(26)} ${j.transform.padEnd(32)} matched ${j.matchedValues.toLocaleString('en-US').padStart(9)}  ${j.cardinality}  conf ${j.confidence.toFixed(2)}  ${j.exact ? 'exact' : `sampled ${(j.sampleRate * 100).toFixed(1)}%`}`,
  );
}
const rejected = candidates.filter((j) => !j.accepted);
if (rejected.length > 0) {
  console.log(`  rejected candidates (${rejected.length}), best first:`);
  for (const j of rejected.slice(0, 8)) console.log(`    ${col(j.left)} <-> ${col(j.right)} conf ${j.confidence.toFixed(2)} [${j.reasons.join(', ')}]`);
}
const s = graph.stitch;
console.log(`\n  stitch: ${s.unifiedProfiles.toLocaleString('en-US')} unified profiles (${s.exact ? 'exact' : `estimated, sample rate ${(s.sampleRate * 100).toFixed(1)}%`}), junk excluded ${s.junkExcluded}`);
for (const d of s.datasets) {
  console.log(`    ${d.dataset.padEnd(11)} linked ${(d.linkedShare * 100).toFixed(1)}% of ${d.rows.toLocaleString('en-US')} rows, ${d.rowsWithoutKeys.toLocaleString('en-US')} without keys`);
}
if (graph.junk.length > 0) console.log(`    junk values: ${graph.junk.map((v) => `${v.dataset}.${v.column}=${v.value} (${v.reason})`).join(', ')}`);

console.log(`\n  input: ${totalMb.toFixed(0)} MB`);
console.log(`  profiling  ${profiling.toFixed(1)} s (${(totalMb / profiling).toFixed(1)} MB/s)  [${Object.entries(profileSeconds).map(([n, t]) => `${n} ${t.toFixed(1)}`).join(', ')}]`);
console.log(`  discovery  ${discovery.toFixed(2)} s`);
console.log(`  stitch     ${stitch.toFixed(2)} s`);
console.log(`  ratio (discovery + stitch) / profiling: ${ratio.toFixed(3)} (target < ${RATIO_TARGET}) ${ratio < RATIO_TARGET ? 'PASS' : 'FAIL'}`);
console.log(
  `  peak RSS ${peakMb.toFixed(0)} MB (target < ${RSS_TARGET_MB} MB) ${peakMb < RSS_TARGET_MB ? 'PASS' : 'FAIL'}` +
    `  [start ${startRssMb.toFixed(0)}, peak through profiling ${maxRssAfterProfiling.toFixed(0)}, after profiling ${afterProfileRssMb.toFixed(0)}, sampled peaks ${Object.entries(phasePeak).map(([k, v]) => `${k} ${mb(v).toFixed(0)}`).join(', ')}]`,
);
console.log(
  JSON.stringify({
    bench: 'joins',
    rows: ROWS,
    datasets: profiles.length,
    inputMb: Math.round(totalMb),
    profilingSeconds: +profiling.toFixed(2),
    discoverySeconds: +discovery.toFixed(3),
    stitchSeconds: +stitch.toFixed(3),
    ratio: +ratio.toFixed(4),
    ratioTarget: RATIO_TARGET,
    peakRssMb: Math.round(peakMb),
    rssTargetMb: RSS_TARGET_MB,
    acceptedJoins: joins.length,
    candidates: candidates.length,
    unifiedProfiles: s.unifiedProfiles,
    stitchExact: s.exact,
    pass: ratio < RATIO_TARGET && peakMb < RSS_TARGET_MB,
  }),
);
