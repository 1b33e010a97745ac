import type { ScanReport } from '../../model';
import { html, joinHtml, type Html } from './escape';
import { formatRef, formatShare } from './format';
import { drawnJoins, graphSvg, type DrawnJoin } from './graph-svg';

function joinItem(edge: DrawnJoin): Html {
  const j = edge.join;
  return html`<li value="${edge.number}"><span class="ref">${formatRef(j.left)}</span> ↔ <span class="ref">${formatRef(j.right)}</span>${j.selfJoin ? html` <span class="tag">within one dataset</span>` : ''} · <code>${j.transform}</code> · rows matched ${formatShare(j.matchRateLeft)} / ${formatShare(j.matchRateRight)}</li>`;
}

function hubNote(report: ScanReport): Html {
  const { hub, hubChosenBy, unreachable, components } = report.graph;
  const parts: Html[] = [];
  if (hub !== null) {
    parts.push(html`Hub: <strong>${hub}</strong> (${hubChosenBy === 'user' ? 'chosen by you' : 'the dataset with the most joins'}).`);
  }
  if (unreachable.length > 0) {
    parts.push(html`<span class="warn-text">Cannot reach the hub: ${joinHtml(unreachable.map((d) => html`<strong>${d}</strong>`), ', ')}.</span>`);
  } else if (hub !== null) {
    parts.push(html`Every dataset reaches the hub.`);
  }
  if (components.length > 1) parts.push(html`${components.length} separate groups of datasets.`);
  return html`<p>${joinHtml(parts, ' ')}</p>`;
}

/** The identity-graph section: the SVG, a legend, and the numbered list of accepted joins. */
export function graphSection(report: ScanReport): Html {
  const edges = drawnJoins(report);
  return html`<section id="graph" aria-labelledby="graph-h">
<h2 id="graph-h">Identity graph</h2>
<p class="lead">Datasets (with their row counts) and the accepted joins between them. Edge labels give the two columns and the share of each side's rows that find a match.</p>
${hubNote(report)}
<figure class="graph-figure">
${graphSvg(report, edges)}
<figcaption class="legend"><span class="swatch hub"></span> hub <span class="swatch plain"></span> dataset <span class="swatch unreachable"></span> cannot reach the hub <span class="swatch-line"></span> accepted join (thicker: more confident)</figcaption>
</figure>
${edges.length === 0 ? html`<p class="muted">No accepted joins: the datasets cannot be linked on the columns found.</p>` : html`<h3>Accepted joins</h3><ol class="join-list">${edges.map(joinItem)}</ol>`}
</section>`;
}
