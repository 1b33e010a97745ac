import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/exit-codes';
import { main } from '../../src/cli/main';
import { ScanReportSchema, scanReportJsonSchema, type ScanReport } from '../../src/index';
import { fakeIo } from '../helpers/fake-io';

const CRM = resolve('fixtures/crm/customers.csv');
const LIST = resolve('fixtures/email/subscribers.csv');
const FOLLOWERS = resolve('fixtures/social/followers.json');

const tmp = (): string => mkdtempSync(join(tmpdir(), 'stitchscan-scan-'));

describe('stitchscan scan', () => {
  let dir: string;
  let summary: string;
  let report: ScanReport;

  beforeAll(async () => {
    dir = tmp();
    const { io, out, err } = fakeIo();
    const code = await main(['scan', CRM, LIST, FOLLOWERS, '--region', 'GB', '--out', dir, '--no-progress'], io);
    expect(err()).toBe('');
    expect(code).toBe(EXIT.OK);
    summary = out();
    report = ScanReportSchema.parse(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')));
  }, 120_000);

  it('prints the terminal summary on stdout, without colour when stdout is not a terminal', () => {
    expect(summary).toMatch(new RegExp(`readiness ${report.score.overall}/100 +grade ${report.score.grade}`));
    expect(summary).toContain('customers.email ↔ subscribers.Email Address');
    expect(summary).not.toContain('\u001b[');
    for (const f of ['report.html', 'report.json', 'report.md']) expect(summary).toContain(join(dir, f));
  });

  it('writes the three reports, and the JSON matches the schema', () => {
    expect(report.datasets.map((d) => d.name)).toEqual(['customers', 'subscribers', 'followers']);
    expect(report.joins.filter((j) => j.accepted).length).toBeGreaterThanOrEqual(3);
    expect(report.datasets.every((d) => d.sketch === undefined)).toBe(true);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/i);
    const md = readFileSync(join(dir, 'report.md'), 'utf8');
    // the executive summary first: the score line comes before the datasets section
    const scoreLine = md.indexOf(`**Readiness score: ${report.score.overall}/100 · grade ${report.score.grade}**`);
    expect(scoreLine).toBeGreaterThan(-1);
    expect(scoreLine).toBeLessThan(md.indexOf('\n## Datasets\n'));
  });

  it('exits 1 below --fail-under and 0 at or above it, after writing the reports', async () => {
    const below = tmp();
    const low = fakeIo();
    expect(await main(['scan', CRM, LIST, '--region', 'GB', '--fail-under', '99.9', '--quiet', '--format', 'json', '--out', below], low.io)).toBe(EXIT.BELOW_THRESHOLD);
    expect(low.err()).toMatch(/score [\d.]+ is below the fail-under threshold 99.9/);
    expect(low.out()).toBe('');
    expect(existsSync(join(below, 'report.json'))).toBe(true);
    expect(existsSync(join(below, 'report.html'))).toBe(false);
    const ok = fakeIo();
    expect(await main(['scan', CRM, LIST, '--region', 'GB', '--fail-under', '10', '--quiet'], ok.io)).toBe(EXIT.OK);
  }, 120_000);

  it('reads a config file: names, roles, hub and paths relative to the file', async () => {
    const d = tmp();
    const config = join(d, 'stitchscan.config.json');
    writeFileSync(
      config,
      JSON.stringify({
        region: 'GB',
        hub: 'list',
        datasets: [
          { name: 'crm', path: CRM, role: 'crm' },
          { name: 'list', path: LIST, role: 'email' },
        ],
        weights: { freshness: 0 },
        out: 'reports',
        formats: ['json'],
      }),
    );
    const { io, err } = fakeIo();
    expect(await main(['scan', '--config', config, '--quiet'], io)).toBe(EXIT.OK);
    expect(err()).toBe('');
    const r = ScanReportSchema.parse(JSON.parse(readFileSync(join(d, 'reports', 'report.json'), 'utf8')));
    expect(r.inputs).toEqual([
      { dataset: 'crm', role: 'crm', path: CRM },
      { dataset: 'list', role: 'email', path: LIST },
    ]);
    expect(r.graph.hub).toBe('list');
    expect(r.options.weights.freshness).toBe(0);
    expect(r.score.dimensions.find((x) => x.dimension === 'freshness')!.weight).toBe(0);
  }, 120_000);

  it.each([
    [{ datasets: [{ path: 'a.csv', role: 'sales' }] }, /Invalid config field datasets\.0\.role: must be one of crm, web, email, social, other, got "sales"/],
    [{ datasets: [] }, /Invalid config field datasets: must list at least one dataset/],
    [{ datasets: [{ path: 'a.csv' }], hubb: 'x' }, /Invalid config field hubb: no such field, got "x"/],
    [{ datasets: [{ path: 'a.csv' }], weights: { joinability: 'high' } }, /Invalid config field weights\.joinability: .*number.*, got "high"/],
    [{ datasets: [{ name: 'x' }] }, /Invalid config field datasets\.0\.path: must be the path of the file/],
  ])('a bad config is exit 2 naming the field: %j', async (config, message) => {
    const d = tmp();
    const path = join(d, 'bad.config.json');
    writeFileSync(path, JSON.stringify(config));
    const { io, err } = fakeIo();
    expect(await main(['scan', '--config', path], io)).toBe(EXIT.USER_ERROR);
    expect(err()).toMatch(/^error \[E_INVALID_CONFIG\]: /);
    expect(err()).toMatch(message);
    expect(err()).toContain('hint: ');
  });

  it.each([
    [['scan'], /E_INVALID_OPTION.*needs files or --config/],
    [['scan', CRM, '--config', 'x.json'], /files or --config, not both/],
    [['scan', CRM, '--format', 'pdf'], /--format: must be a comma-separated list of html, json, md, got "pdf"/],
    [['scan', CRM, '--fail-under', 'high'], /--fail-under: must be a score from 0 to 100, got "high"/],
    [['scan', CRM, '--json'], /--json is not an option of stitchscan scan/],
    [['scan', 'fixtures/crm/missing.csv'], /E_FILE_NOT_FOUND/],
    [['scan', '--config', 'missing.config.json'], /E_FILE_NOT_FOUND.*Config file not found/],
    [['scan', CRM, CRM], /E_DUPLICATE_DATASET.*Two datasets are named customers/],
    [['scan', CRM, '--hub', 'nope'], /no dataset is named nope/],
    [['types', CRM, '--out', 'x', '--delimiter', ';'], /--delimiter is not an option of stitchscan types; it is an option of stitchscan profile/],
    [['types', CRM, '--out', 'x', '--no-mask'], /--no-mask is not an option of stitchscan types/],
    [['scan', CRM, '--now', '2026-11-05T09:00'], /--now: must be an ISO 8601 date, or a time with its offset/],
    [['profile', CRM, '--fail-under', '3'], /--fail-under is not an option of stitchscan profile; it is an option of stitchscan scan/],
  ])('user errors exit 2: %j', async (argv, message) => {
    const { io, err } = fakeIo();
    expect(await main(argv, io)).toBe(EXIT.USER_ERROR);
    expect(err()).toMatch(message);
    expect(err()).not.toContain('    at ');
  });

  it('checks the score options of a config file before reading any dataset', async () => {
    const path = join(tmp(), 'thresholds.config.json');
    writeFileSync(path, JSON.stringify({ datasets: [{ path: 'missing.csv' }], thresholds: { freshDays: 90, staleDays: 30 } }));
    const { io, err } = fakeIo();
    expect(await main(['scan', '--config', path], io)).toBe(EXIT.USER_ERROR);
    // the threshold error, not E_FILE_NOT_FOUND for the dataset: nothing was read
    expect(err()).toMatch(/E_INVALID_CONFIG.*Invalid config field thresholds\.staleDays: must be more than freshDays \(90\), got 30/);
  });

  it('a report that cannot be written is exit 2 naming the file', async () => {
    const d = tmp();
    mkdirSync(join(d, 'report.json'));
    const { io, err } = fakeIo();
    expect(await main(['scan', LIST, '--format', 'json', '--out', d, '--quiet'], io)).toBe(EXIT.USER_ERROR);
    expect(err()).toMatch(/E_FILE_UNWRITABLE.*report\.json/);
  }, 60_000);

  it('a config file that is not JSON is exit 2', async () => {
    const path = join(tmp(), 'broken.json');
    writeFileSync(path, '{ "datasets": [');
    const { io, err } = fakeIo();
    expect(await main(['scan', '--config', path], io)).toBe(EXIT.USER_ERROR);
    expect(err()).toMatch(/E_INVALID_CONFIG.*is not valid JSON/);
  });
});

