import { resolve } from 'node:path';
import { REPORT_FORMATS, renderTerminalSummary, scan, shouldUseColour, type ConfiguredScan, type ScanOptions } from '../index';
import { EXIT, type ExitCode } from './exit-codes';
import { loadConfig } from './load-config';
import type { Io } from './main';
import { createMultiProgress } from './progress';
import type { ScanCommand } from './scan-args';
import { readablePath, writeReports } from './write-reports';

const DEFAULT_OUT = 'stitchscan-report';

/** Flags override the config file; the config file overrides defaults. */
function plan(command: ScanCommand): ConfiguredScan {
  const base: ConfiguredScan = command.config === undefined ? { inputs: command.files, options: {} } : loadConfig(command.config);
  const options: ScanOptions = { ...base.options, mask: command.mask && base.options.mask !== false };
  if (command.region !== undefined) options.region = command.region;
  if (command.hub !== undefined) options.hub = command.hub;
  Object.assign(options, command.budgets);
  if (command.now !== undefined) options.now = command.now;
  const out = command.out ?? base.out;
  const formats = command.formats ?? base.formats;
  const failUnder = command.failUnder ?? base.failUnder;
  return { inputs: base.inputs, options, ...(out === undefined ? {} : { out }), ...(formats === undefined ? {} : { formats }), ...(failUnder === undefined ? {} : { failUnder }) };
}

/**
 * `stitchscan scan`: scan, write the reports asked for (--out, --format), print the terminal
 * summary, and exit 1 when the score is below --fail-under.
 */
export async function runScan(command: ScanCommand, io: Io): Promise<ExitCode> {
  const { inputs, options, out, formats, failUnder } = plan(command);
  const progress = createMultiProgress(io.stderr, command.progress);
  let report;
  try {
    report = await scan(inputs, { ...options, onProgress: (e) => progress.update(e) });
  } finally {
    progress.stop();
  }
  const written = out !== undefined || formats !== undefined ? writeReports(report, resolve(out ?? DEFAULT_OUT), formats ?? REPORT_FORMATS) : [];
  if (!command.quiet) {
    const colour = shouldUseColour(process.env, (io.stdout as NodeJS.WriteStream).isTTY === true);
    const shown = written.map(readablePath);
    const reportPath = shown.find((p) => p.endsWith('.html')) ?? shown.find((p) => p.endsWith('.md')) ?? shown[0];
    io.stdout.write(`${renderTerminalSummary(report, { colour, ...(reportPath === undefined ? {} : { reportPath }) })}\n`);
    for (const path of shown) io.stdout.write(`wrote ${path}\n`);
  }
  if (failUnder !== undefined && report.score.overall < failUnder) {
    // the threshold may come from --fail-under or from failUnder in the config file
    io.stderr.write(`stitchscan: score ${report.score.overall} is below the fail-under threshold ${failUnder}\n`);
    return EXIT.BELOW_THRESHOLD;
  }
  return EXIT.OK;
}
