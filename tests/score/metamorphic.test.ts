import { DEMO_NOW } from '../helpers/fixtures';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dimension, ScanReport } from '../../src/model';
import { scan } from '../../src/scan';
import { ESTATE_FILES, findingIn, loadEstate, overallDimension, preciseOverall, refText, type DatasetName, type Estate, type FindingRef, type Row } from '../helpers/estate';

// Metamorphic tests of the readiness score: spoiling one aspect of a fixture dataset must lower the
// dimension that measures it and the overall score, and raise the finding that names it; putting
// the rows back (the baseline scan of the untouched rows is the repaired data) raises them again.
// Every scan is of in-memory copies of the fixture rows, so a degradation is a plain row rewrite.

const NOW = DEMO_NOW;
const TWO_YEARS_LATER = '2028-11-05T00:00:00Z';
const SCAN_TIMEOUT = 60_000;


function scanEstate(estate: Estate, now = NOW): Promise<ScanReport> {
  const inputs = (Object.keys(ESTATE_FILES) as DatasetName[]).map((name) => ({ input: estate[name], name }));
  return scan(inputs, { now, region: 'GB' });
}

const datasetDimension = (r: ScanReport, dataset: string, d: Dimension): number | null =>
  r.score.perDataset.find((x) => x.dataset === dataset)?.dimensions.find((x) => x.dimension === d)?.score ?? null;


// Row rewrites. Every choice of rows is by position, so each run degrades the same rows.
const DAY_FIRST = /^(\d\d)\/(\d\d)\/(\d{4})$/;
const rewriteDate = (value: unknown, to: (dd: string, mm: string, yyyy: string) => string): unknown => {
  const m = typeof value === 'string' ? DAY_FIRST.exec(value) : null;
  return m === null ? value : to(m[1]!, m[2]!, m[3]!);
};
const JUNK_EMAILS = ['test@test.com', 'noemail@example.com', 'none@none.com', 'no@email.com'];

interface Degradation {
  name: string;
  /** the dataset degraded: its own dimensions must drop as well as the overall ones */
  dataset: DatasetName;
  /** dimensions that must drop, for the dataset and overall */
  lowers: Dimension[];
  /** findings that must be raised (or be worth more than in the baseline) */
  raises: FindingRef[];
  degrade: (estate: Estate) => Estate;
  /** scan time, to age the data without touching it */
  now?: string;
}