describe('stitchscan schema', () => {
  it('prints the JSON Schema the package ships', async () => {
    const { io, out } = fakeIo();
    expect(await main(['schema'], io)).toBe(EXIT.OK);
    const printed = JSON.parse(out()) as Record<string, unknown>;
    expect(printed).toEqual(scanReportJsonSchema());
    expect(printed).toEqual(JSON.parse(readFileSync('schema/scan-report.schema.json', 'utf8')));
    expect(printed.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(Object.keys(printed.properties as object)).toEqual(expect.arrayContaining(['schemaVersion', 'tool', 'generatedAt', 'datasets', 'joins', 'graph', 'score', 'findings']));
  });
});

describe('stitchscan types', () => {
  it('writes a JSON Schema and a TypeScript interface per dataset', async () => {
    const d = tmp();
    const { io, out } = fakeIo();
    expect(await main(['types', LIST, FOLLOWERS, '--out', d, '--quiet'], io)).toBe(EXIT.OK);
    expect(out()).toBe('');
    const schema = JSON.parse(readFileSync(join(d, 'subscribers.schema.json'), 'utf8')) as { title: string; properties: Record<string, unknown> };
    expect(schema.title).toBe('subscribers');
    expect(Object.keys(schema.properties)).toContain('Email Address');
    expect(readFileSync(join(d, 'subscribers.ts'), 'utf8')).toMatch(/export interface SubscribersRow \{/);
    expect(readFileSync(join(d, 'followers.ts'), 'utf8')).toMatch(/export interface FollowersRow \{/);
  }, 60_000);

  it('refuses two datasets that would write the same files', async () => {
    const d = tmp();
    const copy = join(tmp(), 'subscribers.csv');
    writeFileSync(copy, readFileSync(LIST));
    const { io, err } = fakeIo();
    expect(await main(['types', LIST, copy, '--out', d, '--quiet'], io)).toBe(EXIT.USER_ERROR);
    expect(err()).toMatch(/E_DUPLICATE_DATASET.*subscribers\.schema\.json/);
    // refused before anything was written
    expect(readdirSync(d)).toEqual([]);
  }, 60_000);

  it('needs --out', async () => {
    const { io, err } = fakeIo();
    expect(await main(['types', LIST], io)).toBe(EXIT.USER_ERROR);
    expect(err()).toContain('stitchscan types needs --out <dir>');
  });
});
