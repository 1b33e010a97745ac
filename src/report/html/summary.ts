import type { DimensionScore, Finding, ScanReport } from '../../model';
import { bar, scoreTone } from './bar';
import { html, type Html } from './escape';
import { findingLocation } from './findings';
import { DIMENSION_LABELS, formatCount, formatEstimate, formatGain, formatScore, TOP_FIXES, totalRows } from './format';
import { scoreGauge } from './gauge';

function dimensionRow(d: DimensionScore): Html {
  const label = DIMENSION_LABELS[d.dimension];
  const cell =
    d.score === null
      ? html`<td class="dim-bar"><span class="muted">not scored</span></td><td class="num muted">–</td>`
      : html`<td class="dim-bar">${bar(d.score / 100, scoreTone(d.score), `${label}: ${formatScore(d.score)} of 100`)}</td><td class="num">${formatScore(d.score)}</td>`;
  return html`<tr><th scope="row">${label}</th>${cell}<td class="basis">${d.basis}</td></tr>`;
}

function topFix(f: Finding): Html {
  return html`<li><p class="fix-message">${f.message}</p><p class="fix-meta"><span class="sev ${f.severity}">${f.severity}</span> <code>${f.code}</code>${findingLocation(f)} · score ${formatScore(f.impact.scoreBefore)} → ${formatScore(f.impact.scoreAfter)} <span class="gain">(${formatGain(f.impact.gain)})</span></p></li>`;
}

function keyFigures(report: ScanReport): Html {
  const accepted = report.joins.filter((j) => j.accepted).length;
  const stitch = report.graph.stitch;
  const figure = (value: string, label: string): Html => html`<div class="figure"><span class="figure-value">${value}</span><span class="figure-label">${label}</span></div>`;
  return html`<div class="figures">${[
    figure(formatCount(report.datasets.length), report.datasets.length === 1 ? 'dataset' : 'datasets'),
    figure(formatCount(totalRows(report)), 'rows'),
    figure(formatCount(accepted), accepted === 1 ? 'accepted join' : 'accepted joins'),
    figure(formatEstimate(stitch.unifiedProfiles, stitch.exact), stitch.exact ? 'unified profiles' : 'unified profiles (estimated)'),
  ]}</div>`;
}

/** The executive summary: score, grade, verdict, key figures, dimensions and the top three fixes. */
export function summarySection(report: ScanReport): Html {
  const { score } = report;
  const fixes = report.findings.slice(0, TOP_FIXES);
  return html`<section id="summary" class="summary" aria-labelledby="summary-h">
<h2 id="summary-h">Executive summary</h2>
<div class="headline">
${scoreGauge(score.overall, score.grade)}
<div class="verdict-box">
<p class="grade-line"><span class="grade grade-${score.grade}">Grade ${score.grade}</span> <span class="muted">readiness for a single customer view</span></p>
<p class="verdict">${score.verdict}</p>
${keyFigures(report)}
</div>
</div>
<div class="two-col">
<div>
<h3>Score by dimension</h3>
<table class="dims"><thead><tr><th scope="col">Dimension</th><th scope="col">Score</th><th scope="col" class="num">of 100</th><th scope="col">Based on</th></tr></thead>
<tbody>${score.dimensions.map(dimensionRow)}</tbody></table>
</div>
<div>
<h3>${fixes.length === 1 ? 'Top fix' : fixes.length === 0 ? 'Top fixes' : `Top ${fixes.length} fixes`}</h3>
${fixes.length === 0 ? html`<p class="muted">No findings: nothing to fix.</p>` : html`<ol class="top-fixes">${fixes.map(topFix)}</ol>`}
</div>
</div>
</section>`;
}
