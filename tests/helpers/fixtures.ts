/** The four demo datasets (fixtures/README.md), by dataset name. */
export const DEMO_FIXTURES = {
  customers: 'fixtures/crm/customers.csv',
  events: 'fixtures/web/events.ndjson.gz',
  subscribers: 'fixtures/email/subscribers.csv',
  followers: 'fixtures/social/followers.json',
} as const;
export type DemoFixture = keyof typeof DEMO_FIXTURES;

/** Profile options that make fixture profiles reproducible: the fixtures' region, a pinned clock. */
export const FIXTURE_PROFILE_OPTIONS = { region: 'GB', profiledAt: '2026-11-05T00:00:00Z' } as const;

/** The clock the docs' worked examples are pinned to (fixtures/README.md's data ends 2026-11-01). */
export const DEMO_NOW = '2026-11-05T00:00:00Z';
