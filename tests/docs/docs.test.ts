import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as api from '../../src/index';
import { ERROR_CODES } from '../../src/index';
import { main } from '../../src/cli/main';
import { EXIT } from '../../src/cli/exit-codes';
import { MAIN_HELP } from '../../src/cli/help';
import { fakeIo } from '../helpers/fake-io';
import { ReadIssueCodeSchema } from '../../src/model';
import { EXAMPLE_COUNT, HEAVY_HITTER_CAPACITY, SAMPLE_EVERY, TOP_CANDIDATES } from '../../src/profile/column';
import { KEY_COMPLETENESS, KEY_UNIQUENESS, MAX_CANDIDATES, MIN_IDENTITY_DISTINCT, PAIR_UNIQUENESS } from '../../src/profile/candidate-keys';
import { DOMINANT_SHARE, TOP_PATTERNS, TOP_VALUES } from '../../src/profile/finalize-column';
import { KEY_SAMPLE_COLUMNS, KEY_SAMPLE_ROWS } from '../../src/profile/key-sample';
import { MASK_SHARE } from '../../src/profile/mask-policy';
import { DATE_MAX_LENGTH, DATE_MIN_DIGITS, DATE_MIN_LENGTH } from '../../src/profile/infer-type';
import { NULL_TOKENS } from '../../src/profile/null-like';
import { PATTERN_MAX_LENGTH } from '../../src/profile/pattern';
import { HLL_PRECISION, HLL_RELATIVE_ERROR } from '../../src/profile/sketches/hll';
import { KLL_K, KLL_RANK_ERROR } from '../../src/profile/sketches/kll';
import { PATTERN_BUDGET, PHONE_CHECK_BUDGET, PHONE_SAMPLE_EVERY } from '../../src/profile/value-stats';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const docs = join(root, 'docs');
const read = (path: string): string => readFileSync(join(root, path), 'utf8');

/** `1,000`, `50,000`: numbers as the docs write them. */
const n = (x: number): string => x.toLocaleString('en-US');

/** Runs the command in-process (src/cli/main.ts) with fake streams; stderr is not a terminal. */
async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const { io, out, err } = fakeIo();
  const cwd = process.cwd();
  process.chdir(root);
  try {
    const code = await main(argv, io);
    return { code, out: out(), err: err() };
  } finally {
    process.chdir(cwd);
  }
}

/** Fenced blocks of a markdown text, with their info string and the text just before them. */
function fences(markdown: string): { info: string; body: string; before: string }[] {
  const blocks: { info: string; body: string; before: string }[] = [];
  const re = /^```(\w*)\n([\s\S]*?)^```$/gm;
  for (let m = re.exec(markdown); m !== null; m = re.exec(markdown)) {
    blocks.push({ info: m[1]!, body: m[2]!.replace(/\n$/, ''), before: markdown.slice(0, m.index) });
  }
  return blocks;
}

/** The fenced block that immediately follows the block containing `command`. */
function outputAfter(markdown: string, command: string): string {
  const blocks = fences(markdown);
  const i = blocks.findIndex((b) => b.body.split('\n').some((line) => line.includes(command)));
  expect(i, `a code block with ${command}`).toBeGreaterThanOrEqual(0);
  expect(blocks[i + 1], `the output block after ${command}`).toBeDefined();
  return blocks[i + 1]!.body;
}

/** Markdown text without fenced blocks (links and headings are looked for outside code). */
function prose(markdown: string): string {
  return markdown.replace(/^```\w*\n(?:[^\n]*\n)*?```$/gm, '');
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const m of prose(markdown).matchAll(/^#{1,6} (.+)$/gm)) {
    const base = m[1]!
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    out.add(count === 0 ? base : `${base}-${count}`);
  }
  return out;
}

function markdownFiles(): string[] {
  const inDocs = readdirSync(docs)
    .filter((f) => f.endsWith('.md'))
    .map((f) => join('docs', f));
  return ['README.md', ...inDocs];
}

