import { buildIdentityGraph, findJoins, findJunkIdentifiers, fromRows, profileDataset, stripSketches, TOOL_VERSION, type DatasetProfile } from '../../src/index';
import { ScanReportSchema, type Finding, type ScanReport } from '../../src/model';

const FIXTURES = new URL('../../fixtures/', import.meta.url);
const AT = '2026-11-05T00:00:00Z';

/** A finding with every field set; the score figures are made up but consistent. */
function finding(partial: Partial<Finding> & Pick<Finding, 'code' | 'dimension' | 'message' | 'fix'>): Finding {
  return {
    severity: 'medium',
    dataset: null,
    column: null,
    evidence: {},
    impact: { scoreBefore: 71.4, scoreAfter: 73.9, gain: 2.5, dimensionBefore: 80, dimensionAfter: 92 },
    ...partial,
  };
}

async function assemble(profiles: DatasetProfile[], paths: (string | null)[], findings: Finding[]): Promise<ScanReport> {
  const junk = findJunkIdentifiers(profiles);
  const joins = findJoins(profiles, { junk });
  const graph = buildIdentityGraph(profiles, joins, { junk });
  const dims = (['identityCoverage', 'keyQuality', 'joinability', 'completeness', 'consistency', 'freshness', 'uniqueness'] as const).map((dimension, i) => ({
    dimension,
    score: dimension === 'freshness' ? null : 95 - i * 7,
    weight: dimension === 'freshness' ? 0 : 1 / 6,
    basis: `figures behind ${dimension}`,
  }));
  return ScanReportSchema.parse({
    schemaVersion: 1,
    tool: { name: 'stitchscan', version: TOOL_VERSION },
    generatedAt: AT,
    options: {
      region: 'GB',
      hub: null,
      mask: true,
      distinctBudget: 50_000,
      keyBudget: 100_000,
      linkBudget: 200_000,
      weights: { identityCoverage: 20, keyQuality: 20, joinability: 25, completeness: 10, consistency: 10, freshness: 5, uniqueness: 10 },
      thresholds: { freshDays: 30, staleDays: 365 },
    },
    inputs: profiles.map((p, i) => ({ dataset: p.name, role: (['crm', 'email', 'social'] as const)[i] ?? 'other', path: paths[i] ?? null })),
    datasets: profiles.map(stripSketches),
    joins,
    graph,
    score: {
      overall: 71.4,
      grade: 'C',
      verdict: 'Usable with work: fix the top three problems before building the customer view.',
      dimensions: dims,
      perDataset: profiles.map((p, i) => ({ dataset: p.name, overall: 80 - i * 10, grade: (['B', 'C', 'D'] as const)[i] ?? 'E', dimensions: dims })),
    },
    findings,
  });
}

/**
 * A ScanReport built from three real fixture datasets (customers, subscribers, followers) with
 * real joins and stitch, and a hand-made score and findings, for renderer tests that must not
 * depend on how the score is computed.
 */
export async function sampleReport(): Promise<ScanReport> {
  const files = ['crm/customers.csv', 'email/subscribers.csv', 'social/followers.json'];
  const profiles: DatasetProfile[] = [];
  for (const f of files) profiles.push(await profileDataset(new URL(f, FIXTURES).pathname, { region: 'GB', profiledAt: AT }));
  return assemble(profiles, files.map((f) => `fixtures/${f}`), [
    finding({
      code: 'EMAIL_MIXED_CASE',
      severity: 'high',
      dimension: 'keyQuality',
      dataset: 'subscribers',
      column: 'Email Address',
      evidence: { affected: 917, checked: 3000 },
      message: '917 of 3,000 subscriber emails (31%) mix upper and lower case, so they miss their matches in other sources.',
      fix: 'Lower-case and trim `Email Address` before matching: lower(trim(email)).',
      impact: { scoreBefore: 71.4, scoreAfter: 75.2, gain: 3.8, dimensionBefore: 80, dimensionAfter: 95 },
    }),
    finding({
      code: 'JUNK_IDENTIFIER',
      dimension: 'keyQuality',
      dataset: 'customers',
      column: 'email',
      evidence: { values: 5, rows: 14 },
      message: '14 customer rows use placeholder emails such as test@test.com that would merge strangers.',
      fix: 'Null out placeholder emails in `email` (see the junk list) before identity resolution.',
    }),
    finding({
      code: 'DATASET_UNREACHABLE',
      severity: 'low',
      dimension: 'joinability',
      dataset: 'followers',
      message: 'The followers cannot be linked to the customers.',
      fix: 'Add a shared key.',
      impact: { scoreBefore: 71.4, scoreAfter: 71.9, gain: 0.5, dimensionBefore: 60, dimensionAfter: 63 },
    }),
  ]);
}

/** The hostile string the HTML tests look for: it must stay text wherever it appears. */
export const HOSTILE = '<script>alert(1)</script>';

/**
 * A ScanReport whose dataset name, column names, cell values, finding messages and fixes hold
 * HTML and script: every renderer must show them as text.
 */
export async function hostileReport(): Promise<ScanReport> {
  const rows = Array.from({ length: 60 }, (_, i) => ({
    [HOSTILE]: `${HOSTILE}${i % 3}`,
    email: `person${i}@example.org`,
    'a"b\'c&d': i % 2 === 0 ? '" onmouseover="alert(2)' : `<img src=x onerror=alert(3)>`,
  }));
  const other = Array.from({ length: 40 }, (_, i) => ({ email: `person${i}@example.org`, note: '</textarea></style></svg>' }));
  const a = await profileDataset(fromRows(rows), { name: `crm ${HOSTILE}`, region: 'GB', mask: false, profiledAt: AT });
  const b = await profileDataset(fromRows(other), { name: 'list & <b>bold</b>', region: 'GB', mask: false, profiledAt: AT });
  return assemble([a, b], [null, null], [
    finding({
      code: 'JUNK_IDENTIFIER',
      dimension: 'keyQuality',
      dataset: `crm ${HOSTILE}`,
      column: HOSTILE,
      evidence: { rows: 3 },
      message: `The value ${HOSTILE} appears in a key column.`,
      fix: `Remove ${HOSTILE} & "quoted" 'values'.`,
    }),
  ]);
}
