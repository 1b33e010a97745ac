import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { findJoins, FindJoinsOptionsSchema, profileDataset, type DatasetProfile, type IdentityGraph, type JoinCandidate } from '../../src/index';
import {
  CONFIDENCE_WEIGHTS,
  MIN_FOREIGN_KEY_CONTAINMENT,
  MIN_NAME_EVIDENCE,
  MIN_PERSON_CONTAINMENT,
  MIN_SHARED_ID_CONTAINMENT,
  MIN_SHARED_VALUES,
} from '../../src/keys/find-joins';
import { GENERIC_MAX_DISTINCT, GENERIC_MAX_LENGTH, KEY_COMPLETENESS, KEY_UNIQUENESS } from '../../src/keys/key-columns';
import { JUNK_MIN_PEOPLE, JUNK_P99_FACTOR } from '../../src/keys/junk';
import { EMAIL_RECIPES, PHONE_RECIPES } from '../../src/identity/key-canon';
import { describeNormaliser } from '../../src/identity/normalize';
import { DEFAULT_KEY_BUDGET, HASH_SPACE, JUNK_CAP } from '../../src/profile/key-table';
import { DEFAULT_LINK_BUDGET } from '../../src/profile/link-table';
import { WARMUP_ROWS } from '../../src/profile/identity-keys';
import { LARGEST_CLUSTERS } from '../../src/graph/stitch';
import { REJECTED_SHOWN } from '../../src/report/joins-summary';
import { csvTables, joinAccuracy, readRelationalTruth } from '../helpers/join-accuracy';

// docs/joins.md must show what the built command prints and state the constants the code uses.
// The suite runs after `npm run build`: the worked example is run as a reader would, with dist/cli.js.

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const read = (path: string): string => readFileSync(join(root, path), 'utf8');
const doc = read('docs/joins.md');
/** The page with runs of white space (line breaks included) folded to one space. */
const text = doc.replace(/\s+/g, ' ');

/** `1,000`, `50,000`: numbers as the docs write them. */
const n = (x: number): string => x.toLocaleString('en-US');
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

const FILES = ['fixtures/crm/customers.csv', 'fixtures/web/events.ndjson.gz', 'fixtures/email/subscribers.csv', 'fixtures/social/followers.json'];
const COMMAND = `node dist/cli.js joins ${FILES.join(' ')} --region GB --quiet`;

/** Runs the built command from the repository root. */
function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['dist/cli.js', ...args],
      { cwd: root, env: { ...process.env, TZ: 'UTC', NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        done({ code, stdout, stderr });
      },
    );
  });
}

/** Fenced blocks of a markdown text, with their info string. */
function fences(markdown: string): { info: string; body: string }[] {
  const blocks: { info: string; body: string }[] = [];
  const re = /^```(\w*)\n([\s\S]*?)^```$/gm;
  for (let m = re.exec(markdown); m !== null; m = re.exec(markdown)) blocks.push({ info: m[1]!, body: m[2]!.replace(/\n$/, '') });
  return blocks;
}

/** Phrases of the page that no longer match: [name, phrase] pairs whose phrase is not in the page. */
function missing(expected: readonly [string, string][]): string[] {
  return expected.filter(([, phrase]) => !text.includes(phrase)).map(([name, phrase]) => `${name}: "${phrase}"`);
}

/** A number literal the source writes in a given place (for constants that are not exported). */
function literal(path: string, pattern: RegExp): number {
  const m = pattern.exec(read(path));
  expect(m, `${pattern} in ${path}`).not.toBeNull();
  return Number(m![1]);
}

