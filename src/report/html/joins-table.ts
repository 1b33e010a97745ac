import type { JoinCandidate, ScanReport } from '../../model';
import { html, type Html } from './escape';
import { formatCount, formatEstimate, formatShare } from './format';

/** Rejected candidates listed (the strongest first, as in the report); the JSON report has them all. */
const MAX_REJECTED_ROWS = 50;

function sideLabel(join: JoinCandidate): string {
  if (join.transformSide === 'both') return 'both sides';
  return `${join.transformSide === 'left' ? join.left.dataset : join.right.dataset} side`;
}

function joinRow(j: JoinCandidate): Html {
  const approx = j.exact ? '' : '~';
  return html`<tbody class="${j.accepted ? 'accepted' : 'rejected'}"><tr>
<td><span class="status ${j.accepted ? 'ok' : 'no'}">${j.accepted ? 'accepted' : 'rejected'}</span>${j.selfJoin ? html` <span class="tag">self</span>` : ''}</td>
<td><span class="ds">${j.left.dataset}</span><br><span class="col">${j.left.column}</span></td>
<td><span class="ds">${j.right.dataset}</span><br><span class="col">${j.right.column}</span></td>
<td><code>${j.transform}</code><br><span class="muted">${j.keyKind} · ${sideLabel(j)}</span></td>
<td class="num">${approx}${formatShare(j.containmentLeft)}<br><span class="muted">${approx}${formatShare(j.containmentRight)}</span></td>
<td class="num">${approx}${formatShare(j.matchRateLeft)}<br><span class="muted">${approx}${formatShare(j.matchRateRight)}</span></td>
<td class="num">${formatEstimate(j.matchedValues, j.exact)}</td>
<td>${j.cardinality}</td>
<td class="num">${j.confidence.toFixed(2)}</td>
</tr>
<tr class="why"><td></td><td colspan="8" class="explanation">${j.explanation}</td></tr></tbody>`;
}

/** Every join candidate, accepted first, then the strongest rejected ones; each with its explanation below its figures. */
export function joinsSection(report: ScanReport): Html {
  const accepted = report.joins.filter((j) => j.accepted);
  const rejected = report.joins.filter((j) => !j.accepted);
  const shown = rejected.slice(0, MAX_REJECTED_ROWS);
  const hidden = rejected.length - shown.length;
  const body =
    report.joins.length === 0
      ? html`<p class="muted">No join candidates were found.</p>`
      : html`<div class="table-wrap"><table class="joins">
<thead><tr><th scope="col">Status</th><th scope="col">Left</th><th scope="col">Right</th><th scope="col">Transform</th><th scope="col" class="num">Containment<br><span class="muted">left / right</span></th><th scope="col" class="num">Rows matched<br><span class="muted">left / right</span></th><th scope="col" class="num">Shared values</th><th scope="col">Cardinality</th><th scope="col" class="num">Confidence</th></tr></thead>
${accepted.map(joinRow)}${shown.map(joinRow)}
</table></div>${hidden > 0 ? html`<p class="muted">${formatCount(hidden)} weaker rejected candidates are left out here; the JSON report lists them all.</p>` : ''}`;
  return html`<section id="joins" aria-labelledby="joins-h">
<h2 id="joins-h">Joins</h2>
${report.joins.length === 0 ? '' : html`<p class="lead">${formatCount(accepted.length)} accepted of ${formatCount(report.joins.length)} candidates measured. Containment: share of each side's distinct values found on the other side. Rows matched: share of each side's rows whose key finds a partner. “~” marks figures measured on a sample.</p>`}
${body}
</section>`;
}
