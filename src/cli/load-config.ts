import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { configToScan, StitchscanError, type ConfiguredScan } from '../index';

/** Reads and validates a config file; every problem is a StitchscanError naming the file. */
export function loadConfig(path: string): ConfiguredScan {
  const full = resolve(path);
  let text: string;
  try {
    text = readFileSync(full, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new StitchscanError('E_FILE_NOT_FOUND', `Config file not found: ${path}`, { cause: error });
    throw new StitchscanError('E_FILE_UNREADABLE', `Cannot read config file ${path}: ${(error as Error).message}`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new StitchscanError('E_INVALID_CONFIG', `Config file ${path} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  try {
    return configToScan(json, dirname(full));
  } catch (error) {
    if (error instanceof StitchscanError) throw new StitchscanError(error.code, `${path}: ${error.message}`, { cause: error, hint: error.hint, details: { ...error.details } });
    throw error;
  }
}
