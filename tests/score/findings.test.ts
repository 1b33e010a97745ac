import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IdentityGraph } from '../../src/model';
import type { DatasetFacts, ReadinessFacts } from '../../src/score/facts';
import { draftFindings, findingsWithImpact } from '../../src/score/findings';
import { FINDING_CODES, severityOf } from '../../src/score/findings/codes';
import { DEFAULT_THRESHOLDS, DEFAULT_WEIGHTS } from '../../src/score/options';
import { scoreWithPrecision } from '../../src/score/score';
import { cleanDataset, facts, keyColumn } from './_facts';

const options = { weights: { ...DEFAULT_WEIGHTS }, thresholds: { ...DEFAULT_THRESHOLDS } };

function graphOf(f: ReadinessFacts, hub = f.datasets[0]?.dataset ?? null): IdentityGraph {
  return {
    nodes: f.datasets.map((d) => ({ dataset: d.dataset, rows: d.rows, joins: 1 })),
    edges: [],
    components: [f.datasets.filter((d) => d.reachesHub).map((d) => d.dataset), ...f.datasets.filter((d) => !d.reachesHub).map((d) => [d.dataset])],
    hub,
    hubChosenBy: 'most_joins',
    unreachable: f.datasets.filter((d) => !d.reachesHub).map((d) => d.dataset),
    stitch: { unifiedProfiles: 0, exact: true, sampleRate: 1, columnsUsed: [], datasets: [], overlaps: [], sizeDistribution: [], largestClusters: [], junkExcluded: 0 },
    junk: [],
    caps: [],
  };
}

const findingsOf = (f: ReadinessFacts) => findingsWithImpact(draftFindings(f, [], [], graphOf(f), options), f, options);

describe('findings', () => {
  it('finds nothing in clean data', () => {
    expect(findingsOf(facts(cleanDataset('a'), cleanDataset('b')))).toEqual([]);
  });

  it('raises one finding per problem, with the dimension of its code, sorted by gain', () => {
    const f = facts(
      cleanDataset('crm', { keyColumns: [keyColumn({ fixes: { mixedCase: 90, padded: 10, mixedFormats: 0 } }), keyColumn({ column: 'phone', kind: 'phone', checked: 800, invalid: 40, fixes: { mixedCase: 0, padded: 0, mixedFormats: 300 }, formats: { e164: 500, national: 300 } })], duplicates: { column: 'email', duplicateRows: 40, duplicatedValues: 40, exact: true } }),
      cleanDataset('social', { reachesHub: false, linkedRows: 0, newestAgeDays: 400 }),
    );
    const found = findingsOf(f);
    expect(found.map((x) => x.code).sort()).toEqual(['DATASET_UNREACHABLE', 'DUPLICATE_CUSTOMERS', 'EMAIL_MIXED_CASE', 'KEY_INVALID', 'KEY_WHITESPACE', 'PHONE_MULTIPLE_FORMATS', 'STALE_DATA'].sort());
    for (const x of found) expect(x.dimension).toBe(FINDING_CODES[x.code as keyof typeof FINDING_CODES].dimension);
    const gains = found.map((x) => x.impact.gain);
    expect(gains).toEqual([...gains].sort((a, b) => b - a));
    const unreachable = found.find((x) => x.code === 'DATASET_UNREACHABLE')!;
    expect(unreachable.severity).toBe('high');
    expect(unreachable.impact.dimensionAfter).toBeGreaterThan(unreachable.impact.dimensionBefore);
  });

  it('states the score of the repaired facts, and leaves the facts alone', () => {
    const d = cleanDataset('crm', { keyColumns: [keyColumn({ fixes: { mixedCase: 200, padded: 0, mixedFormats: 0 } })] });
    const f = facts(d, cleanDataset('web'));
    const before = JSON.stringify(f);
    const [finding] = findingsOf(f);
    expect(JSON.stringify(f)).toBe(before);
    const repaired = facts(cleanDataset('crm'), cleanDataset('web'));
    expect(finding!.code).toBe('EMAIL_MIXED_CASE');
    expect(finding!.impact.scoreAfter).toBeCloseTo(scoreWithPrecision(repaired, options).score.overall, 1);
    expect(finding!.impact.scoreBefore).toBeCloseTo(scoreWithPrecision(f, options).score.overall, 1);
    expect(finding!.impact.gain).toBeCloseTo(finding!.impact.scoreAfter - finding!.impact.scoreBefore, 1);
  });

  it('severity follows the gain, never below the floor', () => {
    expect(severityOf('EMAIL_MIXED_CASE', 0.2)).toBe('low');
    expect(severityOf('EMAIL_MIXED_CASE', 1.5)).toBe('medium');
    expect(severityOf('EMAIL_MIXED_CASE', 3)).toBe('high');
    expect(severityOf('JUNK_IDENTIFIER', 0)).toBe('high');
    expect(severityOf('DATE_AMBIGUOUS_ORDER', 0)).toBe('medium');
  });

  const share = fc.double({ min: 0, max: 1, noNaN: true });
  const arbitraryDataset = (name: string): fc.Arbitrary<DatasetFacts> =>
    fc
      .record({
        rows: fc.integer({ min: 1, max: 10_000 }),
        keyed: share,
        linked: share,
        reach: fc.boolean(),
        checked: fc.integer({ min: 0, max: 10_000 }),
        problems: fc.tuple(share, share, share, share, share),
        completeness: share,
        attrs: fc.tuple(fc.option(share), fc.option(share), fc.option(share), fc.option(share)),
        dateShare: share,
        age: fc.option(fc.integer({ min: 0, max: 2000 })),
        dup: fc.option(share),
      })
      .map((r) => {
        const [invalid, junk, mixedCase, padded, mixedFormats] = r.problems.map((p) => Math.round(p * r.checked / 3));
        const keyedRows = Math.round(r.keyed * r.rows);
        return cleanDataset(name, {
          rows: r.rows,
          keyedRows,
          linkedRows: Math.round(r.linked * keyedRows),
          reachesHub: r.reach,
          keyColumns: [keyColumn({ checked: r.checked, invalid: invalid!, junkRows: junk!, completeness: r.completeness, fixes: { mixedCase: mixedCase!, padded: padded!, mixedFormats: mixedFormats! } })],
          attributes: { name: r.attrs[0], location: r.attrs[1], consent: r.attrs[2], dates: r.attrs[3] },
          consistency: r.dateShare > 0.5 ? [{ problem: 'mixedDateFormats', column: 'd', affected: Math.round(r.dateShare * 100), total: 100 }] : [],
          newestAgeDays: r.age,
          duplicates: r.dup === null ? null : { column: 'email', duplicateRows: Math.round(r.dup * r.rows / 2), duplicatedValues: 1, exact: true },
        });
      });

  it('fixing any finding never lowers the score, and never lifts it past 100 (property)', () => {
    fc.assert(
      fc.property(fc.tuple(arbitraryDataset('a'), arbitraryDataset('b'), arbitraryDataset('c')), ([a, b, c]) => {
        a.reachesHub = true; // the hub reaches itself
        const f = facts(a, b, c);
        for (const finding of findingsOf(f)) {
          expect(finding.impact.gain).toBeGreaterThanOrEqual(0);
          expect(finding.impact.scoreAfter).toBeLessThanOrEqual(100);
          expect(finding.impact.dimensionAfter).toBeGreaterThanOrEqual(finding.impact.dimensionBefore);
        }
      }),
      { numRuns: 200 },
    );
  });
});