describe('docs/joins.md worked example', () => {
  let summary: { code: number; stdout: string; stderr: string };
  let json: { joins: JoinCandidate[]; graph: IdentityGraph };

  beforeAll(async () => {
    const args = COMMAND.split(' ').slice(2);
    const [text, raw] = await Promise.all([cli(args), cli([...args, '--json'])]);
    summary = text;
    expect(raw.code, raw.stderr).toBe(0);
    json = JSON.parse(raw.stdout) as typeof json;
  }, 180_000);

  it('shows the real output of the command, verbatim', () => {
    expect(summary.code, summary.stderr).toBe(0);
    const blocks = fences(doc);
    const i = blocks.findIndex((b) => b.info === 'sh' && b.body.split('\n').includes(COMMAND));
    expect(i, `a sh block with ${COMMAND}`).toBeGreaterThanOrEqual(0);
    expect(blocks[i + 1]?.info).toBe('text');
    expect(blocks[i + 1]?.body).toBe(summary.stdout.trimEnd());
  });

  it('quotes the real figures of the --json output', () => {
    const { joins, graph } = json;
    const s = graph.stitch;
    const find = (left: string, right: string): JoinCandidate => {
      const j = joins.find((c) => c.accepted && c.left.column === left && c.right.column === right);
      expect(j, `${left} = ${right}`).toBeDefined();
      return j!;
    };
    const crmEvents = find('email', 'traits.email_sha256');
    const gmail = crmEvents.recipes.find((r) => r.transform.includes('gmail_canonical') && r.transform.startsWith('sha256'));
    const crmSubscribers = find('email', 'Email Address');
    const userId = find('customer_id', 'userId');
    const rows = s.datasets.reduce((sum, d) => sum + d.rows, 0);
    const customers = s.datasets.find((d) => d.dataset === 'customers')!;
    const overlap = (names: string[]): number => s.overlaps.find((o) => o.datasets.join() === [...names].sort().join())!.profiles;
    const size = (bucket: string): number => s.sizeDistribution.find((b) => b.size === bucket)!.profiles;
    const largest = s.largestClusters[0]!;
    const crmJunkRows = graph.junk.filter((v) => v.dataset === 'customers').reduce((sum, v) => sum + v.rows, 0);
    expect(joins.filter((j) => !j.accepted), 'the page says no candidate was rejected').toEqual([]);
    expect(s.exact).toBe(true);
    expect(largest.datasets.length).toBe(4);
    expect(largest.topValues.map((v) => v.column)).toEqual(['anonymousId', 'customer_id', 'customer_id']);
    expect(s.sizeDistribution.map((b) => `\`${b.size}\``).join(', ')).toBe('`1`, `2`, `3`, `4-5`, `6-10`, `11-50`, `51+`');
    expect(userId.rule).toBe('key');
    expect(userId.containmentRight).toBe(1);
    // 0.35 × 1 + 0.3 × 0.8 + 0.15 × 1 + 0.2 × max(0.7, 0.75)
    expect(userId.confidence).toBe(0.89);
    expect(missing([
      ['crm/subscribers', `${n(crmSubscribers.matchedValues)} shared addresses, ${pct(crmSubscribers.containmentLeft)} of the CRM's and ${pct(crmSubscribers.containmentRight)} of the email platform's`],
      ['digests', `${pct(crmEvents.containmentRight)} of the events' digests are digests of a CRM email`],
      ['gmail recipe', `the Gmail-canonical recipe matched fewer (${n(gmail!.matchedValues)}) and lost`],
      ['userId', `every one of its ${n(userId.distinctRight)} distinct values is a \`customer_id\``],
      ['userId confidence', `Its confidence is ${userId.confidence} rather than higher`],
      ['userId names', `name similarity ${userId.nameSimilarity})`],
      ['junk rows', `${crmJunkRows} CRM rows would otherwise merge strangers`],
      ['stitch', `gives ${n(s.unifiedProfiles)} unified customer profiles from ${n(rows)} rows`],
      ['linked share', `${pct(customers.linkedShare)} of the CRM's rows belong to a profile`],
      ['events only', `${n(overlap(['events']))} profiles hold only events`],
      ['all four', `${n(overlap(['customers', 'events', 'subscribers', 'followers']))} hold a row of all four datasets`],
      ['sizes', `${n(size('1'))} profiles have one identity value and ${n(size('11-50'))} have between 11 and 50`],
      ['largest', `the largest holds ${largest.identityValues} identity values over ${n(largest.rows)} rows of all four datasets`],
    ])).toEqual([]);
  });
});

