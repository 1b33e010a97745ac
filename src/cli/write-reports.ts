import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportFormat } from '../config';
import { renderHtml, renderJson, renderMarkdown, StitchscanError, type ScanReport } from '../index';

const FILES: Readonly<Record<ReportFormat, { file: string; render: (r: ScanReport) => string }>> = {
  html: { file: 'report.html', render: (r) => renderHtml(r) },
  json: { file: 'report.json', render: (r) => renderJson(r) },
  md: { file: 'report.md', render: (r) => renderMarkdown(r) },
};

/** Writes the reports into `dir` (created if needed); returns the paths written. */
export function writeReports(report: ScanReport, dir: string, formats: readonly ReportFormat[]): string[] {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new StitchscanError('E_FILE_UNREADABLE', `Cannot create the output directory ${dir}: ${(error as Error).message}`, {
      cause: error,
      hint: 'Choose a directory you can write to with --out.',
    });
  }
  return formats.map((format) => {
    const path = join(dir, FILES[format].file);
    writeFileSync(path, FILES[format].render(report));
    return path;
  });
}
