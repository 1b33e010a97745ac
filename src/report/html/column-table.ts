import type { ColumnProfile, DatasetProfile } from '../../model';
import { bar, nullTone } from './bar';
import { html, type Html } from './escape';
import { formatCount, formatEstimate, formatShare, truncate } from './format';

/** Examples shown per column, and the characters kept of each. */
const MAX_EXAMPLES = 5;
const EXAMPLE_CHARS = 48;

function semantic(c: ColumnProfile): Html {
  if (c.semanticType === null) return html`<span class="muted">–</span>`;
  return html`<span class="semantic">${c.semanticType}</span> <span class="muted">${formatShare(c.semanticConfidence)}</span>`;
}

function examples(c: ColumnProfile): Html {
  const shown = c.examples.slice(0, MAX_EXAMPLES);
  if (shown.length === 0) return html`<span class="muted">–</span>`;
  const chips = shown.map((e) => html`<code class="example" title="${e}">${truncate(e, EXAMPLE_CHARS)}</code>`);
  return html`${chips}${c.masked ? html` <span class="tag">masked</span>` : ''}`;
}

function columnRow(c: ColumnProfile, rows: number): Html {
  const nullRate = rows === 0 ? 0 : c.nullCount / rows;
  return html`<tr>
<th scope="row" class="col-name">${c.name}</th>
<td>${c.inferredType}</td>
<td>${semantic(c)}</td>
<td class="null-cell">${bar(nullRate, nullTone(nullRate), `${formatShare(nullRate)} null`)} <span class="num">${formatShare(nullRate)}</span> <span class="muted">(${formatCount(c.nullCount)})</span></td>
<td class="num">${formatEstimate(c.distinctCount, c.distinctExact)}</td>
<td class="examples">${examples(c)}</td>
</tr>`;
}

/** The column table of one dataset: type, semantic type, null rate bar, distinct count, examples. */
export function columnTable(profile: DatasetProfile): Html {
  return html`<div class="table-wrap"><table class="columns">
<caption>${formatCount(profile.columns.length)} columns of ${profile.name}</caption>
<thead><tr><th scope="col">Column</th><th scope="col">Type</th><th scope="col">Semantic type</th><th scope="col">Nulls</th><th scope="col" class="num">Distinct</th><th scope="col">Examples</th></tr></thead>
<tbody>${profile.columns.map((c) => columnRow(c, profile.rowCount))}</tbody>
</table></div>`;
}
