import type { DatasetProfile, ReadIssue, ScanReport } from '../../model';
import { columnTable } from './column-table';
import { html, joinHtml, type Html } from './escape';
import { formatCount, formatScore } from './format';

/** Line numbers listed per read issue. */
const MAX_ISSUE_LINES = 5;

function issueItem(issue: ReadIssue): Html {
  const lines = issue.lines.slice(0, MAX_ISSUE_LINES).map(formatCount).join(', ');
  const more = issue.lines.length > MAX_ISSUE_LINES || issue.count > issue.lines.length ? ', …' : '';
  return html`<li><code>${issue.code}</code> × ${formatCount(issue.count)}${lines === '' ? '' : html` <span class="muted">(lines ${lines}${more})</span>`}: ${issue.message}</li>`;
}

function scoreBadge(report: ScanReport, name: string): Html {
  const score = report.score.perDataset.find((s) => s.dataset === name);
  if (score === undefined) return html``;
  return html`<span class="ds-score"><span class="grade grade-${score.grade}">${score.grade}</span> ${formatScore(score.overall)}<span class="muted"> / 100</span></span>`;
}

function datasetSection(report: ScanReport, profile: DatasetProfile, i: number): Html {
  const issues = profile.issues.reduce((sum, x) => sum + x.count, 0);
  const keys = profile.candidateKeys.map((k) => html`<code>${k.columns.join(' + ')}</code>`);
  return html`<section class="dataset" id="dataset-${i}" aria-labelledby="dataset-${i}-h">
<h3 id="dataset-${i}-h"><span class="ds-name">${profile.name}</span> ${scoreBadge(report, profile.name)}</h3>
<dl class="facts">
<div><dt>Rows</dt><dd>${formatCount(profile.rowCount)}</dd></div>
<div><dt>Columns</dt><dd>${formatCount(profile.columns.length)}</dd></div>
<div><dt>Format</dt><dd>${profile.format}${profile.source.compression === null ? '' : ` (${profile.source.compression})`} · ${profile.source.encoding}</dd></div>
<div><dt>Read issues</dt><dd class="${issues > 0 ? 'warn-text' : ''}">${formatCount(issues)}${profile.malformedRowCount > 0 ? ` (${formatCount(profile.malformedRowCount)} rows skipped)` : ''}</dd></div>
${profile.source.path === null ? '' : html`<div><dt>Source</dt><dd><code>${profile.source.path}</code></dd></div>`}
</dl>
${keys.length === 0 ? '' : html`<p>Candidate keys: ${joinHtml(keys, ', ')}</p>`}
${profile.issues.length === 0 ? '' : html`<ul class="issues">${profile.issues.map(issueItem)}</ul>`}
${columnTable(profile)}
</section>`;
}

/** One section per dataset: facts, per-dataset score, read issues and the column table. */
export function datasetsSection(report: ScanReport): Html {
  return html`<section id="datasets" aria-labelledby="datasets-h">
<h2 id="datasets-h">Datasets</h2>
${report.datasets.map((d, i) => datasetSection(report, d, i))}
</section>`;
}
