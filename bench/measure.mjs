// One measurement in a fresh process, so peak RSS belongs to that measurement alone.
// Usage: node bench/measure.mjs <raw-csv|raw-ndjson|reader|profile|profile-one-thread> <file>
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parse } from 'csv-parse';
import { openSource, profileDataset } from '../dist/index.js';

const [kind, file] = process.argv.slice(2);
const started = process.hrtime.bigint();
let rows = 0;
if (kind === 'raw-csv') {
  // csv-parse in its fastest configuration: records as arrays, no casting.
  const parser = createReadStream(file).pipe(parse({ relax_column_count: true }));
  parser.on('data', () => rows++);
  await new Promise((resolve, reject) => parser.on('end', resolve).on('error', reject));
  rows -= 1; // header
} else if (kind === 'raw-ndjson') {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.length > 0) {
      JSON.parse(line);
      rows++;
    }
  }
} else if (kind === 'reader') {
  // stitchscan's own reader alone (decode, parse, flatten), to split the cost of profiling.
  const source = await openSource(file);
  for await (const batch of source.batches()) rows += batch.length;
} else if (kind === 'profile' || kind === 'profile-one-thread') {
  const profile = await profileDataset(file, { sketches: false, threads: kind === 'profile' ? undefined : false });
  rows = profile.rowCount;
} else {
  throw new Error(`unknown measurement ${kind}`);
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
process.stdout.write(JSON.stringify({ kind, rows, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
