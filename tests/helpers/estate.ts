import type { Dimension, Finding, ScanReport } from '../../src/model';
import { openSource, readRecords } from '../../src/sources';
import { DEMO_FIXTURES } from './fixtures';

/** Fixture rows as plain objects, to degrade or repair in memory before a scan. */
export type Row = Record<string, unknown>;

export interface Estate {
  customers: Row[];
  subscribers: Row[];
  followers: Row[];
}
export type DatasetName = keyof Estate;

export const ESTATE_FILES: Readonly<Record<DatasetName, string>> = {
  customers: DEMO_FIXTURES.customers,
  subscribers: DEMO_FIXTURES.subscribers,
  followers: DEMO_FIXTURES.followers,
};

/** Every record of a fixture, read by the library's own readers (dot paths for JSON). */
async function loadRows(path: string): Promise<Row[]> {
  const rows: Row[] = [];
  for await (const record of readRecords(await openSource(path))) rows.push({ ...record });
  return rows;
}

export async function loadEstate(): Promise<Estate> {
  return { customers: await loadRows(ESTATE_FILES.customers), subscribers: await loadRows(ESTATE_FILES.subscribers), followers: await loadRows(ESTATE_FILES.followers) };
}

/** The overall score to 2 decimals, as every finding's impact.scoreBefore gives it (score.overall has 1). */
export function preciseOverall(report: ScanReport): number {
  return report.findings[0]?.impact.scoreBefore ?? report.score.overall;
}

export const overallDimension = (r: ScanReport, d: Dimension): number | null => r.score.dimensions.find((x) => x.dimension === d)?.score ?? null;

/** A finding by code and place (dataset and column; null for the whole estate or dataset). */
export interface FindingRef {
  code: string;
  dataset: string | null;
  column: string | null;
}

export const findingIn = (r: ScanReport, f: FindingRef): Finding | undefined => r.findings.find((x) => x.code === f.code && x.dataset === f.dataset && x.column === f.column);

/** `CODE on dataset.column`, as test names and messages show a finding. */
export const refText = (f: Pick<Finding, 'code' | 'dataset' | 'column'>): string => `${f.code} on ${f.dataset ?? '*'}${f.column === null ? '' : `.${f.column}`}`;
