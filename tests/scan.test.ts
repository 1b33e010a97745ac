import { readFileSync } from 'node:fs';
import { DEMO_NOW } from './helpers/fixtures';
import { beforeAll, describe, expect, it } from 'vitest';
import { FINDING_CODES, scan, ScanReportSchema, TOOL_VERSION, type ScanReport } from '../src/index';

const NOW = DEMO_NOW;
const truth = JSON.parse(readFileSync('fixtures/ground-truth.json', 'utf8')) as { stitching: { excludingJunkEmails: { profiles: number } } };

describe('scan() on the fixtures', () => {
  let report: ScanReport;
  beforeAll(async () => {
    report = await scan(
      [
        { input: 'fixtures/crm/customers.csv', role: 'crm' },
        { input: 'fixtures/web/events.ndjson.gz', role: 'web' },
        { input: 'fixtures/email/subscribers.csv', role: 'email' },
        { input: 'fixtures/social/followers.json', role: 'social' },
      ],
      { region: 'GB', now: NOW },
    );
  }, 120_000);

  it('returns a report that matches the published schema', () => {
    expect(() => ScanReportSchema.parse(report)).not.toThrow();
    expect(report.schemaVersion).toBe(1);
    expect(report.tool).toEqual({ name: 'stitchscan', version: TOOL_VERSION });
    expect(report.generatedAt).toBe('2026-11-05T00:00:00.000Z');
    expect(report.inputs.map((i) => [i.dataset, i.role])).toEqual([
      ['customers', 'crm'],
      ['events', 'web'],
      ['subscribers', 'email'],
      ['followers', 'social'],
    ]);
    expect(report.options).toMatchObject({ region: 'GB', hub: 'customers', mask: true });
    expect(report.datasets.every((d) => d.sketch === undefined && d.columns.every((c) => c.sketch === undefined))).toBe(true);
  });

  it('holds the joins, the hashed-email join with its recipe, and the exact stitch', () => {
    const accepted = report.joins.filter((j) => j.accepted);
    expect(accepted).toHaveLength(7);
    const hashed = accepted.find((j) => j.left.column === 'email' && j.right.column === 'traits.email_sha256');
    expect(hashed?.transform).toBe('sha256(lower(trim(email)))');
    expect(report.graph.stitch.exact).toBe(true);
    expect(truth.stitching.excludingJunkEmails.profiles).toBe(9035);
    expect(report.graph.stitch.unifiedProfiles).toBe(truth.stitching.excludingJunkEmails.profiles);
    expect(report.graph.unreachable).toEqual([]);
  });

  it('scores every dimension with a basis, per dataset and overall', () => {
    const { score } = report;
    expect(score.overall).toBeGreaterThan(50);
    expect(score.overall).toBeLessThan(100);
    expect(score.dimensions.map((d) => d.dimension)).toEqual(['identityCoverage', 'keyQuality', 'joinability', 'completeness', 'consistency', 'freshness', 'uniqueness']);
    for (const d of score.dimensions) expect(d.basis.length).toBeGreaterThan(10);
    expect(score.perDataset.map((p) => p.dataset)).toEqual(['customers', 'events', 'subscribers', 'followers']);
    // events is a log, not a customer list; subscribers lists an address once per mailing list
    const uniqueness = (name: string) => score.perDataset.find((p) => p.dataset === name)!.dimensions.find((d) => d.dimension === 'uniqueness')!.score;
    expect(uniqueness('events')).toBeNull();
    expect(uniqueness('subscribers')).toBeNull();
    expect(uniqueness('customers')).toBe(85);
  });

  it('finds the fixture defects documented in fixtures/README.md, sorted by impact', () => {
    const at = (code: string, dataset: string, column: string | null) => report.findings.find((f) => f.code === code && f.dataset === dataset && f.column === column);
    expect(at('EMAIL_MIXED_CASE', 'customers', 'email')?.evidence).toMatchObject({ affected: 427 });
    expect(at('EMAIL_MIXED_CASE', 'subscribers', 'Email Address')?.evidence).toMatchObject({ affected: 917, checked: 3000 });
    expect(at('KEY_WHITESPACE', 'customers', 'email')?.evidence).toMatchObject({ affected: 158 });
    expect(at('JUNK_IDENTIFIER', 'customers', 'email')?.evidence).toMatchObject({ rows: 14, values: 5 });
    expect(at('DUPLICATE_CUSTOMERS', 'customers', 'email')?.evidence).toMatchObject({ duplicateRows: 150 });
    expect(at('PHONE_MULTIPLE_FORMATS', 'customers', 'phone')?.evidence).toMatchObject({ formats: 3 });
    for (const f of report.findings) {
      expect(Object.keys(FINDING_CODES)).toContain(f.code);
      expect(f.impact.gain).toBeGreaterThanOrEqual(0);
      // masked by default: no raw e-mail address in any message
      expect(f.message).not.toMatch(/\b[a-z0-9.]+@(test\.com|none\.com|email\.com)/);
    }
    const gains = report.findings.map((f) => f.impact.gain);
    expect(gains).toEqual([...gains].sort((a, b) => b - a));
  });
});

