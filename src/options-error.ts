import type { z } from 'zod';
import { StitchscanError } from './errors';

export interface ParseOptionsContext {
  /** E_INVALID_CONFIG for a config file [E_INVALID_OPTION] */
  code?: 'E_INVALID_OPTION' | 'E_INVALID_CONFIG';
  /** the path of `input` in what the user wrote, e.g. `inputs.0` or `keyHints` */
  prefix?: string;
}

/**
 * Parses options with a zod schema; a bad value is a StitchscanError naming the option (or
 * config field) by its dotted path, what it takes and what it got. `details.option` holds the path.
 */
export function parseOptions<S extends z.ZodType>(schema: S, input: unknown, context: ParseOptionsContext = {}): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const { code = 'E_INVALID_OPTION', prefix } = context;
  const issue = parsed.error.issues[0]!;
  const at = issue.path.map(String);
  const valueAt = (keys: readonly string[]): unknown => keys.reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], input);
  let path: string[];
  let message: string;
  let got: unknown;
  if (issue.code === 'unrecognized_keys') {
    // name the unknown field itself, not the object around it
    const key = issue.keys[0]!;
    path = [...at, key];
    message = 'no such field';
    got = valueAt(path);
  } else {
    path = at;
    message = issue.message;
    got = valueAt(at);
  }
  const name = [prefix, ...path].filter((p) => p !== undefined && p !== '').join('.') || (code === 'E_INVALID_CONFIG' ? 'config' : 'options');
  const what = code === 'E_INVALID_CONFIG' ? 'config field' : 'option';
  throw new StitchscanError(code, `Invalid ${what} ${name}: ${message}, got ${got === undefined ? 'nothing' : JSON.stringify(got)}`, { details: { option: name } });
}
