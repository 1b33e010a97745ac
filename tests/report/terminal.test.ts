import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding, ScanReport } from '../../src/model';
import { formatCount, formatEstimate, formatGain, formatPercent, formatScore, formatShare } from '../../src/report/_format';
import { shouldUseColour } from '../../src/report/colour';
import { renderTerminalSummary, TERMINAL_LIMITS } from '../../src/report/terminal';
import { hostileReport, sampleReport } from '../helpers/sample-report';
import { renameEverywhere as rename } from './_html-fixtures';

let sample: ScanReport;
let hostile: ScanReport;

beforeAll(async () => {
  [sample, hostile] = await Promise.all([sampleReport(), hostileReport()]);
});

const ESC = '\x1b[';
// eslint-disable-next-line no-control-regex
const stripAnsi = (text: string): string => text.replace(/\x1b\[\d+m/g, '');

/** The sample grown to four datasets, nine accepted joins and twelve findings. */
function bigReport(): ScanReport {
  const report = structuredClone(sample);
  const followers = report.datasets.find((d) => d.name === 'followers')!;
  report.datasets.push({ ...followers, name: 'events' });
  report.graph.stitch.datasets.push({ dataset: 'events', rows: followers.rowCount, linkedRows: 100, linkedShare: 100 / followers.rowCount, rowsWithoutKeys: 0 });
  const accepted = report.joins.filter((j) => j.accepted);
  for (let i = 0; i < 6; i++) {
    const j = accepted[i % accepted.length]!;
    report.joins.push({ ...j, right: { dataset: 'events', column: `traits.key_${i}` } });
  }
  const first = report.findings[0]!;
  for (let i = 0; i < 9; i++) report.findings.push({ ...first, code: `EXTRA_FINDING_${i}`, impact: { ...first.impact, gain: 0.1 } });
  return report;
}

describe('renderTerminalSummary', () => {
  it('holds no escape code at all when colour is off, even for names that carry one', () => {
    const report = rename(sample, 'Email Address', 'Email\x1b[31m Address\u202e');
    for (const text of [renderTerminalSummary(report), renderTerminalSummary(report, { colour: false }), renderTerminalSummary(hostile)]) {
      expect(text).not.toContain('\x1b');
      expect(text).not.toContain('\u202e');
    }
    expect(renderTerminalSummary(report)).toContain('Email?[31m Address?');
  });

  it('colours the score and grade by grade when colour is on: green A/B, yellow C/D, red E/F', () => {
    const text = renderTerminalSummary(sample, { colour: true });
    expect(text).toContain(ESC);
    expect(text.split('\n')[0]).toContain('\x1b[33mC\x1b[39m');
    const regraded = (grade: ScanReport['score']['grade']): string =>
      renderTerminalSummary({ ...sample, score: { ...sample.score, grade } }, { colour: true }).split('\n')[0]!;
    expect(regraded('B')).toContain('\x1b[32mB\x1b[39m');
    expect(regraded('D')).toContain('\x1b[33mD\x1b[39m');
    expect(regraded('F')).toContain('\x1b[31mF\x1b[39m');
  });

  it('says the same with and without colour', () => {
    expect(stripAnsi(renderTerminalSummary(sample, { colour: true }))).toBe(renderTerminalSummary(sample));
  });

  it('prints score, verdict and a bar per dimension', () => {
    const lines = renderTerminalSummary(sample).split('\n');
    expect(lines[0]).toBe('stitchscan  readiness 71.4/100  grade C');
    expect(lines[1]).toBe(sample.score.verdict);
    expect(lines).toContain('  Identity coverage  ███████████████████░  95');
    expect(lines).toContain('  Consistency        █████████████░░░░░░░  67');
    expect(lines).toContain('  Freshness          ░░░░░░░░░░░░░░░░░░░░  not scored');
  });

  it('lists datasets with rows and linked share, every accepted join and the unified profiles', () => {
    const text = renderTerminalSummary(sample);
    const lines = text.split('\n');
    expect(lines).toContain('  customers    5,000   42.9%');
    expect(lines).toContain('  subscribers  3,000   70.7%');
    expect(lines).toContain('  customers.email ↔ subscribers.Email Address  lower(trim(email))  38.0% / 64.1%');
    for (const j of sample.joins.filter((x) => x.accepted)) {
      expect(text).toContain(`${j.left.dataset}.${j.left.column} ↔ ${j.right.dataset}.${j.right.column}`);
    }
    expect(lines).toContain('Unified profiles: 6,662 from 9,500 rows (exact)');
    expect(text).not.toContain('tend to read high');
  });

  it('says which way a sampled stitch errs, wrapped to the width', () => {
    const sampled = structuredClone(sample);
    sampled.graph.stitch.exact = false;
    sampled.graph.stitch.sampleRate = 0.25;
    const lines = stripAnsi(renderTerminalSummary(sampled, { colour: false, width: 80 })).split('\n');
    expect(lines).toContain('Unified profiles: ~6,662 from 9,500 rows (estimated on a 25.0% sample)');
    expect(lines.join(' ')).toContain('unified profiles tend to read high and linked shares low');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('aligns joins in columns when the terminal is wide enough', () => {
    const lines = renderTerminalSummary(sample, { width: 140 }).split('\n');
    const joins = lines.filter((l) => l.includes(' ↔ '));
    expect(joins).toHaveLength(3);
    expect(new Set(joins.map((l) => l.length)).size).toBe(1);
    expect(joins[1]).toBe('  customers.email ↔ followers.follower.hashedEmail            sha256(lower(trim(email)))  11.0% / 56.8%');
  });

  it('shows the top five findings in report order with where and gain', () => {
    const report = bigReport();
    const lines = renderTerminalSummary(report).split('\n');
    const start = lines.findIndex((l) => l.startsWith('Top findings'));
    expect(lines[start]).toBe('Top findings (12 in all, by score gain)');
    const shown = lines.slice(start + 1, start + 1 + TERMINAL_LIMITS.findings);
    expect(shown[0]).toBe('  +3.8  high    EMAIL_MIXED_CASE     subscribers.Email Address');
    expect(shown[2]).toBe('  +0.5  low     DATASET_UNREACHABLE  followers');
    expect(shown.map((l) => l.trim().split(/\s+/)[2])).toEqual(report.findings.slice(0, 5).map((f: Finding) => f.code));
    expect(lines[start + 1 + TERMINAL_LIMITS.findings]).toBe('');
    expect(lines.join('\n')).not.toContain('EXTRA_FINDING_2');
  });

  it('ends with a line pointing at the full report', () => {
    expect(renderTerminalSummary(sample).split('\n').at(-1)).toBe('Full report with every fix: add --out <dir> for report.html and report.md');
    expect(renderTerminalSummary(bigReport()).split('\n').at(-1)).toBe('Full report with all 12 findings: add --out <dir> for report.html and report.md');
    expect(renderTerminalSummary(sample, { reportPath: 'stitchscan-report/report.md' }).split('\n').at(-1)).toBe(
      'Full report: stitchscan-report/report.md',
    );
  });

  it('fits four datasets, nine joins and twelve findings in 40 lines of at most the width', () => {
    const report = bigReport();
    for (const width of [80, 60, 120]) {
      const lines = renderTerminalSummary(report, { width }).split('\n');
      expect(lines.length).toBeLessThanOrEqual(40);
      for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(width);
    }
    const text = renderTerminalSummary(report);
    expect(text).toContain('  events');
    expect(text).toContain(`  … and ${9 - TERMINAL_LIMITS.joins} more`);
  });

  it('keeps the match rates when it has to shorten a join line', () => {
    const lines = renderTerminalSummary(sample, { width: 80 }).split('\n').filter((l) => l.includes(' ↔ '));
    for (const line of lines) expect(line).toMatch(/\d%$/);
  });

  it('says so when no join was accepted', () => {
    expect(renderTerminalSummary(hostile)).toContain('Joins: 0 accepted of 0 candidates\n  none: the datasets cannot be linked');
  });
});

describe('shouldUseColour', () => {
  it.each([
    [{}, true, true],
    [{}, false, false],
    [{ NO_COLOR: '1' }, true, false],
    [{ NO_COLOR: 'false' }, true, false],
    [{ NO_COLOR: '' }, true, true],
    [{ NO_COLOR: '' }, false, false],
    [{ FORCE_COLOR: '1' }, false, true],
    [{ FORCE_COLOR: '' }, false, true],
    [{ FORCE_COLOR: '3' }, false, true],
    [{ FORCE_COLOR: '0' }, true, false],
    [{ FORCE_COLOR: 'false' }, true, false],
    [{ FORCE_COLOR: '1', NO_COLOR: '1' }, false, true],
    [{ TERM: 'dumb' }, true, false],
  ] as const)('%j with isTTY %s → %s', (env, isTTY, expected) => {
    expect(shouldUseColour({ ...env }, isTTY)).toBe(expected);
  });
});

describe('report number formats', () => {
  it('writes shares with one decimal, and 0% or 100% only when exact', () => {
    expect([0, 1, 0.703, 0.0004, 0.9999, 0.5].map(formatShare)).toEqual(['0%', '100%', '70.3%', '<0.1%', '99.9%', '50.0%']);
  });

  it('writes whole percentages in tables and descriptions, never 0% or 100% unless exact', () => {
    expect([0, 1, 0.004, 0.0004, 0.01, 0.364, 0.99, 0.995, 0.9996].map(formatPercent)).toEqual(['0%', '100%', '0.4%', '<0.1%', '1%', '36%', '99%', '99.5%', '99.9%']);
  });

  it('marks estimated counts with ~', () => {
    expect([formatEstimate(123456, true), formatEstimate(123456, false)]).toEqual(['123,456', '~123,456']);
  });

  it('writes gains with a sign, and two decimals when one would show zero', () => {
    expect([2.5, 3.84, 0.04, 0, -1.25].map(formatGain)).toEqual(['+2.5', '+3.8', '+0.04', '+0.0', '-1.3']);
  });

  it('writes counts with en-US grouping and scores with at most one decimal', () => {
    expect(formatCount(52504)).toBe('52,504');
    expect([71.44, 95, 100].map(formatScore)).toEqual(['71.4', '95', '100']);
  });
});
