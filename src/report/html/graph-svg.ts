import type { JoinCandidate, ScanReport } from '../../model';
import { html, type Html } from './escape';
import { formatCount, formatRef, formatShare, hashOf, truncate } from './format';
import { circleLayout, edgeGeometry, fanOffsets, loopPath, NODE_HEIGHT, type Point } from './graph-layout';

/** Above this many joins the edges carry numbers (explained in the list below the graph) instead of labels. */
export const MAX_LABELLED_EDGES = 6;

/** Rough width of a character of an edge label (11px sans-serif), to size its background. */
const LABEL_CHAR_WIDTH = 6.2;

/** An accepted join as drawn: its number in the legend and the indexes of its two datasets. */
export interface DrawnJoin {
  number: number;
  join: JoinCandidate;
  from: number;
  to: number;
}

/** Accepted joins whose datasets are both in the report, numbered from 1 in report order. */
export function drawnJoins(report: ScanReport): DrawnJoin[] {
  const index = new Map<string, number>();
  report.datasets.forEach((d, i) => {
    if (!index.has(d.name)) index.set(d.name, i);
  });
  const out: DrawnJoin[] = [];
  for (const join of report.joins) {
    const from = index.get(join.left.dataset);
    const to = index.get(join.right.dataset);
    if (!join.accepted || from === undefined || to === undefined) continue;
    out.push({ number: out.length + 1, join, from, to });
  }
  return out;
}

/**
 * Short edge label: the two columns, then the hash step if any and both match rates. `flip` puts
 * the right side first, so the label reads in the order the two nodes appear on screen.
 */
export function edgeLabel(join: JoinCandidate, flip = false): [string, string] {
  const hash = hashOf(join.transform);
  const sides = [
    { column: join.left.column, rate: join.matchRateLeft },
    { column: join.right.column, rate: join.matchRateRight },
  ];
  const [a, b] = flip ? [sides[1]!, sides[0]!] : [sides[0]!, sides[1]!];
  return [
    `${truncate(a.column, 22)} ↔ ${truncate(b.column, 22)}`,
    `${hash === null ? '' : `${hash} · `}${formatShare(a.rate)} / ${formatShare(b.rate)}`,
  ];
}

/** Whether `p` is drawn before `q` reading left to right (then top to bottom). */
function readsBefore(p: Point, q: Point): boolean {
  return p.x < q.x - 1 || (Math.abs(p.x - q.x) <= 1 && p.y < q.y);
}

function edgeTitle(join: JoinCandidate): string {
  return `${formatRef(join.left)} ↔ ${formatRef(join.right)} · ${join.transform} · rows matched ${formatShare(join.matchRateLeft)} / ${formatShare(join.matchRateRight)} · confidence ${join.confidence.toFixed(2)}`;
}

function edgeMark(edge: DrawnJoin, at: Point, labelled: boolean, flip = false): Html {
  if (!labelled) {
    return html`<circle class="edge-badge" cx="${at.x}" cy="${at.y}" r="10"/><text class="edge-badge-text" x="${at.x}" y="${at.y + 4}" text-anchor="middle">${edge.number}</text>`;
  }
  const [line1, line2] = edgeLabel(edge.join, flip);
  const width = Math.round(Math.max(Array.from(line1).length, Array.from(line2).length) * LABEL_CHAR_WIDTH + 14);
  return html`<rect class="edge-label-bg" x="${at.x - width / 2}" y="${at.y - 17}" width="${width}" height="34" rx="5"/><text class="edge-label" x="${at.x}" y="${at.y - 3}" text-anchor="middle"><tspan x="${at.x}">${line1}</tspan><tspan x="${at.x}" dy="14" class="edge-rates">${line2}</tspan></text>`;
}

/** Edge paths (drawn under the nodes) and their labels (drawn over them). */
function drawEdges(edges: readonly DrawnJoin[], nodes: readonly Point[]): { lines: Html[]; marks: Html[] } {
  const labelled = edges.filter((e) => e.from !== e.to).length <= MAX_LABELLED_EDGES;
  const groups = new Map<string, DrawnJoin[]>();
  for (const e of edges) {
    const key = e.from === e.to ? `self ${e.from}` : `${Math.min(e.from, e.to)} ${Math.max(e.from, e.to)}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [e]);
    else group.push(e);
  }
  const lines: Html[] = [];
  const marks: Html[] = [];
  for (const group of groups.values()) {
    const offsets = fanOffsets(group.length);
    group.forEach((e, i) => {
      const width = (1.5 + 2.5 * e.join.confidence).toFixed(1);
      const title = html`<title>${edgeTitle(e.join)}</title>`;
      if (e.from === e.to) {
        const node = nodes[e.from]!;
        const loop = loopPath(node, i);
        lines.push(html`<g class="loop" data-join="${e.number}">${title}<path d="${loop.path}" stroke-width="${width}"/></g>`);
        marks.push(html`<g class="edge-mark" data-join="${e.number}">${title}${edgeMark(e, loop.top, false)}</g>`);
        return;
      }
      const a = nodes[Math.min(e.from, e.to)]!;
      const b = nodes[Math.max(e.from, e.to)]!;
      const geometry = edgeGeometry(a, b, offsets[i] ?? 0);
      lines.push(html`<g class="edge" data-join="${e.number}">${title}<path d="${geometry.path}" stroke-width="${width}"/></g>`);
      marks.push(html`<g class="edge-mark" data-join="${e.number}">${title}${edgeMark(e, geometry.label, labelled, !readsBefore(nodes[e.from]!, nodes[e.to]!))}</g>`);
    });
  }
  return { lines, marks };
}

function drawNode(report: ScanReport, i: number, at: Point, width: number): Html {
  const dataset = report.datasets[i]!;
  const hub = report.graph.hub === dataset.name;
  const unreachable = report.graph.unreachable.includes(dataset.name);
  const kind = unreachable ? 'unreachable' : hub ? 'hub' : 'plain';
  const detail = `${formatCount(dataset.rowCount)} rows${hub ? ' · hub' : ''}${unreachable ? ' · unreachable' : ''}`;
  const x = at.x - width / 2;
  const y = at.y - NODE_HEIGHT / 2;
  return html`<g class="node ${kind}" data-dataset="${i}"><title>${`${dataset.name}: ${detail}`}</title><rect x="${x}" y="${y}" width="${width}" height="${NODE_HEIGHT}" rx="8"/><text class="node-name" x="${at.x}" y="${at.y - 4}" text-anchor="middle">${truncate(dataset.name, Math.floor((width - 12) / 8))}</text><text class="node-detail" x="${at.x}" y="${at.y + 14}" text-anchor="middle">${detail}</text></g>`;
}

/**
 * The identity graph as inline SVG: one `g.node` per dataset (hub and unreachable datasets marked),
 * one `g.edge` per accepted join between two datasets and a `g.loop` per join within one. `edges`
 * are drawnJoins(report), passed in when the caller has them already.
 */
export function graphSvg(report: ScanReport, edges: readonly DrawnJoin[] = drawnJoins(report)): Html {
  const layout = circleLayout(report.datasets.length);
  const { lines, marks } = drawEdges(edges, layout.nodes);
  const name = `Identity graph: ${report.datasets.length} datasets, ${edges.length} accepted joins`;
  return html`<svg class="graph" viewBox="0 0 ${layout.width} ${layout.height}" role="img" aria-label="${name}">
<title>${name}</title>
<g class="edges">${lines}</g>
<g class="nodes">${layout.nodes.map((at, i) => drawNode(report, i, at, layout.nodeWidth))}</g>
<g class="edge-marks">${marks}</g>
</svg>`;
}
