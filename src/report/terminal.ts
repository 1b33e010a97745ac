import type { JoinCandidate, ScanReport, Severity } from '../model';
import { DIMENSION_LABELS, findingPlace, formatCount, formatEstimate, formatGain, formatRef, formatScore, formatShare, totalRows } from './_format';
import { pad, renderLine, terminalText, truncate, visibleLength, wrap, type Line, type Span } from './_spans';
import { gradeStyle, type Style } from './colour';
import { SAMPLED_STITCH_CAVEAT } from './_stitch-caveat';

export interface TerminalSummaryOptions {
  /** ANSI colours; without them the text holds no escape code at all (see `shouldUseColour`) [false] */
  colour?: boolean;
  /** columns to fit; longer lines are cut with an ellipsis [80] */
  width?: number;
  /** where the full report was written, for the closing line [none: the line says how to write it] */
  reportPath?: string;
}

/** Rows shown per list before `… and N more`, so the summary stays one screen. */
export const TERMINAL_LIMITS = { datasets: 8, joins: 8, findings: 5 } as const;

const SEVERITY_STYLE = { high: 'red', medium: 'yellow', low: 'dim' } as const satisfies Record<Severity, Style>;

/**
 * The one-screen summary a scan prints: score and grade, verdict, a bar per dimension, datasets
 * with their linked share, accepted joins, unified profiles and the top five findings, then a
 * pointer to the full report. Pure: report in, text out; data values are stripped of control
 * characters, so no escape code reaches the terminal unless `colour` is on.
 * @param report a ScanReport
 * @param options.colour ANSI colours [false]
 * @param options.width columns to fit [80]
 * @param options.reportPath the full report's path, for the last line
 * @returns text without a trailing newline
 * @example console.log(renderTerminalSummary(report, { colour: shouldUseColour(process.env, process.stdout.isTTY === true) }))
 */
export function renderTerminalSummary(report: ScanReport, options: TerminalSummaryOptions = {}): string {
  const width = Math.max(40, Math.floor(options.width ?? 80));
  const colour = options.colour ?? false;
  const { score } = report;
  const lines: Line[] = [
    [
      { text: 'stitchscan  ', style: 'bold' },
      { text: 'readiness ' },
      { text: `${formatScore(score.overall)}/100`, style: gradeStyle(score.grade) },
      { text: '  grade ' },
      { text: score.grade, style: gradeStyle(score.grade) },
    ],
    ...wrap(terminalText(score.verdict), width).map((text) => [{ text }]),
    [],
    ...dimensionLines(report, width),
    [],
    ...datasetLines(report),
    [],
    ...joinLines(report, width),
    [],
    ...findingLines(report),
    [{ text: pointer(report, options.reportPath), style: 'dim' }],
  ];
  return lines.map((line) => renderLine(line, width, colour)).join('\n');
}

function dimensionLines(report: ScanReport, width: number): Line[] {
  const barWidth = width >= 70 ? 20 : 10;
  const labelWidth = Math.max(...Object.values(DIMENSION_LABELS).map((l) => l.length));
  return report.score.dimensions.map((d): Line => {
    const label = { text: `  ${pad(DIMENSION_LABELS[d.dimension], labelWidth)}  ` };
    if (d.score === null) return [label, { text: '░'.repeat(barWidth), style: 'dim' }, { text: '  not scored', style: 'dim' }];
    const filled = Math.round((Math.min(100, Math.max(0, d.score)) / 100) * barWidth);
    return [label, { text: '█'.repeat(filled) }, { text: '░'.repeat(barWidth - filled), style: 'dim' }, { text: `  ${formatScore(d.score)}` }];
  });
}

function datasetLines(report: ScanReport): Line[] {
  const shown = report.datasets.slice(0, TERMINAL_LIMITS.datasets);
  const rows = shown.map((d) => {
    const linkage = report.graph.stitch.datasets.find((l) => l.dataset === d.name);
    return [truncate(terminalText(d.name), 30), formatCount(d.rowCount), linkage === undefined ? '-' : formatShare(linkage.linkedShare)];
  });
  const w = [0, 1, 2].map((i) => Math.max(['Datasets', 'rows', 'linked'][i]!.length - (i === 0 ? 2 : 0), ...rows.map((r) => visibleLength(r[i]!))));
  const lines: Line[] = [[{ text: pad('Datasets', w[0]! + 2), style: 'bold' }, { text: `  ${pad('rows', w[1]!, 'r')}  ${pad('linked', w[2]!, 'r')}`, style: 'bold' }]];
  for (const [name, rowCount, linked] of rows) lines.push([{ text: `  ${pad(name!, w[0]!)}  ${pad(rowCount!, w[1]!, 'r')}  ${pad(linked!, w[2]!, 'r')}` }]);
  const more = report.datasets.length - shown.length;
  if (more > 0) lines.push([{ text: `  … and ${formatCount(more)} more`, style: 'dim' }]);
  return lines;
}

