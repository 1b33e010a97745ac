import type { JoinCandidate, ScanReport } from '../../src/model';

/** A deep copy of a report, to derive variants without touching the original. */
export function cloneReport(report: ScanReport): ScanReport {
  return structuredClone(report);
}

/** A deep copy with every occurrence of `from` in any string (names, refs, messages) replaced by `to`. */
export function renameEverywhere(report: ScanReport, from: string, to: string): ScanReport {
  const json = JSON.stringify(report).replaceAll(JSON.stringify(from).slice(1, -1), JSON.stringify(to).slice(1, -1));
  return JSON.parse(json) as ScanReport;
}

const DATASET_ARRAYS = new Set(['datasets', 'components', 'unreachable']);

/**
 * Renames a dataset everywhere the report names it: profile name, joins, graph, stitch, scores,
 * findings. Only exact string matches are replaced, only where a dataset name belongs.
 */
export function renameDataset(report: ScanReport, from: string, to: string): ScanReport {
  const walk = (value: unknown, key: string): unknown => {
    if (typeof value === 'string') return (key === 'dataset' || key === 'hub' || key === '[]') && value === from ? to : value;
    if (Array.isArray(value)) return value.map((v) => walk(v, typeof v === 'string' && DATASET_ARRAYS.has(key) ? '[]' : key));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    }
    return value;
  };
  const out = walk(cloneReport(report), '') as ScanReport;
  for (const d of out.datasets) if (d.name === from) d.name = to;
  return out;
}

/** Renames a column of one dataset in its profile, its joins and the findings about it. */
export function renameColumn(report: ScanReport, dataset: string, from: string, to: string): ScanReport {
  const out = cloneReport(report);
  for (const d of out.datasets) if (d.name === dataset) for (const c of d.columns) if (c.name === from) c.name = to;
  const refs = [...out.joins.flatMap((j) => [j.left, j.right]), ...out.graph.edges.flatMap((e) => [e.left, e.right]), ...out.graph.stitch.columnsUsed];
  for (const r of refs) if (r.dataset === dataset && r.column === from) r.column = to;
  for (const f of out.findings) if (f.dataset === dataset && f.column === from) f.column = to;
  return out;
}

function join(base: JoinCandidate, left: string, right: string, leftColumn: string, rightColumn: string, accepted = true): JoinCandidate {
  return {
    ...structuredClone(base),
    left: { dataset: left, column: leftColumn },
    right: { dataset: right, column: rightColumn },
    accepted,
    selfJoin: left === right,
  };
}

/**
 * A report with `count` datasets (copies of the sample's profiles named `ds 1`...), a chain of
 * accepted joins, two more joins between the first two datasets, a self join on the third (when
 * there is one), a last dataset that cannot reach the hub, and an estimated stitch.
 */
export function manyDatasetsReport(sample: ScanReport, count: number): ScanReport {
  const out = cloneReport(sample);
  const base = sample.joins[0]!;
  const names = Array.from({ length: count }, (_, i) => `ds ${i + 1}`);
  out.datasets = names.map((name, i) => ({ ...structuredClone(sample.datasets[i % sample.datasets.length]!), name }));
  const linked = count > 2 ? names.slice(0, -1) : names;
  const joins: JoinCandidate[] = [];
  for (let i = 1; i < linked.length; i++) joins.push(join(base, linked[i - 1]!, linked[i]!, 'email', 'Email Address'));
  if (count >= 2) {
    joins.push(join(base, names[1]!, names[0]!, 'phone', 'mobile'));
    joins.push(join(base, names[0]!, names[1]!, 'customer_id', 'crm_id'));
    joins.push(join(base, names[0]!, names[1]!, 'country', 'country', false));
  }
  if (count >= 3) joins.push(join(base, names[2]!, names[2]!, 'referrer_id', 'customer_id'));
  out.joins = joins;
  out.graph = {
    ...out.graph,
    nodes: out.datasets.map((d) => ({ dataset: d.name, rows: d.rowCount, joins: 1 })),
    hub: names[0] ?? null,
    hubChosenBy: 'user',
    unreachable: count > 2 ? [names[count - 1]!] : [],
    components: count > 2 ? [linked, [names[count - 1]!]] : [names],
    stitch: {
      ...out.graph.stitch,
      exact: false,
      sampleRate: 0.25,
      unifiedProfiles: 123_456,
      datasets: out.datasets.map((d, i) => ({ dataset: d.name, rows: d.rowCount, linkedRows: Math.floor(d.rowCount / (i + 2)), linkedShare: 1 / (i + 2), rowsWithoutKeys: i })),
      overlaps: names.flatMap((n, i) => [
        { datasets: [n], profiles: 1000 - i * 10 },
        ...(i > 0 ? [{ datasets: [names[i - 1]!, n].sort(), profiles: 500 - i * 7 }] : []),
      ]),
    },
  };
  return out;
}