describe('docs/joins.md constants', () => {
  it('states the constants the code uses', () => {
    const w = CONFIDENCE_WEIGHTS;
    expect(Object.keys(w)).toEqual(['overlap', 'kind', 'key', 'evidence']);
    expect(w.overlap + w.kind + w.key + w.evidence).toBeCloseTo(1, 12);
    expect(HASH_SPACE).toBe(2 ** 52);
    const supportScale = literal('src/keys/find-joins.ts', /Math\.exp\(-support \/ (\d+(?:\.\d+)?)\)/);
    const kindKey = literal('src/keys/find-joins.ts', /kindScore = key\.genericDomain \? [\d.]+ : ([\d.]+);/);
    const kindGeneric = literal('src/keys/find-joins.ts', /kindScore = key\.genericDomain \? ([\d.]+) :/);
    const kindSharedId = literal('src/keys/find-joins.ts', /kindScore = ([\d.]+);\s*reasons\.push\('shared_identifier'\)/);
    const evidenceFloor = literal('src/keys/find-joins.ts', /Math\.max\(fkName, ([\d.]+)\)/);
    const integers = literal('src/keys/key-columns.ts', /integers >= ([\d.]+) \* column\.valueCount/);
    const peopleId = literal('src/keys/junk.ts', /const PEOPLE_ID_UNIQUENESS = ([\d.]+);/);
    const recordId = literal('src/profile/identity-keys.ts', /const RECORD_ID_MIN_VALUES = (\d+);/);
    const outlier = literal('src/keys/junk.ts', /const outlier = max > (\d+) \* p99 \+ 1;/);
    const expected: [string, string][] = [
      ['MIN_SHARED_VALUES', `at least ${MIN_SHARED_VALUES} (\`MIN_SHARED_VALUES\`) shared distinct values`],
      ['MIN_PERSON_CONTAINMENT', `at least ${MIN_PERSON_CONTAINMENT * 100}% (\`MIN_PERSON_CONTAINMENT\`)`],
      ['MIN_SHARED_ID_CONTAINMENT', `at least ${MIN_SHARED_ID_CONTAINMENT * 100}% (\`MIN_SHARED_ID_CONTAINMENT\`)`],
      ['MIN_FOREIGN_KEY_CONTAINMENT', `at least ${MIN_FOREIGN_KEY_CONTAINMENT} (\`MIN_FOREIGN_KEY_CONTAINMENT\`)`],
      ['MIN_NAME_EVIDENCE', `at least ${MIN_NAME_EVIDENCE} (\`MIN_NAME_EVIDENCE\`)`],
      ['CONFIDENCE_WEIGHTS formula', `(${w.overlap} × overlap + ${w.kind} × kind + ${w.key} × key + ${w.evidence} × evidence)`],
      ['CONFIDENCE_WEIGHTS list', `(\`overlap\` ${w.overlap}, \`kind\` ${w.kind}, \`key\` ${w.key}, \`evidence\` ${w.evidence}; they sum to 1)`],
      ['support factor', `support = 1 − e^(−n / ${supportScale})`],
      ['kind score of a key', `| ${kindKey}; ${kindGeneric} when the key is a generic domain |`],
      ['kind score of shared identifiers', `1 for person keys and recipes; ${kindSharedId} for shared identifiers`],
      ['evidence floor', `at least ${evidenceFloor} unless the key is a generic domain`],
      ['worked confidence', `${w.overlap} + ${+(w.kind * kindKey).toFixed(4)} + ${w.key} + ${+(w.evidence * evidenceFloor).toFixed(4)} = 0.89`],
      ['minConfidence', `(${FindJoinsOptionsSchema.parse({}).minConfidence} by default;`],
      ['KEY_UNIQUENESS', `≥ ${KEY_UNIQUENESS}, \`KEY_UNIQUENESS\``],
      ['KEY_COMPLETENESS', `≥ ${KEY_COMPLETENESS}, \`KEY_COMPLETENESS\``],
      ['GENERIC_MAX_DISTINCT', `fewer than ${GENERIC_MAX_DISTINCT} distinct keys (\`GENERIC_MAX_DISTINCT\`)`],
      ['GENERIC_MAX_LENGTH', `values of at most ${GENERIC_MAX_LENGTH} characters (\`GENERIC_MAX_LENGTH\`)`],
      ['integer share', `at least ${integers * 100}% integers or short codes`],
      ['JUNK_MIN_PEOPLE, JUNK_P99_FACTOR', `at least max(${JUNK_MIN_PEOPLE}, ${JUNK_P99_FACTOR} × the column's 99th percentile) (\`JUNK_MIN_PEOPLE\`, \`JUNK_P99_FACTOR\`)`],
      ['PEOPLE_ID_UNIQUENESS', `identifiers at least ${peopleId * 100}% unique`],
      ['cap outlier', `more than ${outlier} × the 99th percentile + 1`],
      ['JUNK_CAP', `at most ${JUNK_CAP} junk values per column with their counts, \`JUNK_CAP\``],
      ['DEFAULT_KEY_BUDGET', `\`keyBudget\` (default ${n(DEFAULT_KEY_BUDGET)}, \`DEFAULT_KEY_BUDGET\`)`],
      ['DEFAULT_LINK_BUDGET', `\`linkBudget\` (default ${n(DEFAULT_LINK_BUDGET)}, \`DEFAULT_LINK_BUDGET\`)`],
      ['HASH_SPACE', `level L keeps the keys whose hash is below 2^(${Math.log2(HASH_SPACE)}−L)`],
      ['WARMUP_ROWS', `The first ${n(WARMUP_ROWS)} rows (\`WARMUP_ROWS\`)`],
      ['RECORD_ID_MIN_VALUES', `(at least ${recordId} values)`],
      ['LARGEST_CLUSTERS', `the ${LARGEST_CLUSTERS} profiles with most identity values (\`LARGEST_CLUSTERS\`)`],
      ['REJECTED_SHOWN', `lists up to ${REJECTED_SHOWN} (\`REJECTED_SHOWN\`)`],
      ['EMAIL_RECIPES', `| \`email\` | ${EMAIL_RECIPES.map((r) => `\`${r.name}\``).join(', ')} |`],
      ['PHONE_RECIPES', `| \`phone\` | ${PHONE_RECIPES.map((r) => `\`${r.name}\``).join(', ')} |`],
    ];
    expect(missing(expected), 'phrases of docs/joins.md that no longer match the code').toEqual([]);
  });

  it('shows the transform of every key kind', () => {
    const section = doc.split('## Normalisation')[1]!.split('\n## ')[0]!;
    for (const kind of ['email', 'phone', 'hashed', 'uuid', 'handle', 'ga_client_id', 'identifier'] as const) {
      expect(section, kind).toContain(`| \`${describeNormaliser(kind)}\` |`);
    }
  });
});