describe('docs/errors.md', () => {
  const errors = read('docs/errors.md');
  const headings = [...errors.matchAll(/^## (E_[A-Z_]+)\s*$/gm)].map((m) => m[1]);

  it('has a `## CODE` section for every code in ERROR_CODES', () => {
    for (const code of Object.keys(ERROR_CODES)) expect(headings, `## ${code}`).toContain(code);
  });

  it('has no section for a code that does not exist', () => {
    for (const code of headings) expect(Object.keys(ERROR_CODES), `${code} in ERROR_CODES`).toContain(code);
  });

  it('mentions every read-issue code', () => {
    for (const code of ReadIssueCodeSchema.options) expect(errors, code).toContain(`\`${code}\``);
  });

  it("quotes each code's hint as the command prints it", () => {
    for (const [code, { hint }] of Object.entries(ERROR_CODES)) {
      const section = errors.split(`## ${code}\n`)[1]?.split(/^## /m)[0] ?? '';
      expect(section, `hint of ${code}`).toContain(`hint: ${hint}`);
    }
  });
});

describe('docs/cli.md', () => {
  const cli = read('docs/cli.md');

  it('contains the current --help text verbatim, in a fenced block', () => {
    expect(fences(cli).map((b) => b.body)).toContain(MAIN_HELP);
  });

  it('prints that text for --help', async () => {
    const { code, out } = await run(['--help']);
    expect(code).toBe(EXIT.OK);
    expect(out).toBe(`${MAIN_HELP}\n`);
  });

  it('has a row in the options table for every option of the help', () => {
    const options = [...new Set([...MAIN_HELP.matchAll(/--[a-z-]+/g)].map((m) => m[0]))];
    expect(options.length).toBeGreaterThan(5);
    for (const option of options) expect(cli, option).toMatch(new RegExp(`^\\| \`${option}[ \`]`, 'm'));
  });

  it('documents every exit code', () => {
    for (const code of Object.values(EXIT)) expect(cli).toMatch(new RegExp(`^\\| ${code} \\|`, 'm'));
  });

  it('shows the error output the command prints', async () => {
    for (const argv of [
      ['profile', 'fixtures/crm/missing.csv'],
      ['profile', 'fixtures/crm/customers.csv', '--region', 'XX'],
    ]) {
      const { code, err } = await run(argv);
      expect(code).toBe(EXIT.USER_ERROR);
      expect(outputAfter(cli, `node dist/cli.js ${argv.join(' ')}`)).toBe(err.trimEnd());
    }
  });
});

describe('docs/api.md', () => {
  const apiDoc = read('docs/api.md');
  const index = read('src/index.ts');

  /** Every name in the export lists of src/index.ts, values and types. */
  const exported = [...index.matchAll(/^export (?:type )?\{([^}]*)\}/gm)].flatMap((m) =>
    m[1]!
      .split(',')
      .map((name) => name.split(/\s/).filter((word) => word !== '').pop() ?? '')
      .filter((name) => name !== ''),
  );

  it('reads the export lists of src/index.ts', () => {
    // the value exports parsed from the file are exactly the module's runtime exports
    const values = Object.keys(api).sort();
    for (const name of values) expect(exported).toContain(name);
    expect(exported).toContain('DatasetProfile');
    expect(exported.length).toBeGreaterThan(values.length);
  });

  it('documents every export, as a heading or in backticks', () => {
    const headings = [...prose(apiDoc).matchAll(/^#{2,4} (.+)$/gm)].map((m) => m[1]!);
    const code = [...apiDoc.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!);
    for (const name of exported) {
      const word = new RegExp(`(^|[^\\w$])${name.replace(/\$/g, '\\$')}($|[^\\w$])`);
      const found = headings.some((h) => word.test(h)) || code.some((c) => word.test(c));
      expect(found, `${name} in docs/api.md`).toBe(true);
    }
  });
});

describe('links', () => {
  it.each(markdownFiles())('every relative link in %s points to an existing file (and heading)', (file) => {
    const text = prose(read(file));
    const links = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
    for (const link of links) {
      if (/^[a-z][a-z+.-]*:/i.test(link)) continue; // https:, mailto:
      const [path, anchor] = link.split('#') as [string, string | undefined];
      const target = path === '' ? join(root, file) : resolve(dirname(join(root, file)), decodeURIComponent(path));
      expect(existsSync(target), `${file}: ${link} -> ${relative(root, target)}`).toBe(true);
      if (anchor !== undefined && anchor !== '' && statSync(target).isFile() && target.endsWith('.md')) {
        expect([...anchors(readFileSync(target, 'utf8'))], `${file}: ${link}`).toContain(anchor);
      }
    }
  });
});

describe('docs/profiling.md', () => {
  const profiling = read('docs/profiling.md');

  it('shows the real output of the worked example', async () => {
    const { code, out } = await run(['profile', 'fixtures/crm/customers.csv', '--region', 'GB']);
    expect(code).toBe(EXIT.OK);
    const command = 'node dist/cli.js profile fixtures/crm/customers.csv --region GB';
    const block = fences(profiling).findIndex((b) => b.body.split('\n').includes(command));
    expect(block, command).toBeGreaterThanOrEqual(0);
    expect(fences(profiling)[block + 1]?.body).toBe(out.trimEnd());
  });

  it('shows real fields of the --json output', async () => {
    const { out } = await run(['profile', 'fixtures/crm/customers.csv', '--region', 'GB', '--json']);
    const email = (JSON.parse(out) as api.DatasetProfile).columns.find((c) => c.name === 'email')!;
    const shown = JSON.parse(outputAfter(profiling, `select(.name == "email")`)) as Record<string, unknown>;
    expect(Object.keys(shown).length).toBeGreaterThan(5);
    for (const [key, value] of Object.entries(shown)) expect(email[key as keyof typeof email], key).toEqual(value);
  });

  it('shows the real sketch figures', async () => {
    const line = (command: string): unknown => {
      const block = fences(profiling).find((b) => b.body.includes(command))!.body;
      return JSON.parse(block.split('\n').find((l) => l.startsWith('# {'))!.slice(2));
    };
    const events = JSON.parse((await run(['profile', 'fixtures/web/events.ndjson.gz', '--json'])).out) as api.DatasetProfile;
    const id = events.columns.find((c) => c.name === 'messageId')!;
    expect(line('select(.name == "messageId")')).toEqual({
      valueCount: id.valueCount,
      distinctCount: id.distinctCount,
      distinctExact: id.distinctExact,
      distinctError: id.distinctError,
    });
    const small = JSON.parse(
      (await run(['profile', 'fixtures/crm/customers.csv', '--region', 'GB', '--distinct-budget', '1000', '--json'])).out,
    ) as api.DatasetProfile;
    const value = small.columns.find((c) => c.name === 'lifetime_value')!;
    expect(line('--distinct-budget 1000')).toEqual({
      distinctCount: value.distinctCount,
      distinctExact: value.distinctExact,
      q: value.numeric?.quantiles,
      quantilesExact: value.numeric?.quantilesExact,
      quantileRankError: value.numeric?.quantileRankError,
    });
  }, 60_000);

  it('gives the real exact figures and profile sizes', async () => {
    const stripped = (await run(['profile', 'fixtures/crm/customers.csv', '--region', 'GB', '--json'])).out;
    const full = (await run(['profile', 'fixtures/crm/customers.csv', '--region', 'GB', '--json', '--with-sketches'])).out;
    const value = (JSON.parse(stripped) as api.DatasetProfile).columns.find((c) => c.name === 'lifetime_value')!;
    const exact = `The exact values are ${n(value.distinctCount)} distinct and p50 ${value.numeric?.quantiles.p50}`;
    expect(profiling.includes(exact), exact).toBe(true);
    // "the customers profile is about 40 KB of JSON without it and 2.3 MB with it", within 15%
    const sizes = /about (\d+) KB of JSON without it and ([\d.]+) MB with it/.exec(profiling.replace(/\s+/g, ' '));
    expect(sizes, 'the profile sizes sentence').not.toBeNull();
    expect(Math.abs(Number(sizes![1]) * 1e3 - Buffer.byteLength(stripped)) / Buffer.byteLength(stripped)).toBeLessThan(0.15);
    expect(Math.abs(Number(sizes![2]) * 1e6 - Buffer.byteLength(full)) / Buffer.byteLength(full)).toBeLessThan(0.15);
  }, 60_000);

  it('states the constants the code uses', () => {
    const text = profiling.replace(/\s+/g, ' ');
    const expected: [string, string][] = [
      ['DEFAULT_DISTINCT_BUDGET', `(default ${n(api.DEFAULT_DISTINCT_BUDGET)}, \`DEFAULT_DISTINCT_BUDGET\`)`],
      ['HLL_PRECISION', `precision ${HLL_PRECISION} (${n(2 ** HLL_PRECISION)} registers)`],
      ['HLL_RELATIVE_ERROR', `\`distinctError\` ${HLL_RELATIVE_ERROR}`],
      ['HLL_RELATIVE_ERROR %', `${(HLL_RELATIVE_ERROR * 100).toFixed(2)}%`],
      ['KLL_K', `k = ${KLL_K}`],
      ['KLL_RANK_ERROR', `\`quantileRankError\` ${KLL_RANK_ERROR}`],
      ['HEAVY_HITTER_CAPACITY', `Misra-Gries summary with ${HEAVY_HITTER_CAPACITY} counters`],
      ['HEAVY_HITTER_CAPACITY bound', `low by at most 1/${HEAVY_HITTER_CAPACITY + 1} of the values it saw`],
      ['SAMPLE_EVERY', `every ${SAMPLE_EVERY}th value (\`SAMPLE_EVERY\`), counted ${SAMPLE_EVERY} times`],
      ['SAMPLE_EVERY in the table', `1 value in ${SAMPLE_EVERY} is checked and counted ${SAMPLE_EVERY} times`],
      ['SAMPLE_EVERY × PHONE_SAMPLE_EVERY', `1 phone value in ${SAMPLE_EVERY * PHONE_SAMPLE_EVERY} is checked`],
      ['PATTERN_BUDGET', `up to ${n(PATTERN_BUDGET)} distinct patterns (\`PATTERN_BUDGET\`)`],
      ['PATTERN_BUDGET / 4', `Misra-Gries summary with ${PATTERN_BUDGET / 4} counters`],
      ['PATTERN_MAX_LENGTH', `cut at ${PATTERN_MAX_LENGTH} characters`],
      ['PHONE_CHECK_BUDGET', `the first ${n(PHONE_CHECK_BUDGET)} phone checks of a column`],
      ['PHONE_SAMPLE_EVERY', `1 phone value in ${PHONE_SAMPLE_EVERY} is checked and counted ${PHONE_SAMPLE_EVERY} times`],
      ['KEY_SAMPLE_ROWS', `tested on the first ${n(KEY_SAMPLE_ROWS)} rows`],
      ['KEY_SAMPLE_COLUMNS', `from the first ${KEY_SAMPLE_COLUMNS} columns`],
      ['DOMINANT_SHARE', `A type must hold ${DOMINANT_SHARE * 100}% of the values`],
      ['TOP_VALUES', `the ${TOP_VALUES} most frequent values`],
      ['TOP_PATTERNS', `the ${TOP_PATTERNS} most frequent character patterns`],
      ['EXAMPLE_COUNT', `the first ${EXAMPLE_COUNT} distinct values`],
      ['TOP_CANDIDATES', `its ${TOP_CANDIDATES} most frequent values`],
      ['KEY_UNIQUENESS', `uniqueness ≥ ${KEY_UNIQUENESS}, completeness ≥ ${KEY_COMPLETENESS}`],
      ['MIN_IDENTITY_DISTINCT', `at least max(${MIN_IDENTITY_DISTINCT}, 1% of its values)`],
      ['PAIR_UNIQUENESS', `at least ${PAIR_UNIQUENESS * 100}% of those rows`],
      ['MAX_CANDIDATES', `lists up to ${MAX_CANDIDATES} keys`],
      ['MASK_SHARE', `at least ${MASK_SHARE * 100}% of its values match`],
      ['DATE_MIN_DIGITS', `at least ${DATE_MIN_DIGITS} digits and ${DATE_MIN_LENGTH} to ${DATE_MAX_LENGTH} characters`],
    ];
    const missing = expected.filter(([, phrase]) => !text.includes(phrase)).map(([name, phrase]) => `${name}: "${phrase}"`);
    expect(missing, 'phrases of docs/profiling.md that no longer match the code').toEqual([]);
  });

  it('lists every null token', () => {
    const section = profiling.split('## Nulls')[1]!.split('\n## ')[0]!;
    for (const token of NULL_TOKENS) expect(section, token).toContain(`\`${token}\``);
  });
});
