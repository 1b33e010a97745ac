import { parseArgs } from 'node:util';
import { ProfileOptionsSchema, StitchscanError, type ProfileOptions } from '../index';

export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'profile'; file: string; json: boolean; quiet: boolean; debug: boolean; options: ProfileOptions };

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
  quiet: { type: 'boolean', short: 'q' },
  debug: { type: 'boolean' },
} as const;

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
  if (command !== 'profile') {
    throw new StitchscanError('E_INVALID_OPTION', `Unknown command: must be profile, got "${command}"`);
  }
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
  if (values['distinct-budget'] !== undefined) {
    const text = values['distinct-budget'];
    options.distinctBudget = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  }
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

/** Library option -> the flag that sets it, so errors name what the user typed. */
const FLAG_OF: Readonly<Record<string, keyof typeof OPTIONS>> = {
  region: 'region',
  format: 'format',
  delimiter: 'delimiter',
  encoding: 'encoding',
  name: 'name',
  distinctBudget: 'distinct-budget',
};

/** Validates the options the flags make, in the flags' own words: `--region: must be ..., got "XX"`. */
function checkOptions(options: ProfileOptions, values: Partial<Record<keyof typeof OPTIONS, string | boolean>>): void {
  const parsed = ProfileOptionsSchema.safeParse(options);
  if (parsed.success) return;
  const issue = parsed.error.issues[0]!;
  const key = String(issue.path[0] ?? '');
  const flag = FLAG_OF[key];
  const got = flag === undefined ? undefined : values[flag];
  const expected = key === 'distinctBudget' ? 'must be a whole number from 16 to 10000000' : issue.message;
  throw new StitchscanError('E_INVALID_OPTION', `Invalid option --${flag ?? key}: ${expected}, got ${JSON.stringify(got)}`);
}
