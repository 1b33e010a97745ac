import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScanReport } from '../../src/model';
import { escapeHtml, html, joinHtml, trusted } from '../../src/report/html/escape';
import { HTML_CSP, renderHtml } from '../../src/report/html/index';
import { HOSTILE, hostileReport, sampleReport } from '../helpers/sample-report';
import { manyDatasetsReport, renameColumn, renameDataset } from './_html-fixtures';

const ESCAPED_HOSTILE = '&lt;script&gt;alert(1)&lt;/script&gt;';
const count = (text: string, needle: string): number => text.split(needle).length - 1;

let sample: ScanReport;
let hostile: ScanReport;
let samplePage: string;
let hostilePage: string;

beforeAll(async () => {
  sample = await sampleReport();
  hostile = await hostileReport();
  samplePage = renderHtml(sample);
  hostilePage = renderHtml(hostile);
});

describe('escapeHtml', () => {
  it('escapes each of the five characters that matter in HTML', () => {
    expect(escapeHtml('&')).toBe('&amp;');
    expect(escapeHtml('<')).toBe('&lt;');
    expect(escapeHtml('>')).toBe('&gt;');
    expect(escapeHtml('"')).toBe('&quot;');
    expect(escapeHtml("'")).toBe('&#39;');
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
  });

  it('leaves every other character as it is', () => {
    expect(escapeHtml('plain text, ünïcödé ↔ 🙂 `backticks` = / \\')).toBe('plain text, ünïcödé ↔ 🙂 `backticks` = / \\');
  });

  it('never leaves a markup character in its output, and can be undone exactly', () => {
    const unit = fc.oneof(fc.constantFrom('&', '<', '>', '"', "'", ';', '#', '&amp;', '&lt;'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }));
    const unescape = (s: string): string =>
      s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e] ?? '');
    fc.assert(
      fc.property(fc.string({ unit }), (s) => {
        const escaped = escapeHtml(s);
        expect(escaped).not.toMatch(/[<>"']/);
        expect(unescape(escaped)).toBe(s);
      }),
    );
  });
});

