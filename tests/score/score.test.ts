import { describe, expect, it } from 'vitest';
import { gradeOf, verdictOf } from '../../src/score/grade';
import { parseOptions } from '../../src/options-error';
import { DEFAULT_THRESHOLDS, DEFAULT_WEIGHTS, resolveScoreOptions, ScoreOptionsSchema } from '../../src/score/options';
import { scoreWithPrecision } from '../../src/score/score';
import { cleanDataset, facts, keyColumn } from './_facts';

const options = { weights: { ...DEFAULT_WEIGHTS }, thresholds: { ...DEFAULT_THRESHOLDS } };

describe('scoreWithPrecision', () => {
  it('scores clean datasets 100, grade A', () => {
    const s = scoreWithPrecision(facts(cleanDataset('a'), cleanDataset('b')), options).score;
    expect(s.overall).toBe(100);
    expect(s.grade).toBe('A');
    expect(s.perDataset.map((p) => p.overall)).toEqual([100, 100]);
    expect(s.verdict).toBe('Ready for a single customer view.');
  });

  it('averages datasets per dimension and weighs dimensions', () => {
    const s = scoreWithPrecision(facts(cleanDataset('a', { keyedRows: 500 }), cleanDataset('b')), options).score;
    expect(s.dimensions.find((d) => d.dimension === 'identityCoverage')!.score).toBe(75);
    expect(s.overall).toBeCloseTo(100 - (25 * 20) / 100, 1);
  });

  it('leaves dimensions that do not apply out and shares their weight', () => {
    const s = scoreWithPrecision(facts(cleanDataset('a', { keyedRows: 0, newestAgeDays: null, duplicates: null })), options).score;
    const byName = new Map(s.dimensions.map((d) => [d.dimension, d]));
    expect(byName.get('joinability')!.score).toBeNull();
    expect(byName.get('freshness')!.score).toBeNull();
    expect(byName.get('joinability')!.weight).toBe(0);
    const weights = s.dimensions.reduce((n, d) => n + d.weight, 0);
    expect(weights).toBeCloseTo(1, 2);
    // identity coverage 0 with weight 20 among 20+20+10+10 (keyQuality, completeness, consistency)
    expect(s.overall).toBeCloseTo((100 * (20 + 10 + 10)) / 60, 1);
  });

  it('changes with user weights', () => {
    const f = facts(cleanDataset('a', { linkedRows: 0 }), cleanDataset('b', { linkedRows: 0 }));
    const base = scoreWithPrecision(f, options).score.overall;
    const heavier = scoreWithPrecision(f, resolveScoreOptions({ weights: { joinability: 100 } })).score.overall;
    const ignored = scoreWithPrecision(f, resolveScoreOptions({ weights: { joinability: 0 } })).score.overall;
    expect(heavier).toBeLessThan(base);
    expect(ignored).toBe(100);
  });

  it('completeness counts attribute groups no dataset holds', () => {
    const f = facts(cleanDataset('a', { attributes: { name: 1, location: 1, consent: null, dates: 1 } }), cleanDataset('b', { attributes: { name: 1, location: 1, consent: null, dates: 1 } }));
    expect(scoreWithPrecision(f, options).score.dimensions.find((d) => d.dimension === 'completeness')!.score).toBe(95);
  });
});

describe('grades, verdicts and options', () => {
  it.each([
    [95, 'A'],
    [90, 'A'],
    [89.9, 'B'],
    [70, 'C'],
    [65, 'D'],
    [50, 'E'],
    [49.9, 'F'],
    [0, 'F'],
  ] as const)('%s is grade %s', (score, grade) => expect(gradeOf(score)).toBe(grade));

  it('names the weakest dimension below 90', () => {
    expect(verdictOf('C', [{ dimension: 'keyQuality', score: 95 }, { dimension: 'joinability', score: 41.6 }, { dimension: 'freshness', score: null }])).toMatch(/weakest: joinability \(42\/100\)/);
  });

  it('rejects a stale threshold not above the fresh one, and all-zero weights', () => {
    expect(() => parseOptions(ScoreOptionsSchema, { thresholds: { freshDays: 90, staleDays: 60 } })).toThrow(/staleDays: must be more than freshDays/);
    const zero = Object.fromEntries(Object.keys(DEFAULT_WEIGHTS).map((k) => [k, 0]));
    expect(() => parseOptions(ScoreOptionsSchema, { weights: zero })).toThrow(/at least one dimension/);
    // the defaults of what is not given count: zero for one dimension is fine
    expect(parseOptions(ScoreOptionsSchema, { weights: { freshness: 0 } })).toEqual({ weights: { freshness: 0 } });
    expect(() => parseOptions(ScoreOptionsSchema, { weigths: {} })).toThrow(/Invalid option weigths: no such field/);
  });

  it('key column helper fills defaults', () => expect(keyColumn().checked).toBe(1000));
});