const DEGRADATIONS: Degradation[] = [
  {
    name: 'blank keys on 30% of customers',
    // customer_id too, though the stitch of these three datasets does not use it (nothing else
    // carries it): a row counts as unkeyed only when none of its identity values is left
    dataset: 'customers',
    lowers: ['identityCoverage', 'completeness', 'joinability'],
    raises: [
      { code: 'IDENTITY_KEY_MISSING', dataset: 'customers', column: null },
      { code: 'IDENTITY_COLUMN_SPARSE', dataset: 'customers', column: 'email' },
    ],
    degrade: (e) => ({ ...e, customers: e.customers.map((r, i) => (i % 10 < 3 ? { ...r, customer_id: '', email: '', phone: '' } : r)) }),
  },
  {
    name: 'half of created_date to yyyy-MM-dd',
    dataset: 'customers',
    lowers: ['consistency'],
    raises: [{ code: 'DATE_MIXED_FORMATS', dataset: 'customers', column: 'created_date' }],
    degrade: (e) => ({ ...e, customers: e.customers.map((r, i) => (i % 2 === 0 ? { ...r, created_date: rewriteDate(r.created_date, (d, m, y) => `${y}-${m}-${d}`) } : r)) }),
  },
  {
    // Both orders now have evidence (days above 12 in each position), so the profiler reads the
    // column as mixed dd/MM and MM/dd rather than ambiguous.
    name: 'half of created_date to MM/dd/yyyy',
    dataset: 'customers',
    lowers: ['consistency'],
    raises: [{ code: 'DATE_MIXED_FORMATS', dataset: 'customers', column: 'created_date' }],
    degrade: (e) => ({ ...e, customers: e.customers.map((r, i) => (i % 2 === 0 ? { ...r, created_date: rewriteDate(r.created_date, (d, m, y) => `${m}/${d}/${y}`) } : r)) }),
  },
  {
    // No value of the column shows its order any more (every day is 12 or less).
    name: 'created_date days clamped to <= 12',
    dataset: 'customers',
    lowers: ['consistency'],
    raises: [{ code: 'DATE_AMBIGUOUS_ORDER', dataset: 'customers', column: 'created_date' }],
    degrade: (e) => ({ ...e, customers: e.customers.map((r) => ({ ...r, created_date: rewriteDate(r.created_date, (d, m, y) => `${String(Math.min(12, Number(d))).padStart(2, '0')}/${m}/${y}`) })) }),
  },
  {
    name: 'followers without hashedEmail',
    dataset: 'followers',
    lowers: ['joinability'],
    raises: [{ code: 'DATASET_UNREACHABLE', dataset: 'followers', column: null }],
    degrade: (e) => ({ ...e, followers: e.followers.map(({ 'follower.hashedEmail': _hash, ...r }) => r) }),
  },
  {
    name: '10% junk subscriber emails',
    dataset: 'subscribers',
    lowers: ['keyQuality', 'identityCoverage'],
    raises: [{ code: 'JUNK_IDENTIFIER', dataset: 'subscribers', column: 'Email Address' }],
    degrade: (e) => ({ ...e, subscribers: e.subscribers.map((r, i) => (i % 10 === 0 ? { ...r, 'Email Address': JUNK_EMAILS[(i / 10) % JUNK_EMAILS.length] } : r)) }),
  },
  {
    name: 'timestamps aged two years',
    // the rows stay as they are; the scan is run two years after the fixture's reference date
    dataset: 'customers',
    lowers: ['freshness'],
    raises: [
      { code: 'STALE_DATA', dataset: 'customers', column: 'last_order_date' },
      { code: 'STALE_DATA', dataset: 'subscribers', column: 'Subscribed At' },
      { code: 'STALE_DATA', dataset: 'followers', column: 'follower.followedAt' },
    ],
    degrade: (e) => e,
    now: TWO_YEARS_LATER,
  },
  {
    name: '20% duplicated customers',
    // every fifth row again, with a new customer_id and the email upper-cased
    dataset: 'customers',
    lowers: ['uniqueness', 'keyQuality'],
    raises: [
      { code: 'DUPLICATE_CUSTOMERS', dataset: 'customers', column: 'email' },
      { code: 'EMAIL_MIXED_CASE', dataset: 'customers', column: 'email' },
    ],
    degrade: (e) => {
      const copies = e.customers
        .filter((_, i) => i % 5 === 0)
        .map((r, i) => ({ ...r, customer_id: `C9${String(i).padStart(5, '0')}`, email: typeof r.email === 'string' ? r.email.toUpperCase() : r.email }));
      return { ...e, customers: [...e.customers, ...copies] };
    },
  },
];

let fixture: Estate;
let baseline: ScanReport;
const degraded = new Map<string, Promise<ScanReport>>();
/** The scan of a degradation, run once and shared by the tests that need it. */
function degradedReport(d: Degradation): Promise<ScanReport> {
  let report = degraded.get(d.name);
  if (report === undefined) degraded.set(d.name, (report = scanEstate(d.degrade(fixture), d.now)));
  return report;
}

beforeAll(async () => {
  fixture = await loadEstate();
  baseline = await scanEstate(fixture);
}, 120_000);

describe('the baseline (untouched fixture rows)', () => {
  it('scores every dimension the degradations below lower, with room to fall', () => {
    for (const d of DEGRADATIONS) {
      for (const dimension of d.lowers) {
        expect(datasetDimension(baseline, d.dataset, dimension), `${d.dataset} ${dimension}`).toBeGreaterThan(0);
        expect(overallDimension(baseline, dimension), dimension).toBeGreaterThan(0);
      }
    }
  });
});

