import type { ScanReport } from '../../model';
import { datasetsSection } from './datasets';
import { html, trusted } from './escape';
import { findingsSection } from './findings';
import { graphSection } from './graph-section';
import { joinsSection } from './joins-table';
import { overlapSection } from './overlap-chart';
import { STYLES } from './styles';
import { summarySection } from './summary';

export interface RenderHtmlOptions {
  /** the page title and main heading [`stitchscan report`] */
  title?: string;
}

/** Nothing may be loaded: no scripts, fonts, images or connections; only the inline style sheet. */
export const HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const NAV = [
  ['summary', 'Summary'],
  ['graph', 'Identity graph'],
  ['stitch', 'Dry-run stitch'],
  ['joins', 'Joins'],
  ['datasets', 'Datasets'],
  ['findings', 'Findings'],
] as const;

/**
 * Renders a scan report as one self-contained HTML5 page that works offline: inline CSS and SVG,
 * no script, no external resource (a Content-Security-Policy forbids them). Every value from the
 * data is escaped. Pure: the same report gives the same page.
 * @param report a ScanReport
 * @param options `title` [`stitchscan report`]
 * @returns the HTML document
 * @example writeFileSync('report.html', renderHtml(await scan(inputs)))
 */
export function renderHtml(report: ScanReport, options: RenderHtmlOptions = {}): string {
  const title = options.title ?? 'stitchscan report';
  const names = report.datasets.map((d) => d.name).join(', ');
  const page = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${HTML_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${`${report.tool.name} ${report.tool.version}`}">
<title>${title}</title>
<style>${trusted(STYLES)}</style>
</head>
<body>
<header class="top"><div class="inner">
<h1>${title}</h1>
<p class="muted">${names} · generated ${report.generatedAt} by ${report.tool.name} ${report.tool.version} · region ${report.options.region} · personal data ${report.options.mask ? 'masked' : 'not masked'}</p>
<nav class="toc" aria-label="Sections">${NAV.map(([id, label]) => html`<a href="#${id}">${label}</a>`)}</nav>
</div></header>
<main>
${summarySection(report)}
${graphSection(report)}
${overlapSection(report)}
${joinsSection(report)}
${datasetsSection(report)}
${findingsSection(report)}
<footer>${report.tool.name} ${report.tool.version} · report schema v${report.schemaVersion} · this page loads nothing from the network</footer>
</main>
</body>
</html>
`;
  return page.value;
}
