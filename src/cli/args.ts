import { parseArgs } from 'node:util';
import { ProfileOptionsSchema, StitchscanError, type ProfileOptions } from '../index';
import { scanCommand, typesCommand, type ScanCommand, type TypesCommand } from './scan-args';

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'profile'; file: string; json: boolean; quiet: boolean; debug: boolean; options: ProfileOptions }
  | { kind: 'joins'; files: string[]; json: boolean; quiet: boolean; debug: boolean; hub?: string; options: ProfileOptions }
  | ScanCommand
  | { kind: 'schema' }
  | TypesCommand;

const COMMANDS = ['scan', 'profile', 'joins', 'schema', 'types'] as const;
type CommandName = (typeof COMMANDS)[number];

const OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  json: { type: 'boolean' },
  'with-sketches': { type: 'boolean' },
  region: { type: 'string' },
  'no-mask': { type: 'boolean' },
  format: { type: 'string' },
  delimiter: { type: 'string' },
  encoding: { type: 'string' },
  name: { type: 'string' },
  'distinct-budget': { type: 'string' },
  'key-budget': { type: 'string' },
  'link-budget': { type: 'string' },
  hub: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  debug: { type: 'boolean' },
  config: { type: 'string', short: 'c' },
  out: { type: 'string', short: 'o' },
  'fail-under': { type: 'string' },
  'no-progress': { type: 'boolean' },
  now: { type: 'string' },
} as const;

type Flag = keyof typeof OPTIONS;
/** Flags every command takes. */
const COMMON: readonly Flag[] = ['help', 'version', 'debug', 'quiet'];
/** The flags each command takes: anything else is an error, never silently ignored. */
const FLAGS: Readonly<Record<CommandName, readonly Flag[]>> = {
  scan: ['config', 'out', 'format', 'fail-under', 'region', 'hub', 'no-mask', 'no-progress', 'distinct-budget', 'key-budget', 'link-budget', 'now'],
  profile: ['json', 'with-sketches', 'region', 'no-mask', 'format', 'delimiter', 'encoding', 'name', 'distinct-budget', 'key-budget', 'link-budget'],
  joins: ['json', 'region', 'hub', 'no-mask', 'distinct-budget', 'key-budget', 'link-budget'],
  schema: [],
  types: ['out', 'region'],
};
/** What to do instead of a flag a command does not take, where that helps. */
const INSTEAD: Partial<Record<`${CommandName} ${Flag}`, string>> = {
  'scan json': 'Use --format json --out <dir> to write report.json.',
  'scan delimiter': 'Per-dataset read options (delimiter, encoding, name) go in the config file: see docs/cli.md#config-file.',
  'scan encoding': 'Per-dataset read options (delimiter, encoding, name) go in the config file: see docs/cli.md#config-file.',
  'scan name': 'Per-dataset read options (delimiter, encoding, name) go in the config file: see docs/cli.md#config-file.',
  'joins format': "stitchscan joins detects each file's format and names each dataset after its file.",
  'joins name': "stitchscan joins detects each file's format and names each dataset after its file.",
};

function checkFlags(command: CommandName, values: Values): void {
  for (const flag of Object.keys(values) as Flag[]) {
    if (COMMON.includes(flag) || FLAGS[command].includes(flag)) continue;
    const owners = COMMANDS.filter((c) => FLAGS[c].includes(flag));
    const where = owners.length === 0 ? '' : `; it is an option of stitchscan ${owners.join(', ')}`;
    const hint = INSTEAD[`${command} ${flag}`];
    throw new StitchscanError('E_INVALID_OPTION', `--${flag} is not an option of stitchscan ${command}${where}`, hint === undefined ? {} : { hint });
  }
}

