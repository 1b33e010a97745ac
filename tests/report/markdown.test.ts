import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding, ScanReport } from '../../src/model';
import { renderMarkdown } from '../../src/report/markdown';
import { code, escapeProse, escapeText } from '../../src/report/markdown/escape';
import { HOSTILE, hostileReport, sampleReport } from '../helpers/sample-report';
import { renameEverywhere as rename } from './_html-fixtures';

let sample: ScanReport;
let hostile: ScanReport;

beforeAll(async () => {
  [sample, hostile] = await Promise.all([sampleReport(), hostileReport()]);
});

/** The text of a `## Heading` section, up to the next `## ` heading. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  expect(start, `section ${heading}`).toBeGreaterThanOrEqual(0);
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end === -1 ? undefined : end);
}

/** Cell separators of a table row: `|` not escaped by a backslash. */
function unescapedPipes(row: string): number {
  let count = 0;
  for (let i = 0; i < row.length; i++) {
    if (row[i] === '\\') i++;
    else if (row[i] === '|') count++;
  }
  return count;
}

/** Each table (consecutive lines starting with `|`) as its rows, header first. */
function tables(markdown: string): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  for (const line of markdown.split('\n')) {
    if (line.startsWith('|')) current.push(line);
    else if (current.length > 0) {
      out.push(current);
      current = [];
    }
  }
  if (current.length > 0) out.push(current);
  return out;
}

function extraFinding(code: string, gain: number): Finding {
  return {
    code,
    severity: 'low',
    dimension: 'completeness',
    dataset: 'customers',
    column: 'phone',
    evidence: { missing: 1200 },
    message: `Message of ${code}.`,
    fix: `Fix of ${code}.`,
    impact: { scoreBefore: 71.4, scoreAfter: 71.4 + gain, gain, dimensionBefore: 74, dimensionAfter: 75 },
  };
}

