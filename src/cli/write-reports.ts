import { mkdirSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { renderHtml, renderJson, renderMarkdown, StitchscanError, type ReportFormat, type ScanReport } from '../index';

const FILES: Readonly<Record<ReportFormat, { file: string; render: (r: ScanReport) => string }>> = {
  html: { file: 'report.html', render: (r) => renderHtml(r) },
  json: { file: 'report.json', render: (r) => renderJson(r) },
  md: { file: 'report.md', render: (r) => renderMarkdown(r) },
};

/** A path relative to the working directory when it is inside it: shorter to read and to copy. */
export function readablePath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

/** Writes the reports into `dir` (created if needed); returns the paths written. */
export function writeReports(report: ScanReport, dir: string, formats: readonly ReportFormat[]): string[] {
  let path = dir;
  try {
    mkdirSync(dir, { recursive: true });
    return formats.map((format) => {
      path = join(dir, FILES[format].file);
      writeFileSync(path, FILES[format].render(report));
      return path;
    });
  } catch (error) {
    if (error instanceof StitchscanError) throw error;
    throw new StitchscanError('E_FILE_UNWRITABLE', `Cannot write ${path}: ${(error as Error).message}`, { cause: error });
  }
}