describe('docs/joins.md relational benchmarks', () => {
  it.each([
    ['Chinook', 'chinook'],
    ['Northwind', 'northwind'],
  ])('%s: the figures of the table are measured', async (label, db) => {
    const dir = join(root, 'fixtures/benchmarks', db);
    const truth = readRelationalTruth(dir);
    const tables = csvTables(dir);
    const profiles: DatasetProfile[] = [];
    for (const name of tables) {
      try {
        profiles.push(await profileDataset(join(dir, `${name}.csv`), { region: 'GB', name }));
      } catch (error) {
        if ((error as { code?: string }).code !== 'E_EMPTY_INPUT') throw error;
      }
    }
    const a = joinAccuracy(findJoins(profiles), truth);
    const used = profiles.length === tables.length ? `${tables.length}` : `${profiles.length} of ${tables.length}`;
    const f1 = (x: number): string => (x === 1 ? '1.0' : x.toFixed(2));
    const row = `| ${label} | ${used} | ${truth.foreign_keys.length} | ${a.findable} | ${a.accepted} | ${a.truePositives} | ${f1(a.precision)} | ${f1(a.recall)} |`;
    expect(doc.split('\n'), row).toContain(row);
    for (const fk of a.unfindable) {
      const [x, y] = fk.split(' = ') as [string, string];
      expect(doc.includes(`\`${x}\` → \`${y}\``) || doc.includes(`\`${y}\` → \`${x}\``), `unfindable ${fk}`).toBe(true);
    }
  }, 120_000);
});
