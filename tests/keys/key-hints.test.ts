import { describe, expect, it } from 'vitest';
import { findJoins } from '../../src/keys/find-joins';
import { applyKeyHints, KeyHintsSchema } from '../../src/keys/key-hints';
import type { JoinCandidate } from '../../src/model';
import { profileDataset } from '../../src/profile/dataset';

const ref = (text: string): { dataset: string; column: string } => {
  const [dataset, column] = text.split('.') as [string, string];
  return { dataset, column };
};

/** A measured candidate with only what the hints read filled in meaningfully. */
function candidate(left: string, right: string, matchedValues: number, confidence: number, accepted = false): JoinCandidate {
  return {
    left: ref(left),
    right: ref(right),
    keyKind: 'email',
    transform: 'lower(trim(email))',
    transformSide: 'both',
    matchedValues,
    distinctLeft: 100,
    distinctRight: 100,
    containmentLeft: 0,
    containmentRight: 0,
    jaccard: 0,
    matchRateLeft: 0,
    matchRateRight: 0,
    cardinality: '1:1',
    nameSimilarity: 0,
    confidence,
    accepted,
    rule: 'identity',
    explanation: '',
    reasons: accepted ? [] : ['low_containment'],
    selfJoin: false,
    exact: true,
    sampleRate: 1,
    recipes: [],
    junkExcluded: 0,
  };
}

const hints = (input: Parameters<typeof KeyHintsSchema.parse>[0]) => KeyHintsSchema.parse(input);

describe('applyKeyHints', () => {
  it('rejects every candidate touching an ignored column, on either side, with one reason', () => {
    const cs = [candidate('a.email', 'b.email', 50, 0.9, true), candidate('c.email', 'a.email', 40, 0.8, true), candidate('b.email', 'c.email', 30, 0.7, true)];
    applyKeyHints(cs, hints({ ignore: [ref('a.email'), ref('a.email')] }));
    expect(cs.map((c) => c.accepted)).toEqual([false, false, true]);
    expect(cs[0]!.reasons).toEqual(['ignored_by_user']);
    expect(cs[1]!.reasons).toEqual(['ignored_by_user']);
    expect(cs[2]!.reasons).toEqual([]);
  });

  it('accepts the forced column\'s candidate with most shared values (then confidence), never an ignored or empty one', () => {
    const cs = [
      candidate('a.email', 'b.email', 0, 0.95),
      candidate('a.email', 'c.email', 20, 0.4),
      candidate('d.email', 'a.email', 20, 0.5),
      candidate('a.email', 'e.email', 90, 0.9),
    ];
    applyKeyHints(cs, hints({ force: [ref('a.email')], ignore: [ref('e.email')] }));
    expect(cs.map((c) => c.accepted)).toEqual([false, false, true, false]);
    expect(cs[2]!.reasons).toContain('forced_by_user');
    expect(cs.filter((c) => c.reasons.includes('forced_by_user'))).toHaveLength(1);
    expect(cs[3]!.reasons).toContain('ignored_by_user');
  });

  it('forces nothing when a candidate of the column is accepted already, or none shares a value', () => {
    const accepted = [candidate('a.email', 'b.email', 10, 0.9, true), candidate('a.email', 'c.email', 80, 0.5)];
    applyKeyHints(accepted, hints({ force: [ref('a.email')] }));
    expect(accepted.map((c) => c.accepted)).toEqual([true, false]);
    const empty = [candidate('a.email', 'b.email', 0, 0.9)];
    applyKeyHints(empty, hints({ force: [ref('a.email')] }));
    expect(empty[0]!.accepted).toBe(false);
    expect(empty[0]!.reasons).not.toContain('forced_by_user');
  });
});

describe('findJoins with keyHints.force', () => {
  it('accepts a rejected candidate of the forced column and explains it as accepted', async () => {
    // 4 shared emails of 100 on each side: too little containment to be accepted on its own
    const emails = (from: number) => Array.from({ length: 100 }, (_, i) => ({ email: `person.${from + i}@fellside.co.uk` }));
    const profiles = [
      await profileDataset(emails(0), { name: 'crm', region: 'GB', profiledAt: '2026-01-01' }),
      await profileDataset(emails(96), { name: 'list', region: 'GB', profiledAt: '2026-01-01' }),
    ];
    const plain = findJoins(profiles, { includeRejected: true }).find((c) => c.keyKind === 'email')!;
    expect(plain.accepted).toBe(false);
    expect(plain.matchedValues).toBe(4);
    const forced = findJoins(profiles, { includeRejected: true, keyHints: { force: [{ dataset: 'list', column: 'email' }] } }).find((c) => c.keyKind === 'email')!;
    expect(forced.accepted).toBe(true);
    expect(forced.reasons).toContain('forced_by_user');
    expect(forced.explanation).not.toMatch(/^Not a join/);
  });
});