describe.each(DEGRADATIONS.map((d) => [d.name, d] as const))('%s', (_name, d) => {
  let report: ScanReport;
  beforeAll(async () => {
    report = await degradedReport(d);
  }, SCAN_TIMEOUT * 2);

  it(`lowers ${d.lowers.join(', ')} of ${d.dataset}, and overall`, () => {
    for (const dimension of d.lowers) {
      expect(datasetDimension(report, d.dataset, dimension), `${d.dataset} ${dimension}`).toBeLessThan(datasetDimension(baseline, d.dataset, dimension)!);
      expect(overallDimension(report, dimension), `overall ${dimension}`).toBeLessThan(overallDimension(baseline, dimension)!);
    }
  });

  it('lowers the overall score', () => {
    expect(report.score.overall).toBeLessThan(baseline.score.overall);
    expect(preciseOverall(report)).toBeLessThan(preciseOverall(baseline));
  });

  it(`raises ${d.raises.map(refText).join(', ')}`, () => {
    for (const ref of d.raises) {
      const now = findingIn(report, ref);
      expect(now, refText(ref)).toBeDefined();
      // a problem the fixture already had must have grown: it is worth more to fix now
      const before = findingIn(baseline, ref);
      if (before !== undefined) expect(now!.impact.gain, refText(ref)).toBeGreaterThan(before.impact.gain);
    }
  });

  // Repairing it gives the fixture rows back, whose scores the first test compares: here the
  // degraded report's own findings must promise a gain in the same direction.
  it('its findings predict that repairing it raises the dimension and the overall score', () => {
    for (const ref of d.raises) {
      const impact = findingIn(report, ref)!.impact;
      expect(impact.scoreAfter, refText(ref)).toBeGreaterThan(impact.scoreBefore);
      expect(impact.dimensionAfter, refText(ref)).toBeGreaterThan(impact.dimensionBefore);
    }
  });
});

describe('repairing the fixture defects themselves: lower-casing and trimming the emails', () => {
  const EMAIL_COLUMNS: readonly { dataset: 'customers' | 'subscribers'; column: string }[] = [
    { dataset: 'customers', column: 'email' },
    { dataset: 'subscribers', column: 'Email Address' },
  ];
  const REPAIRED: readonly FindingRef[] = [
    { code: 'EMAIL_MIXED_CASE', dataset: 'customers', column: 'email' },
    { code: 'KEY_WHITESPACE', dataset: 'customers', column: 'email' },
    { code: 'EMAIL_MIXED_CASE', dataset: 'subscribers', column: 'Email Address' },
  ];
  let repaired: ScanReport;
  beforeAll(async () => {
    const clean = (rows: Row[], column: string): Row[] => rows.map((r) => ({ ...r, [column]: typeof r[column] === 'string' ? r[column].trim().toLowerCase() : r[column] }));
    const estate = { ...fixture };
    for (const { dataset, column } of EMAIL_COLUMNS) estate[dataset] = clean(estate[dataset], column);
    repaired = await scanEstate(estate);
  }, SCAN_TIMEOUT * 2);

  it('raises keyQuality of both datasets and overall, and the overall score', () => {
    for (const { dataset } of EMAIL_COLUMNS) expect(datasetDimension(repaired, dataset, 'keyQuality'), dataset).toBeGreaterThan(datasetDimension(baseline, dataset, 'keyQuality')!);
    expect(overallDimension(repaired, 'keyQuality')).toBeGreaterThan(overallDimension(baseline, 'keyQuality')!);
    expect(repaired.score.overall).toBeGreaterThan(baseline.score.overall);
  });

  it('clears the case and whitespace findings of those columns', () => {
    for (const ref of REPAIRED) {
      expect(findingIn(baseline, ref), `baseline ${refText(ref)}`).toBeDefined();
      expect(findingIn(repaired, ref), `repaired ${refText(ref)}`).toBeUndefined();
    }
  });

  it('gains what the three findings promised together (keyQuality is linear in the counts they repair)', () => {
    const promised = REPAIRED.reduce((sum, ref) => sum + findingIn(baseline, ref)!.impact.gain, 0);
    // each gain is rounded to 2 decimals: three roundings and the difference of two rounded scores
    expect(preciseOverall(repaired) - preciseOverall(baseline)).toBeCloseTo(promised, 1);
    expect(Math.abs(preciseOverall(repaired) - preciseOverall(baseline) - promised)).toBeLessThanOrEqual(0.03);
  });
});

// Placeholders in a list export must not break the composite key `Email Address + List`: the
// subscribers' per-list memberships (220 addresses on both lists, none repeated within a list) are
// no duplicate customers. cellHash() in src/profile/key-sample.ts hashes placeholder emails as nulls.
describe('junk identifiers in a list export', () => {
  const junk = DEGRADATIONS.find((d) => d.dataset === 'subscribers')!;

  it('do not turn per-list memberships into duplicate customers', async () => {
    const report = await degradedReport(junk);
    expect(findingIn(baseline, { code: 'DUPLICATE_CUSTOMERS', dataset: 'subscribers', column: 'Email Address' })).toBeUndefined();
    expect(findingIn(report, { code: 'DUPLICATE_CUSTOMERS', dataset: 'subscribers', column: 'Email Address' })).toBeUndefined();
    expect(datasetDimension(report, 'subscribers', 'uniqueness')).toBeNull();
  }, SCAN_TIMEOUT);
});
