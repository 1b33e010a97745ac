import { describe, expect, it } from 'vitest';
import { profileDataset } from '../../src/profile/dataset';
import { duplicateFactsOf } from '../../src/score/duplicates';
import { DEMO_FIXTURES, FIXTURE_PROFILE_OPTIONS } from '../helpers/fixtures';

describe('duplicateFactsOf', () => {
  it('counts the 150 customers entered twice, exactly within the key budget', async () => {
    const profile = await profileDataset(DEMO_FIXTURES.customers, FIXTURE_PROFILE_OPTIONS);
    expect(duplicateFactsOf(profile)).toEqual({ column: 'email', duplicateRows: 150, duplicatedValues: 150, exact: true });
  });

  it('estimates them from the coordinated sample past the budget, not from the recipe hashes kept with it', async () => {
    const profile = await profileDataset(DEMO_FIXTURES.customers, { ...FIXTURE_PROFILE_OPTIONS, keyBudget: 1024 });
    const facts = duplicateFactsOf(profile)!;
    expect(facts.exact).toBe(false);
    // a 1-in-8 sample of 150 duplicates: the estimate moves around 150, it does not grow with the level
    expect(facts.duplicateRows).toBeGreaterThanOrEqual(60);
    expect(facts.duplicateRows).toBeLessThanOrEqual(260);
  });

  it('leaves lists that repeat a person by design alone: events (a log) and subscribers (one row per list)', async () => {
    for (const name of ['events', 'subscribers'] as const) {
      const profile = await profileDataset(DEMO_FIXTURES[name], FIXTURE_PROFILE_OPTIONS);
      expect(duplicateFactsOf(profile), name).toBeNull();
    }
  });
});