describe('html tag', () => {
  it('escapes interpolated strings in text and attributes', () => {
    expect(html`<td title="${HOSTILE}">${HOSTILE}</td>`.value).toBe(`<td title="${ESCAPED_HOSTILE}">${ESCAPED_HOSTILE}</td>`);
  });

  it('inserts nested fragments as they are, joins arrays and drops empty values', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p>${inner}${[html`<br>`, 'a&b']}${null}${undefined}${false}${3}</p>`.value).toBe('<p><b>&lt;i&gt;</b><br>a&amp;b3</p>');
    expect(joinHtml([html`<i>x</i>`, '<y>'], ' & ').value).toBe('<i>x</i> &amp; &lt;y&gt;');
    expect(trusted('<hr>').value).toBe('<hr>');
  });
});

describe('renderHtml: a self-contained page', () => {
  it('is one HTML5 document with a restrictive Content-Security-Policy and one inline style sheet', () => {
    expect(samplePage.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(samplePage.trimEnd().endsWith('</html>')).toBe(true);
    expect(HTML_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(samplePage).toContain(`<meta http-equiv="Content-Security-Policy" content="${escapeHtml(HTML_CSP)}">`);
    expect(count(samplePage, '<style>')).toBe(1);
    expect(samplePage).toContain('<meta charset="utf-8">');
  });

  it('loads nothing: no script, no external reference, no url() in CSS', () => {
    for (const page of [samplePage, hostilePage]) {
      expect(page).not.toMatch(/<script/i);
      expect(page).not.toMatch(/https?:\/\//i);
      expect(page).not.toMatch(/url\(/i);
      expect(page).not.toMatch(/@import|<link|<img|<iframe|<object|<embed|<base/i);
    }
  });

  it('writes every tag as a name and double-quoted attributes, none of them an event handler', () => {
    for (const page of [samplePage, hostilePage]) {
      const markup = page.replace(/<style>[^<]*<\/style>/, '<style></style>').replace('<!DOCTYPE html>', '');
      const tags = markup.match(/<[^<>]*>/g) ?? [];
      expect(tags.length).toBeGreaterThan(100);
      for (const tag of tags) {
        expect(tag).toMatch(/^<\/?[a-z][a-z0-9-]*(?:\s[a-z][a-z-]*(?:="[^"<>]*")?)*\/?>$/i);
        const attributes = tag.replace(/^<\/?[a-z][a-z0-9-]*/i, '');
        for (const [, name] of attributes.matchAll(/\s([a-z][a-z-]*)(?:="[^"]*")?/gi)) expect(name).not.toMatch(/^on/i);
      }
      // text between tags holds no stray markup character
      expect(markup.replace(/<[^<>]*>/g, '')).not.toMatch(/[<>]/);
    }
  });

  it('puts only computed widths into style attributes', () => {
    for (const page of [samplePage, hostilePage]) {
      const styles = [...page.matchAll(/style="([^"]*)"/g)].map((m) => m[1]);
      expect(styles.length).toBeGreaterThan(0);
      for (const style of styles) expect(style).toMatch(/^width:\d{1,3}\.\d%$/);
    }
  });

  it('is a pure function of the report', () => {
    expect(renderHtml(sample)).toBe(samplePage);
  });

  it('takes the title from the options, escaped', () => {
    const page = renderHtml(sample, { title: `Q3 <audit> & "review"` });
    expect(page).toContain('<title>Q3 &lt;audit&gt; &amp; &quot;review&quot;</title>');
    expect(page).toContain('<h1>Q3 &lt;audit&gt; &amp; &quot;review&quot;</h1>');
    expect(samplePage).toContain('<title>stitchscan report</title>');
  });
});

describe('renderHtml: content', () => {
  it('opens with the executive summary: score, grade, verdict, dimensions and top three fixes', () => {
    const order = ['id="summary"', 'id="graph"', 'id="stitch"', 'id="joins"', 'id="datasets"', 'id="findings"'].map((s) => samplePage.indexOf(s));
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
    expect(samplePage).toContain('>71.4</text>');
    expect(samplePage).toContain('Grade C');
    expect(samplePage).toContain(escapeHtml(sample.score.verdict));
    expect(samplePage).toMatch(/Freshness<\/th><td class="dim-bar"><span class="muted">not scored/);
    expect(samplePage).toContain('Identity coverage');
    const summary = samplePage.slice(samplePage.indexOf('id="summary"'), samplePage.indexOf('id="graph"'));
    for (const f of sample.findings.slice(0, 3)) expect(summary).toContain(escapeHtml(f.message));
    expect(summary).toContain('score 71.4 → 75.2');
  });

  it('names every dataset, every accepted join column and the unified profiles', () => {
    for (const d of sample.datasets) expect(samplePage).toContain(`<span class="ds-name">${escapeHtml(d.name)}</span>`);
    const accepted = sample.joins.filter((j) => j.accepted);
    expect(accepted.length).toBeGreaterThan(0);
    for (const j of accepted) {
      expect(samplePage).toContain(escapeHtml(j.left.column));
      expect(samplePage).toContain(escapeHtml(j.right.column));
    }
    expect(samplePage).toContain('email ↔ Email Address');
    expect(samplePage).toContain(sample.graph.stitch.unifiedProfiles.toLocaleString('en-US'));
  });

  it('draws one node per dataset and one edge per accepted join', () => {
    expect(count(samplePage, '<g class="node ')).toBe(sample.datasets.length);
    expect(count(samplePage, '<g class="edge"')).toBe(sample.joins.filter((j) => j.accepted && !j.selfJoin).length);
    expect(samplePage).toContain('<g class="node hub" data-dataset="0">');
  });

  it('gives each source overlap its share of the unified profiles, as the Markdown report does', () => {
    const stitch = samplePage.slice(samplePage.indexOf('id="stitch"'), samplePage.indexOf('id="joins"'));
    expect(stitch).toContain('<td class="num">1,573</td><td class="num muted">23.6%</td>');
  });

  it('formats numbers with en-US grouping', () => {
    expect(samplePage).toContain('5,000 rows');
    expect(samplePage).toContain('>1,774<');
  });

  it('shows every finding with code, location, fix, impact and evidence', () => {
    const findings = samplePage.slice(samplePage.indexOf('id="findings"'));
    for (const f of sample.findings) {
      expect(findings).toContain(`<code class="code">${f.code}</code>`);
      expect(findings).toContain(escapeHtml(f.fix));
    }
    expect(findings).toContain('subscribers.Email Address');
    expect(findings).toContain('score 71.4 → 75.2 <span class="gain">+3.8</span>');
    expect(findings).toContain('affected <strong>917</strong> · checked <strong>3,000</strong>');
  });

  it('marks distinct counts that are estimates with ~, and an estimated stitch', () => {
    const report = manyDatasetsReport(sample, 4);
    report.datasets[0]!.columns[0]!.distinctExact = false;
    const page = renderHtml(report);
    expect(page).toContain(`<td class="num">~${report.datasets[0]!.columns[0]!.distinctCount.toLocaleString('en-US')}</td>`);
    expect(page).toContain('~123,456');
    expect(page).toContain('estimated');
    expect(page).toContain('unified profiles tend to read high and linked shares low');
    expect(samplePage).not.toContain('tend to read high');
    expect(page).toContain('<g class="node unreachable" data-dataset="3">');
  });

  it('handles one dataset and twelve, with parallel joins and a join within one dataset', () => {
    const one = renderHtml(manyDatasetsReport(sample, 1));
    expect(count(one, '<g class="node ')).toBe(1);
    expect(count(one, '<g class="edge"')).toBe(0);
    const report = manyDatasetsReport(sample, 12);
    const twelve = renderHtml(report);
    expect(count(twelve, '<g class="node ')).toBe(12);
    expect(count(twelve, '<g class="edge"')).toBe(report.joins.filter((j) => j.accepted && !j.selfJoin).length);
    expect(count(twelve, '<g class="loop"')).toBe(1);
    expect(twelve).toContain('within one dataset');
  });

  it('copes with a report without joins, findings or overlaps', () => {
    const bare = { ...sample, joins: [], findings: [], graph: { ...sample.graph, stitch: { ...sample.graph.stitch, overlaps: [] } } };
    const page = renderHtml(bare);
    expect(page).toContain('No findings');
    expect(page).toContain('No join candidates were found.');
    expect(count(page, '<g class="edge"')).toBe(0);
  });
});

describe('renderHtml: hostile data stays text', () => {
  it('never writes the hostile string raw, only escaped', () => {
    expect(hostilePage).not.toContain(HOSTILE);
    expect(hostilePage).toContain(ESCAPED_HOSTILE);
    expect(hostilePage).toContain(`<span class="ds-name">crm ${ESCAPED_HOSTILE}</span>`);
    expect(hostilePage).toContain(`<th scope="row" class="col-name">${ESCAPED_HOSTILE}</th>`);
  });

  it('escapes quotes, ampersands and closing tags in names, values, messages and fixes', () => {
    for (const raw of ['" onmouseover="alert(2)', '<img src=x onerror=alert(3)>', '</textarea></style></svg>', 'list & <b>bold</b>', 'a"b\'c&d']) {
      expect(hostilePage).not.toContain(raw);
      expect(hostilePage).toContain(escapeHtml(raw));
    }
    expect(hostilePage).toContain(escapeHtml(`Remove ${HOSTILE} & "quoted" 'values'.`));
    expect(count(hostilePage, '</style>')).toBe(1);
    expect(count(hostilePage, '</svg>')).toBe(2);
  });

  it('escapes names inside the SVG graph, its titles and attributes', () => {
    const svg = hostilePage.slice(hostilePage.indexOf('<svg class="graph"'), hostilePage.indexOf('</svg>', hostilePage.indexOf('<svg class="graph"')));
    expect(svg).toContain(`<title>crm ${ESCAPED_HOSTILE}: 60 rows · hub</title>`);
    expect(svg).not.toContain('<script');
  });

  it('never writes a dataset or column name raw when it holds "<" (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (a, b, c) => {
        const dataset = `«${a}<${b}»`;
        const column = `«${c}<${a}»`;
        const first = sample.datasets[0]!;
        const report = renameColumn(renameDataset(sample, first.name, dataset), dataset, first.columns[0]!.name, column);
        const page = renderHtml(report);
        expect(page).not.toContain(dataset);
        expect(page).not.toContain(column);
        expect(page).toContain(escapeHtml(dataset));
        expect(page).toContain(escapeHtml(column));
      }),
      { numRuns: 40 },
    );
  });
});
