import { ProfileOptionsSchema, REPORT_FORMATS, StitchscanError, type ProfileOptions, type ReportFormat } from '../index';
import { budgetOptions, checkOptions, type BudgetOptions, type Values } from './args';

export interface ScanCommand {
  kind: 'scan';
  files: string[];
  config?: string;
  out?: string;
  formats?: ReportFormat[];
  failUnder?: number;
  hub?: string;
  region?: string;
  mask: boolean;
  quiet: boolean;
  progress: boolean;
  /** --distinct-budget, --key-budget, --link-budget */
  budgets: BudgetOptions;
  now?: string;
}

export interface TypesCommand {
  kind: 'types';
  files: string[];
  out: string;
  quiet: boolean;
  options: ProfileOptions;
}

/** `stitchscan scan <files...>` or `stitchscan scan --config file`, with report and gate options. */
export function scanCommand(files: string[], values: Values): ScanCommand {
  const config = typeof values.config === 'string' ? values.config : undefined;
  if (files.length === 0 && config === undefined) {
    throw new StitchscanError('E_INVALID_OPTION', 'stitchscan scan needs files or --config, got neither', { hint: 'Run `stitchscan scan <file> <file> ...` or `stitchscan scan --config stitchscan.config.json`.' });
  }
  if (files.length > 0 && config !== undefined) {
    throw new StitchscanError('E_INVALID_OPTION', 'stitchscan scan takes files or --config, not both', { hint: 'List the datasets in the config file, or drop --config.' });
  }
  if (files.includes('-')) throw new StitchscanError('E_INVALID_OPTION', 'stitchscan scan reads files, not standard input');
  const command: ScanCommand = {
    kind: 'scan',
    files,
    mask: values['no-mask'] !== true,
    quiet: values.quiet === true,
    progress: values['no-progress'] !== true && values.quiet !== true,
    budgets: budgetOptions(values),
  };
  if (config !== undefined) command.config = config;
  if (typeof values.out === 'string') command.out = values.out;
  if (typeof values.format === 'string') command.formats = parseFormats(values.format);
  if (typeof values['fail-under'] === 'string') command.failUnder = parseScore(values['fail-under']);
  if (typeof values.hub === 'string') command.hub = values.hub;
  if (typeof values.now === 'string') command.now = parseNow(values.now);
  const options: ProfileOptions = { ...command.budgets };
  if (typeof values.region === 'string') options.region = command.region = values.region;
  checkOptions(options, values);
  return command;
}

/** `stitchscan types <files...> --out <dir>`. */
export function typesCommand(files: string[], values: Values): TypesCommand {
  if (files.length === 0) throw new StitchscanError('E_INVALID_OPTION', 'stitchscan types takes one or more files, got none', { hint: 'Run `stitchscan types <file> --out <dir>`.' });
  if (typeof values.out !== 'string') throw new StitchscanError('E_INVALID_OPTION', 'stitchscan types needs --out <dir>', { hint: 'The JSON Schema and TypeScript files are written there, one pair per dataset.' });
  const options: ProfileOptions = { mask: true };
  if (typeof values.region === 'string') options.region = values.region;
  checkOptions(options, values);
  return { kind: 'types', files, out: values.out, quiet: values.quiet === true, options };
}

function parseFormats(text: string): ReportFormat[] {
  const formats = text.split(',').map((f) => f.trim().toLowerCase()).filter((f) => f !== '');
  const bad = formats.find((f) => !(REPORT_FORMATS as readonly string[]).includes(f));
  if (bad !== undefined || formats.length === 0) {
    throw new StitchscanError('E_INVALID_OPTION', `Invalid option --format: must be a comma-separated list of ${REPORT_FORMATS.join(', ')}, got "${text}"`);
  }
  return [...new Set(formats)] as ReportFormat[];
}

/** The library's own check (`now` of scan()), so the flag and the option take the same times. */
function parseNow(text: string): string {
  if (!ProfileOptionsSchema.shape.profiledAt.safeParse(text).success) {
    throw new StitchscanError('E_INVALID_OPTION', `Invalid option --now: must be an ISO 8601 date, or a time with its offset, such as 2026-11-05 or 2026-11-05T09:00:00Z, got "${text}"`);
  }
  return text;
}

function parseScore(text: string): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) {
    throw new StitchscanError('E_INVALID_OPTION', `Invalid option --fail-under: must be a score from 0 to 100, got "${text}"`);
  }
  return n;
}