/** Parses argv into a command. Unknown options and bad values are StitchscanErrors (exit 2). */
export function parseCommand(argv: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new StitchscanError('E_INVALID_OPTION', (error as Error).message.replace(/\. To specify .*$/s, ''));
  }
  const { values, positionals } = parsed;
  if (values.help === true || positionals.length === 0) return values.version === true ? { kind: 'version' } : { kind: 'help' };
  if (values.version === true) return { kind: 'version' };
  const [command, ...rest] = positionals;
  if (!(COMMANDS as readonly string[]).includes(command ?? '')) {
    throw new StitchscanError('E_INVALID_OPTION', `Unknown command: must be one of ${COMMANDS.join(', ')}, got "${command}"`);
  }
  checkFlags(command as CommandName, values);
  if (command === 'scan') return scanCommand(rest, values);
  if (command === 'schema') {
    if (rest.length > 0) throw new StitchscanError('E_INVALID_OPTION', `stitchscan schema takes no file, got ${rest.length}`);
    return { kind: 'schema' };
  }
  if (command === 'types') return typesCommand(rest, values);
  if (command === 'joins') return joinsCommand(rest, values);
  if (rest.length !== 1) {
    throw new StitchscanError('E_INVALID_OPTION', `stitchscan profile takes one file, got ${rest.length}`, {
      hint: 'Run `stitchscan profile <file>` once per file.',
    });
  }
  const options: ProfileOptions = {
    mask: values['no-mask'] !== true,
    sketches: values['with-sketches'] === true,
  };
  if (values.region !== undefined) options.region = values.region;
  if (values.format !== undefined) options.format = values.format as ProfileOptions['format'];
  if (values.delimiter !== undefined) options.delimiter = values.delimiter === '\\t' || values.delimiter === 'tab' ? '\t' : values.delimiter;
  if (values.encoding !== undefined) options.encoding = values.encoding as ProfileOptions['encoding'];
  if (values.name !== undefined) options.name = values.name;
  Object.assign(options, budgetOptions(values));
  checkOptions(options, values);
  return {
    kind: 'profile',
    file: rest[0]!,
    json: values.json === true,
    quiet: values.quiet === true,
    debug: values.debug === true,
    options,
  };
}

/** The budget flags and the options they set. */
const BUDGET_FLAGS = { 'distinct-budget': 'distinctBudget', 'key-budget': 'keyBudget', 'link-budget': 'linkBudget' } as const;
export type BudgetOptions = Pick<ProfileOptions, 'distinctBudget' | 'keyBudget' | 'linkBudget'>;

/** The budgets given as flags (`--distinct-budget`, `--key-budget`, `--link-budget`). */
export function budgetOptions(values: Values): BudgetOptions {
  const budgets: BudgetOptions = {};
  for (const [flag, option] of Object.entries(BUDGET_FLAGS) as [keyof typeof BUDGET_FLAGS, keyof BudgetOptions][]) {
    const text = values[flag];
    // digits only; anything else is NaN, which the options schema then rejects by name
    if (typeof text === 'string') budgets[option] = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  }
  return budgets;
}

export type Values = Partial<Record<keyof typeof OPTIONS, string | boolean>>;

function joinsCommand(files: string[], values: Values): Command {
  if (files.length < 1) {
    throw new StitchscanError('E_INVALID_OPTION', 'stitchscan joins takes one or more files, got none', { hint: 'Run `stitchscan joins <file> <file> ...`.' });
  }
  if (files.includes('-')) throw new StitchscanError('E_INVALID_OPTION', 'stitchscan joins reads files, not standard input');
  const options: ProfileOptions = { mask: values['no-mask'] !== true };
  if (typeof values.region === 'string') options.region = values.region;
  Object.assign(options, budgetOptions(values));
  checkOptions(options, values);
  return {
    kind: 'joins',
    files,
    json: values.json === true,
    quiet: values.quiet === true,
    debug: values.debug === true,
    ...(typeof values.hub === 'string' ? { hub: values.hub } : {}),
    options,
  };
}

/** Library option -> the flag that sets it, so errors name what the user typed. */
const FLAG_OF: Readonly<Record<string, keyof typeof OPTIONS>> = {
  region: 'region',
  format: 'format',
  delimiter: 'delimiter',
  encoding: 'encoding',
  name: 'name',
  // from BUDGET_FLAGS, so a new budget flag cannot be missed here
  ...Object.fromEntries(Object.entries(BUDGET_FLAGS).map(([flag, option]) => [option, flag as Flag])),
};

const BUDGET_OPTIONS: ReadonlySet<string> = new Set(Object.values(BUDGET_FLAGS));

/** Validates the options the flags make, in the flags' own words: `--region: must be ..., got "XX"`. */
export function checkOptions(options: ProfileOptions, values: Values): void {
  const parsed = ProfileOptionsSchema.safeParse(options);
  if (parsed.success) return;
  const issue = parsed.error.issues[0]!;
  const key = String(issue.path[0] ?? '');
  const flag = FLAG_OF[key];
  const got = flag === undefined ? undefined : values[flag];
  const expected = BUDGET_OPTIONS.has(key) ? 'must be a whole number from 16 to 10000000' : issue.message;
  throw new StitchscanError('E_INVALID_OPTION', `Invalid option --${flag ?? key}: ${expected}, got ${JSON.stringify(got)}`);
}
