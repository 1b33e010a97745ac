import type { z } from 'zod';
import { StitchscanError } from './errors';

/**
 * Parses options with a zod schema; a bad value is a StitchscanError (E_INVALID_OPTION) naming
 * the option by its path, what it takes and what it got.
 */
export function parseOptions<S extends z.ZodType>(schema: S, input: unknown, code: 'E_INVALID_OPTION' | 'E_INVALID_CONFIG' = 'E_INVALID_OPTION', label = 'option'): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const path = issue.path.map(String).join('.') || (label === 'option' ? 'options' : 'config');
  const got = issue.path.reduce<unknown>((v, k) => (v as Record<PropertyKey, unknown> | undefined)?.[k], input);
  const gotText = got === undefined ? 'nothing' : JSON.stringify(got);
  throw new StitchscanError(code, `Invalid ${label} ${path}: ${issue.message}, got ${gotText}`, { details: { [label]: path } });
}
