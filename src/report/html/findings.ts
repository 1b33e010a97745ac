import type { Finding, ScanReport } from '../../model';
import { html, joinHtml, type Html } from './escape';
import { DIMENSION_LABELS, findingPlace, formatCount, formatGain, formatScore } from './format';

/** ` · dataset.column` after a finding's code, or nothing when it concerns the whole report. */
export function findingLocation(f: Finding): Html {
  const where = findingPlace(f);
  return where === null ? html`` : html` · <span class="ref">${where}</span>`;
}

function evidence(f: Finding): Html {
  const entries = Object.entries(f.evidence);
  if (entries.length === 0) return html``;
  return html`<p class="evidence"><span class="label">Evidence</span> ${joinHtml(
    entries.map(([key, n]) => html`${key} <strong>${formatCount(n)}</strong>`),
    ' · ',
  )}</p>`;
}

function findingItem(f: Finding): Html {
  const dim = DIMENSION_LABELS[f.dimension];
  return html`<li class="finding sev-${f.severity}">
<p class="finding-head"><span class="sev ${f.severity}">${f.severity}</span> <code class="code">${f.code}</code>${findingLocation(f)} <span class="muted">· ${dim}</span></p>
<p class="finding-message">${f.message}</p>
<p class="finding-fix"><span class="label">Fix</span> ${f.fix}</p>
<p class="impact"><span class="label">Impact</span> score ${formatScore(f.impact.scoreBefore)} → ${formatScore(f.impact.scoreAfter)} <span class="gain">${formatGain(f.impact.gain)}</span> · ${dim} ${formatScore(f.impact.dimensionBefore)} → ${formatScore(f.impact.dimensionAfter)}</p>
${evidence(f)}
</li>`;
}

/** Every finding, largest gain first (the report's order), with its fix, impact and evidence. */
export function findingsSection(report: ScanReport): Html {
  const counts = (['high', 'medium', 'low'] as const).map((s) => `${formatCount(report.findings.filter((f) => f.severity === s).length)} ${s}`);
  return html`<section id="findings" aria-labelledby="findings-h">
<h2 id="findings-h">Findings</h2>
${report.findings.length === 0
  ? html`<p class="muted">No findings.</p>`
  : html`<p class="lead">${formatCount(report.findings.length)} ${report.findings.length === 1 ? 'finding' : 'findings'} (${counts.join(', ')}), the largest score gain first.</p><ol class="findings">${report.findings.map(findingItem)}</ol>`}
</section>`;
}