describe('renderMarkdown', () => {
  it('starts with the title and puts the executive summary before datasets, joins, stitch and findings', () => {
    const md = renderMarkdown(sample);
    expect(md.split('\n')[0]).toBe('# stitchscan report');
    const order = ['## Summary', '## Datasets', '## Joins', '## Stitch estimate', '## Findings'].map((h) => md.indexOf(`\n${h}\n`));
    for (const i of order) expect(i).toBeGreaterThan(0);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(md.endsWith('\n')).toBe(true);
  });

  it('states score, grade, verdict and one line per dimension, "not scored" when the score is null', () => {
    const summary = section(renderMarkdown(sample), 'Summary');
    expect(summary).toContain('**Readiness score: 71.4/100 · grade C**');
    expect(summary).toContain(sample.score.verdict);
    const lines = summary.split('\n');
    expect(lines).toContain('- **Identity coverage:** 95/100 (figures behind identityCoverage)');
    expect(lines).toContain('- **Freshness:** not scored (figures behind freshness)');
    expect(lines.filter((l) => l.startsWith('- **'))).toHaveLength(sample.score.dimensions.length);
  });

  it('lists the first three findings as top fixes, in order, each with its score before and after', () => {
    const report = structuredClone(sample);
    report.findings.push(extraFinding('PHONE_MISSING', 0.3), extraFinding('NAME_MISSING', 0.1));
    const summary = section(renderMarkdown(report), 'Summary');
    const fixes = summary.split('\n').filter((l) => /^\d+\. /.test(l));
    expect(fixes).toEqual([
      '1. 917 of 3,000 subscriber emails (31%) mix upper and lower case, so they miss their matches in other sources. Score 71.4 → 75.2 (+3.8).',
      '2. 14 customer rows use placeholder emails such as test@test.com that would merge strangers. Score 71.4 → 73.9 (+2.5).',
      '3. The followers cannot be linked to the customers. Score 71.4 → 71.9 (+0.5).',
    ]);
    expect(summary).not.toContain('PHONE_MISSING');
  });

  it('says so when there is nothing to fix', () => {
    const md = renderMarkdown({ ...sample, findings: [] });
    expect(section(md, 'Summary')).toContain('No problems found.');
    expect(section(md, 'Findings')).toContain('No problems found.');
  });

  it('shows one row per dataset with role, format, size, identity columns, malformed rows and score', () => {
    const datasets = section(renderMarkdown(sample), 'Datasets');
    const rows = tables(datasets)[0]!;
    expect(rows).toHaveLength(2 + sample.datasets.length);
    expect(rows).toContain('| customers | crm | csv | 5,000 | 12 | `customer_id`, `email`, `phone` | 0 | 80 (B) |');
    expect(rows).toContain('| subscribers | email | csv | 3,000 | 6 | `Email Address` | 0 | 70 (C) |');
  });

  it('shows every accepted join with transform, containment and match rates both ways, then counts the rejected', () => {
    const report = structuredClone(sample);
    const accepted = report.joins.filter((j) => j.accepted);
    expect(accepted.length).toBeGreaterThanOrEqual(2);
    report.joins.push({ ...accepted[0]!, left: { dataset: 'customers', column: 'country' }, accepted: false, rule: 'none' });
    const joins = section(renderMarkdown(report), 'Joins');
    const rows = tables(joins)[0]!.slice(2);
    expect(rows).toHaveLength(accepted.length);
    for (const j of accepted) {
      const row = rows.find((r) => r.includes(`\`${j.left.dataset}.${j.left.column}\``) && r.includes(`\`${j.right.dataset}.${j.right.column}\``));
      expect(row, `${j.left.column} ↔ ${j.right.column}`).toBeDefined();
      expect(row).toContain(`\`${j.transform}\``);
    }
    expect(rows).toContain(
      '| `customers.email` | `subscribers.Email Address` | `lower(trim(email))` | 38.1% | 63.8% | 38.0% | 64.1% | n:m | 0.87 |',
    );
    expect(joins).not.toContain('customers.country');
    expect(joins).toContain('1 other candidate join was measured and rejected');
  });

  it('reports the stitch: unified profiles, exact or estimated, linked share per dataset and source overlaps', () => {
    const stitch = section(renderMarkdown(sample), 'Stitch estimate');
    expect(stitch).toContain('**6,662 unified customer profiles** (exact).');
    const [linkage, overlaps] = tables(stitch);
    expect(linkage).toContain('| subscribers | 3,000 | 2,121 | 70.7% | 0 |');
    expect(overlaps).toHaveLength(2 + sample.graph.stitch.overlaps.length);
    expect(overlaps).toContain('| customers + subscribers | 1,573 | 23.6% |');
    // the five distinct placeholder emails of the CRM (graph.junk), not the 14 rows holding them
    expect(sample.graph.junk).toHaveLength(5);
    expect(stitch).toContain('5 junk identifier values were left out of the linking');

    const sampled = structuredClone(sample);
    sampled.graph.stitch.exact = false;
    sampled.graph.stitch.sampleRate = 0.25;
    const estimated = section(renderMarkdown(sampled), 'Stitch estimate');
    expect(estimated).toContain('**~6,662 unified customer profiles** (estimated from a 25.0% sample of the identity values).');
    // which way a sampled stitch errs, and how to get exact figures; an exact stitch needs neither
    expect(estimated).toContain('unified profiles tend to read high and linked shares low');
    expect(estimated).toContain('--key-budget, --link-budget');
    expect(stitch).not.toContain('tend to read high');
  });

  it('renders each finding with where, severity, dimension, message, fix, evidence and impact', () => {
    const findings = section(renderMarkdown(sample), 'Findings');
    expect(findings).toContain(
      [
        '### EMAIL_MIXED_CASE · subscribers.Email Address',
        '',
        '**Severity:** high · **Dimension:** Key quality',
        '',
        '917 of 3,000 subscriber emails (31%) mix upper and lower case, so they miss their matches in other sources.',
        '',
        '**Fix:** Lower-case and trim `Email Address` before matching: lower(trim(email)).',
        '',
        '- **Evidence:** affected 917 · checked 3,000',
        '- **Impact:** score 71.4 → 75.2 (+3.8); Key quality 80 → 95',
      ].join('\n'),
    );
    expect(findings).toContain('### DATASET_UNREACHABLE · followers\n');
    const headings = findings.split('\n').filter((l) => l.startsWith('### '));
    expect(headings.map((h) => h.slice(4).split(' ')[0])).toEqual(sample.findings.map((f) => f.code));
  });

  it('keeps every table row at its header’s cell count when names hold pipes, backticks and line breaks', () => {
    let report = rename(sample, 'Email Address', 'Email | Add`ress\nnext line');
    report = rename(report, 'customers', 'cust|omers');
    const md = renderMarkdown(report);
    const all = tables(md);
    expect(all.length).toBeGreaterThanOrEqual(4);
    for (const rows of all) {
      const cells = unescapedPipes(rows[0]!);
      for (const row of rows) expect(unescapedPipes(row), row).toBe(cells);
    }
    expect(md).toContain('cust\\|omers');
    expect(md).toContain('Email \\| Add\\`ress next line');
    expect(md.split('\n')).not.toContain('next line');
  });

  it('never lets a name, value, message or fix through as HTML', () => {
    const md = renderMarkdown(hostile);
    expect(md).not.toContain('<script');
    expect(md).not.toContain('<b>');
    expect(md).not.toContain('<');
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // Every table still has its shape.
    for (const rows of tables(md)) for (const row of rows) expect(unescapedPipes(row)).toBe(unescapedPipes(rows[0]!));
    // the hostile strings do reach the Markdown (as a dataset name and a column name), escaped
    expect(hostile.datasets[0]!.name).toContain(HOSTILE);
    expect(md).toContain(`crm &lt;script&gt;alert(1)&lt;/script&gt;`);
  });

  it('writes control characters in data as spaces', () => {
    const md = renderMarkdown(rename(sample, 'follower.handle', 'follower\x1b[31m.handle\r\nx'));
    expect(md).not.toContain('\x1b');
    expect(md).not.toContain('\r');
    expect(md).toContain('follower \\[31m.handle  x');
  });

  it('is pure: same output twice, report untouched', () => {
    const before = structuredClone(sample);
    expect(renderMarkdown(sample)).toBe(renderMarkdown(sample));
    expect(sample).toEqual(before);
  });
});