function joinLines(report: ScanReport, width: number): Line[] {
  const accepted = report.joins.filter((j) => j.accepted);
  const s = report.graph.stitch;
  const unified: Line = [
    { text: 'Unified profiles: ', style: 'bold' },
    { text: formatEstimate(s.unifiedProfiles, s.exact), style: 'bold' },
    { text: ` from ${formatCount(totalRows(report))} rows (${s.exact ? 'exact' : `estimated on a ${formatShare(s.sampleRate)} sample`})` },
  ];
  const head: Line = [{ text: `Joins: ${formatCount(accepted.length)} accepted of ${formatCount(report.joins.length)} candidates`, style: 'bold' }];
  const caveat = s.exact ? [] : wrap(SAMPLED_STITCH_CAVEAT, width).map((text): Line => [{ text, style: 'dim' }]);
  if (accepted.length === 0) return [head, [{ text: '  none: the datasets cannot be linked on a shared identity column', style: 'dim' }], unified, ...caveat];

  const shown = accepted.slice(0, TERMINAL_LIMITS.joins).map((j) => ({
    pair: `${truncate(terminalText(formatRef(j.left)), 32)} ↔ ${truncate(terminalText(formatRef(j.right)), 32)}`,
    transform: terminalText(j.transform),
    rates: rates(j),
  }));
  const wp = Math.max(...shown.map((r) => visibleLength(r.pair)));
  const wt = Math.max(...shown.map((r) => visibleLength(r.transform)));
  const wn = Math.max(...shown.map((r) => visibleLength(r.rates)));
  // Aligned columns when they fit with a readable transform; otherwise each line packs tight. Either
  // way the transform gives way first, so the match rates at the end of the line survive.
  const aligned = width - (2 + wp + 2 + 2 + wn) >= Math.min(wt, 16);
  const lines: Line[] = [head];
  for (const r of shown) {
    const [p, n] = aligned ? [wp, wn] : [visibleLength(r.pair), visibleLength(r.rates)];
    const t = Math.min(aligned ? wt : visibleLength(r.transform), width - (2 + p + 2 + 2 + n));
    const transform = t < 6 ? '' : `${pad(truncate(r.transform, t), t)}  `;
    lines.push([{ text: `  ${pad(r.pair, p)}  ${transform}${pad(r.rates, n, 'r')}` }]);
  }
  const more = accepted.length - shown.length;
  if (more > 0) lines.push([{ text: `  … and ${formatCount(more)} more`, style: 'dim' }]);
  lines.push(unified, ...caveat);
  return lines;
}

/** Both sides' match rates (rows whose key finds a partner), `~` when measured on a sample. */
function rates(j: JoinCandidate): string {
  const mark = j.exact ? '' : '~';
  return `${mark}${formatShare(j.matchRateLeft)} / ${mark}${formatShare(j.matchRateRight)}`;
}

function findingLines(report: ScanReport): Line[] {
  const top = report.findings.slice(0, TERMINAL_LIMITS.findings);
  if (top.length === 0) return [[{ text: 'No problems found.', style: 'green' }], []];
  const gains = top.map((f) => formatGain(f.impact.gain));
  const codes = top.map((f) => terminalText(f.code));
  const wg = Math.max(...gains.map((g) => g.length));
  const wc = Math.max(...codes.map(visibleLength));
  const lines: Line[] = [[{ text: `Top findings (${formatCount(report.findings.length)} in all, by score gain)`, style: 'bold' }]];
  top.forEach((f, i) => {
    const place = findingPlace(f);
    const spans: Span[] = [
      { text: '  ' },
      { text: pad(gains[i]!, wg, 'r'), style: 'green' },
      { text: '  ' },
      { text: pad(f.severity, 6), style: SEVERITY_STYLE[f.severity] },
      { text: `  ${pad(codes[i]!, wc)}` },
    ];
    if (place !== null) spans.push({ text: `  ${terminalText(place)}` });
    lines.push(spans);
  });
  lines.push([]);
  return lines;
}

function pointer(report: ScanReport, reportPath: string | undefined): string {
  if (reportPath !== undefined) return `Full report: ${terminalText(reportPath)}`;
  const n = report.findings.length;
  const what = n > TERMINAL_LIMITS.findings ? `all ${formatCount(n)} findings` : 'every fix';
  return `Full report with ${what}: add --out <dir> for report.html and report.md`;
}
