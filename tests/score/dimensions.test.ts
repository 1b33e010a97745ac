import { describe, expect, it } from 'vitest';
import { DATASET_DIMENSIONS, keyColumnQuality } from '../../src/score/dimensions';
import { DEFAULT_THRESHOLDS, DEFAULT_WEIGHTS } from '../../src/score/options';
import { cleanDataset, facts, keyColumn } from './_facts';

const options = { weights: { ...DEFAULT_WEIGHTS }, thresholds: { ...DEFAULT_THRESHOLDS } };
const score = (dimension: keyof typeof DATASET_DIMENSIONS, d = cleanDataset('a'), f = facts(d, cleanDataset('b'))) => DATASET_DIMENSIONS[dimension](d, f, options).score;

describe('dimension formulas (docs/scoring.md)', () => {
  it('identity coverage is the share of rows with a usable key', () => {
    expect(score('identityCoverage', cleanDataset('a', { keyedRows: 730 }))).toBeCloseTo(73);
    expect(score('identityCoverage', cleanDataset('a', { rows: 0, keyedRows: 0 }))).toBeNull();
  });

  it('key quality counts each problem of a value once and averages the columns', () => {
    const email = keyColumn({ checked: 1000, invalid: 10, junkRows: 5, fixes: { mixedCase: 85, padded: 50, mixedFormats: 0 } });
    expect(keyColumnQuality(email)).toBeCloseTo(85);
    const phone = keyColumn({ column: 'phone', kind: 'phone', checked: 500, fixes: { mixedCase: 0, padded: 0, mixedFormats: 250 } });
    expect(score('keyQuality', cleanDataset('a', { keyColumns: [email, phone] }))).toBeCloseTo((85 + 50) / 2);
    expect(keyColumnQuality(keyColumn({ checked: 10, invalid: 8, fixes: { mixedCase: 8, padded: 8, mixedFormats: 0 } }))).toBe(0);
    expect(score('keyQuality', cleanDataset('a', { keyColumns: [] }))).toBeNull();
  });

  it('joinability weighs reaching the hub 0.3 and linked rows 0.7, and needs two datasets', () => {
    expect(score('joinability', cleanDataset('a', { linkedRows: 500 }))).toBeCloseTo(30 + 35);
    expect(score('joinability', cleanDataset('a', { linkedRows: 0, reachesHub: false }))).toBe(0);
    const alone = cleanDataset('a');
    expect(score('joinability', alone, facts(alone))).toBeNull();
  });

  it('completeness is the mean fill rate of identity columns and present attribute groups', () => {
    const d = cleanDataset('a', { keyColumns: [keyColumn({ completeness: 0.5 })], attributes: { name: 1, location: null, consent: 0.5, dates: 1 } });
    expect(score('completeness', d)).toBeCloseTo((100 * (0.5 + 1 + 0.5 + 1)) / 4);
  });

  it('consistency loses each problem weight times its affected share', () => {
    const d = cleanDataset('a', {
      consistency: [
        { problem: 'mixedDateFormats', column: 'created', affected: 500, total: 1000 },
        { problem: 'excelMangled', column: 'id', affected: 100, total: 1000 },
      ],
    });
    expect(score('consistency', d)).toBeCloseTo(100 - 15 - 4);
  });

  it('freshness is 100 up to freshDays, 0 from staleDays, linear between', () => {
    expect(score('freshness', cleanDataset('a', { newestAgeDays: 30 }))).toBe(100);
    expect(score('freshness', cleanDataset('a', { newestAgeDays: 365 }))).toBe(0);
    expect(score('freshness', cleanDataset('a', { newestAgeDays: 197.5 }))).toBeCloseTo(50);
    expect(score('freshness', cleanDataset('a', { newestAgeDays: null }))).toBeNull();
  });

  it('uniqueness loses 5 points per percent of duplicate rows, and skips datasets that are not customer lists', () => {
    expect(score('uniqueness', cleanDataset('a', { duplicates: { column: 'email', duplicateRows: 30, duplicatedValues: 30, exact: true } }))).toBeCloseTo(85);
    expect(score('uniqueness', cleanDataset('a', { duplicates: { column: 'email', duplicateRows: 400, duplicatedValues: 30, exact: true } }))).toBe(0);
    expect(score('uniqueness', cleanDataset('a', { duplicates: null }))).toBeNull();
  });
});
