import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as PublicApiModule from '../../src/index';

/** Shared utilities of the end-to-end tests: they exercise the built package in dist/, not src/. */

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CLI = join(REPO_ROOT, 'dist/cli.js');
export const DIST_INDEX = join(REPO_ROOT, 'dist/index.js');

export type PublicApi = typeof PublicApiModule;

/**
 * The built ESM entry point, typed as the source API. Imported by URL (not statically) so that
 * `tsc --noEmit` passes before `npm run build` has created dist/.
 */
export async function importDist(): Promise<PublicApi> {
  if (!existsSync(DIST_INDEX)) throw new Error(`${DIST_INDEX} is missing: run \`npm run build\` first`);
  return (await import(pathToFileURL(DIST_INDEX).href)) as PublicApi;
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node dist/cli.js ...args` from the repository root with stdin closed and stdout/stderr as
 * pipes (so not a TTY: no progress bar), and collects its output.
 */
export function runCli(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliResult> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: options.cwd ?? REPO_ROOT,
      env: { ...process.env, TZ: 'UTC', NO_COLOR: '1', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => resolvePromise({ code, signal, stdout, stderr }));
  });
}

/** Parses the stdout of a `--json` run, failing with the output in the message if it is not JSON. */
export function parseJsonOutput(result: CliResult): unknown {
  try {
    return JSON.parse(result.stdout);
  } catch (error) {
    throw new Error(`stdout is not JSON (${(error as Error).message}); exit ${result.code}; stderr:\n${result.stderr}\nstdout:\n${result.stdout.slice(0, 2000)}`);
  }
}

export function fixture(relative: string): string {
  return join(REPO_ROOT, 'fixtures', relative);
}

export interface GroundTruthDataset {
  path: string;
  format: 'csv' | 'ndjson' | 'json';
  compression?: 'gzip';
  encoding: string;
  bom: boolean;
  delimiter?: string;
  quote?: string;
  hasHeader?: boolean;
  lineEnding?: 'lf' | 'crlf' | 'cr';
  jsonShape?: 'array' | 'wrapped' | 'assignment';
  recordsPath?: string;
  bytes: number;
  rowCount: number;
  columns: string[];
  uniqueColumns: string[];
}

export interface GroundTruth {
  datasets: Record<'customers' | 'events' | 'subscribers' | 'followers', GroundTruthDataset>;
  identityColumns: Record<string, { column: string; semanticType: string; hashAlgorithm?: string; role: string }[]>;
}

export const GROUND_TRUTH = JSON.parse(readFileSync(fixture('ground-truth.json'), 'utf8')) as GroundTruth;

/** Every key named `sketch` anywhere in a JSON value, as dot paths. */
export function sketchPaths(value: unknown, path = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => sketchPaths(item, `${path}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) => [
    ...(key === 'sketch' ? [`${path}.sketch`] : []),
    ...(key === 'sketch' ? [] : sketchPaths(child, `${path}.${key}`)),
  ]);
}

/**
 * Splits the column table of the terminal summary into rows of cells, using the dashed rule under
 * the header for the column boundaries (cells may contain single spaces).
 */
export function parseSummaryTable(text: string): { header: string[]; rows: string[][] } {
  const lines = text.split('\n');
  const ruleIndex = lines.findIndex((line) => /^-+(?: +-+)+$/.test(line));
  if (ruleIndex < 1) throw new Error(`no table rule in:\n${text}`);
  const spans = [...lines[ruleIndex]!.matchAll(/-+/g)].map((m) => [m.index, m.index + m[0].length] as const);
  const cut = (line: string): string[] =>
    spans.map(([start, end], i) => line.slice(start, i === spans.length - 1 ? undefined : end).trim());
  const rows: string[][] = [];
  for (const line of lines.slice(ruleIndex + 1)) {
    if (line.trim() === '') break;
    rows.push(cut(line));
  }
  return { header: cut(lines[ruleIndex - 1]!), rows };
}

/** The lines of a titled section of the terminal summary (`Candidate keys`), up to the next blank line. */
export function summarySection(text: string, title: string): string[] | undefined {
  const lines = text.split('\n');
  const start = lines.indexOf(title);
  if (start < 0) return undefined;
  const end = lines.findIndex((line, i) => i > start && line.trim() === '');
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

/** A copy of process.env without npm's script variables (npm_config_local_prefix would redirect `npm install`). */
export function cleanNpmEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_/i.test(key) || key === 'INIT_CWD') continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}

/**
 * A deep copy of a profile without the fields that depend on when it was made (`profiledAt` and
 * every `dates.newestAgeDays`), for comparing two runs of the same input.
 */
export function withoutClock<T>(profile: T): T {
  return JSON.parse(JSON.stringify(profile), (key, value: unknown) => (key === 'profiledAt' || key === 'newestAgeDays' ? undefined : value)) as T;
}
