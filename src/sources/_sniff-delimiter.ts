/** Delimiters the sniffer chooses among, in order of preference on a tie. */
export const CANDIDATE_DELIMITERS = [',', '\t', ';', '|'] as const;

const SAMPLE_CHARS = 64 * 1024;
const SAMPLE_RECORDS = 200;

/**
 * Picks the field delimiter of delimited text from its first ~64 KB: for each candidate, the
 * number of delimiters outside quotes in each record; the candidate whose most common non-zero
 * count holds in the largest share of records wins, then the one with more fields, then the
 * earlier in `, \t ; |`. Expects line breaks already normalised to `\n`.
 *
 * @param text the start of the input
 * @returns one of `,` `\t` `;` `|` (`,` when no candidate occurs)
 */
export function sniffDelimiter(text: string): string {
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  const perRecord: number[][] = CANDIDATE_DELIMITERS.map(() => []);
  const current = CANDIDATE_DELIMITERS.map(() => 0);
  let inQuotes = false;
  let recordHasText = false;
  let records = 0;
  const endRecord = (): void => {
    if (recordHasText) {
      current.forEach((count, d) => perRecord[d]?.push(count));
      records++;
    }
    current.fill(0);
    recordHasText = false;
  };
  for (let i = 0; i < sample.length && records < SAMPLE_RECORDS; i++) {
    const c = sample[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && c === '\n') {
      endRecord();
      continue;
    } else if (!inQuotes) {
      const d = CANDIDATE_DELIMITERS.indexOf(c as (typeof CANDIDATE_DELIMITERS)[number]);
      if (d !== -1) current[d] = (current[d] ?? 0) + 1;
    }
    recordHasText = true;
  }
  // The last record of a cut sample may be partial; keep it only if it is the only one.
  if (records === 0) endRecord();

  let best: string = ',';
  let bestConsistency = 0;
  let bestFields = 0;
  CANDIDATE_DELIMITERS.forEach((delimiter, d) => {
    const counts = perRecord[d] ?? [];
    const [mode, frequency] = modeOf(counts);
    if (mode === 0 || counts.length === 0) return;
    const consistency = frequency / counts.length;
    if (consistency > bestConsistency || (consistency === bestConsistency && mode > bestFields)) {
      best = delimiter;
      bestConsistency = consistency;
      bestFields = mode;
    }
  });
  return best;
}

/** Most frequent value (the larger on a tie) and how often it occurs. */
function modeOf(values: readonly number[]): [number, number] {
  const frequencies = new Map<number, number>();
  for (const value of values) frequencies.set(value, (frequencies.get(value) ?? 0) + 1);
  let mode = 0;
  let frequency = 0;
  for (const [value, count] of frequencies) {
    if (count > frequency || (count === frequency && value > mode)) {
      mode = value;
      frequency = count;
    }
  }
  return [mode, frequency];
}