describe('scan() options and inputs', () => {
  const rowsA = Array.from({ length: 50 }, (_, i) => ({ id: `A${i}`, email: `p${i}@fellmail.co.uk`, updated: '2026-10-30' }));
  const rowsB = Array.from({ length: 40 }, (_, i) => ({ email: `P${i}@FellMail.co.uk`, score: i }));

  it('names unnamed rows dataset1, dataset2 and takes names and roles', async () => {
    const r = await scan([rowsA, { input: rowsB, name: 'list', role: 'email' }], { now: NOW });
    expect(r.inputs).toEqual([
      { dataset: 'dataset1', role: 'other', path: null },
      { dataset: 'list', role: 'email', path: null },
    ]);
    expect(r.joins.some((j) => j.accepted && j.keyKind === 'email')).toBe(true);
    expect(r.findings.some((f) => f.code === 'EMAIL_MIXED_CASE' && f.dataset === 'list')).toBe(true);
  });

  it('keyHints.ignore keeps a column out of the joins and the stitch', async () => {
    const r = await scan([{ input: rowsA, name: 'a' }, { input: rowsB, name: 'b' }], { now: NOW, keyHints: { ignore: [{ dataset: 'b', column: 'email' }] } });
    expect(r.joins.filter((j) => j.accepted)).toEqual([]);
    expect(r.joins.find((j) => j.keyKind === 'email')?.reasons).toContain('ignored_by_user');
    expect(r.graph.stitch.columnsUsed).not.toContainEqual({ dataset: 'b', column: 'email' });
    expect(r.findings.map((f) => f.code)).toContain('DATASET_UNREACHABLE');
  });

  it.each([
    [{ weights: { joinability: -1 } }, /Invalid option weights\.joinability/],
    [{ weigths: { joinability: 1 } }, /Invalid option weigths: no such field, got \{"joinability":1\}/],
    [{ hub: 'nope' }, /no dataset is named nope/],
    [{ thresholds: { freshDays: 10, staleDays: 5 } }, /staleDays: must be more than freshDays/],
    [{ keyHints: { force: [{ dataset: 'a', column: 'nope' }] } }, /keyHints\.force: a has no column nope/],
  ])('rejects bad options with E_INVALID_OPTION: %j', async (options, message) => {
    await expect(scan([{ input: rowsA, name: 'a' }], { now: NOW, ...(options as object) })).rejects.toThrow(message);
  });

  it('rejects duplicate names before reading anything', async () => {
    await expect(scan(['fixtures/crm/customers.csv', 'elsewhere/customers.csv'])).rejects.toMatchObject({ code: 'E_DUPLICATE_DATASET' });
    await expect(scan([])).rejects.toMatchObject({ code: 'E_INVALID_OPTION' });
  });
});
