import type { ScanReport, StitchEstimate } from '../../model';
import { SAMPLED_STITCH_CAVEAT } from '../_stitch-caveat';
import { bar } from './bar';
import { html, joinHtml, type Html } from './escape';
import { formatCount, formatEstimate, formatShare, formatShareOf, totalRows } from './format';

/** Overlap rows shown; the rest are summed up in one line. */
const MAX_OVERLAP_ROWS = 20;

function overlapRows(stitch: StitchEstimate): Html {
  const sorted = [...stitch.overlaps].sort((a, b) => b.profiles - a.profiles || b.datasets.length - a.datasets.length);
  const max = sorted[0]?.profiles ?? 0;
  const shown = sorted.slice(0, MAX_OVERLAP_ROWS);
  const rest = sorted.slice(MAX_OVERLAP_ROWS);
  const rows = shown.map((o) => {
    const label = joinHtml(o.datasets.map((d) => html`<span class="chip">${d}</span>`), ' + ');
    return html`<tr><th scope="row" class="overlap-label">${label}${o.datasets.length > 1 ? '' : html` <span class="muted">only</span>`}</th><td class="overlap-bar">${bar(max === 0 ? 0 : o.profiles / max, o.datasets.length > 1 ? 'neutral' : 'muted', `${formatCount(o.profiles)} profiles`)}</td><td class="num">${formatCount(o.profiles)}</td><td class="num muted">${formatShareOf(o.profiles, stitch.unifiedProfiles)}</td></tr>`;
  });
  const restRow =
    rest.length === 0
      ? ''
      : html`<tr><th scope="row" class="muted">${formatCount(rest.length)} other combinations</th><td></td><td class="num">${formatCount(rest.reduce((s, o) => s + o.profiles, 0))}</td><td></td></tr>`;
  return html`<table class="overlaps"><caption>Unified profiles by the datasets they have records in</caption><thead><tr><th scope="col">Datasets</th><th scope="col">Profiles</th><th scope="col" class="num">count</th><th scope="col" class="num">share</th></tr></thead><tbody>${rows}${restRow}</tbody></table>`;
}

function linkageTable(stitch: StitchEstimate): Html {
  const rows = stitch.datasets.map(
    (d) =>
      html`<tr><th scope="row">${d.dataset}</th><td class="num">${formatCount(d.rows)}</td><td class="num">${formatCount(d.linkedRows)}</td><td class="share-bar">${bar(d.linkedShare, 'neutral', `${formatShare(d.linkedShare)} of rows linked`)} <span class="num">${formatShare(d.linkedShare)}</span></td><td class="num">${formatCount(d.rowsWithoutKeys)}</td></tr>`,
  );
  return html`<table class="linkage"><caption>Rows linked to another dataset</caption><thead><tr><th scope="col">Dataset</th><th scope="col" class="num">rows</th><th scope="col" class="num">linked rows</th><th scope="col">linked share</th><th scope="col" class="num">rows without keys</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** The dry-run stitch: unified profiles (estimated or exact), linked share per dataset, source overlaps. */
export function overlapSection(report: ScanReport): Html {
  const stitch = report.graph.stitch;
  const basis = stitch.exact
    ? html`<span class="tag">exact</span>`
    : html`<span class="tag warn">estimated</span> <span class="muted">from a ${formatShare(stitch.sampleRate)} sample of identity values</span>`;
  return html`<section id="stitch" aria-labelledby="stitch-h">
<h2 id="stitch-h">Dry-run stitch</h2>
<p class="stitch-headline"><span class="big-number">${formatEstimate(stitch.unifiedProfiles, stitch.exact)}</span> unified customer profiles from ${formatCount(totalRows(report))} records ${basis}</p>
${stitch.exact ? '' : html`<p class="muted">${SAMPLED_STITCH_CAVEAT}</p>`}
<p class="lead">Every record linked on the accepted joins through ${formatCount(stitch.columnsUsed.length)} identity columns${stitch.junkExcluded > 0 ? `, leaving out ${formatCount(stitch.junkExcluded)} junk values` : ''}.</p>
<div class="two-col">
<div>${linkageTable(stitch)}</div>
<div>${stitch.overlaps.length === 0 ? html`<p class="muted">No profiles.</p>` : overlapRows(stitch)}</div>
</div>
</section>`;
}