describe('escapeText', () => {
  it.each([
    ['a|b', 'a\\|b'],
    ['<b>x</b>', '&lt;b&gt;x&lt;/b&gt;'],
    ['`code`', '\\`code\\`'],
    ['*bold* [link](x)', '\\*bold\\* \\[link\\](x)'],
    ['customer_id', 'customer_id'],
    ['_id and id_', '\\_id and id\\_'],
    ['R&D', 'R&D'],
    ['&lt;', '&amp;lt;'],
    ['a\\b', 'a\\\\b'],
    ['line\nbreak\ttab', 'line break tab'],
    ['# heading', '\\# heading'],
    ['- item', '\\- item'],
    ['1. item', '1\\. item'],
    ['917 of 3,000', '917 of 3,000'],
  ])('%j → %j', (input, output) => {
    expect(escapeText(input)).toBe(output);
  });

  it('leaves list markers alone mid-line', () => {
    expect(escapeText('- item', { lineStart: false })).toBe('- item');
  });
});

describe('code', () => {
  it('uses a code span when the value is safe, escaped text otherwise', () => {
    expect(code('lower(trim(email))')).toBe('`lower(trim(email))`');
    expect(code('a|b')).toBe('a\\|b');
    expect(code('a`b')).toBe('a\\`b');
    expect(code('<i>')).toBe('&lt;i&gt;');
  });
});

describe('escapeProse', () => {
  it('keeps safe backtick spans as code and escapes the rest', () => {
    expect(escapeProse('Trim `Email Address` <now>')).toBe('Trim `Email Address` &lt;now&gt;');
    expect(escapeProse('Trim `a|b` first')).toBe('Trim \\`a\\|b\\` first');
    expect(escapeProse('one ` tick')).toBe('one \\` tick');
  });
});
