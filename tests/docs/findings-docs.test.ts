import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScanReport } from '../../src/index';
import { demoScan } from '../helpers/demo-scan';
import { FindingSchema } from '../../src/model';
import { FINDING_CODES, severityOf, type FindingCode } from '../../src/score/findings/codes';
import { COVERAGE_MIN, LINK_MIN, SPARSE_MIN } from '../../src/score/findings/dataset-findings';

// docs/findings/ has one page per finding code (attw's docs/problems style), in a fixed shape that
// this suite checks against FINDING_CODES, the single source of codes.

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dir = join(root, 'docs/findings');
const read = (file: string): string => readFileSync(join(dir, file), 'utf8');

const CODES = Object.keys(FINDING_CODES) as FindingCode[];
const SECTIONS = ['What stitchscan measured', 'Example', 'How to fix', 'Effect on the score'] as const;
/** Pages other docs are still being written for; a link to one is checked once the file exists. */

/** Markdown without fenced blocks: headings and links are looked for outside code. */
function prose(markdown: string): string {
  return markdown.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, '');
}

/** The `## ` headings of a page, in order. */
function sections(markdown: string): string[] {
  return [...prose(markdown).matchAll(/^## (.+)$/gm)].map((m) => m[1]!.trim());
}

/** The body of a `## heading` section, up to the next `## `. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n## ${heading}\n`);
  expect(start, `## ${heading}`).toBeGreaterThanOrEqual(0);
  const rest = markdown.slice(start + heading.length + 5);
  const end = rest.search(/^## /m);
  return end < 0 ? rest : rest.slice(0, end);
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function anchors(markdown: string): string[] {
  return [...prose(markdown).matchAll(/^#{1,6} (.+)$/gm)].map((m) =>
    m[1]!
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-'),
  );
}

const pages = readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md');

describe('docs/findings pages', () => {
  it('has a page for every code in FINDING_CODES', () => {
    const missing = CODES.filter((code) => !pages.includes(`${code}.md`));
    expect(missing, 'codes without docs/findings/<CODE>.md').toEqual([]);
  });

  it('has no page for a code that does not exist', () => {
    const unknown = pages.filter((f) => !(CODES as string[]).includes(f.replace(/\.md$/, '')));
    expect(unknown, 'pages without a code in FINDING_CODES').toEqual([]);
  });

  describe.each(CODES)('%s.md', (code) => {
    const path = join(dir, `${code}.md`);
    const page = existsSync(path) ? readFileSync(path, 'utf8') : '';
    const info = FINDING_CODES[code];

    it('starts with `# CODE: Title` and the title of FINDING_CODES', () => {
      const h1 = page.split('\n')[0]!;
      expect(h1.startsWith(`# ${code}:`), h1).toBe(true);
      expect(h1).toContain(info.title);
    });

    it('has a plain-words paragraph, then the four sections in order', () => {
      expect(sections(page)).toEqual([...SECTIONS]);
      const intro = page.slice(page.indexOf('\n') + 1, page.indexOf('\n## ')).trim();
      expect(intro.length, 'the paragraph under the title').toBeGreaterThan(100);
      for (const heading of SECTIONS) expect(section(page, heading).trim(), `## ${heading}`).not.toBe('');
    });

    it('shows an example finding that fits the code', () => {
      const blocks = [...section(page, 'Example').matchAll(/^```json\n([\s\S]*?)^```$/gm)];
      expect(blocks.length, 'one ```json block under ## Example').toBe(1);
      const example: unknown = JSON.parse(blocks[0]![1]!);
      const parsed = FindingSchema.safeParse(example);
      expect(parsed.success, parsed.error?.message).toBe(true);
      const finding = parsed.data!;
      expect(finding.code).toBe(code);
      expect(finding.dimension).toBe(info.dimension);
      // severity is what severityOf gives for the gain, never below the code's floor
      expect(finding.severity).toBe(severityOf(code, finding.impact.gain));
      expect(Math.abs(finding.impact.scoreAfter - finding.impact.scoreBefore - finding.impact.gain)).toBeLessThanOrEqual(0.011);
    });

    it('has working relative links', () => {
      for (const [, link] of prose(page).matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z][a-z+.-]*:/i.test(link!)) continue;
        const [file, anchor] = link!.split('#') as [string, string | undefined];
        const target = file === '' ? path : resolve(dir, decodeURIComponent(file));
        expect(existsSync(target), `${code}.md: ${link} -> ${relative(root, target)}`).toBe(true);
        if (anchor !== undefined && anchor !== '' && statSync(target).isFile() && target.endsWith('.md')) {
          expect(anchors(readFileSync(target, 'utf8')), `${code}.md: ${link}`).toContain(anchor);
        }
      }
    });
  });
});

describe('thresholds the pages quote', () => {
  it.each([
    ['IDENTITY_KEY_MISSING', `fewer than ${COVERAGE_MIN * 100}% of the rows are keyed (\`COVERAGE_MIN\` = ${COVERAGE_MIN}`],
    ['IDENTITY_COLUMN_SPARSE', `completeness is below ${SPARSE_MIN} (\`SPARSE_MIN\``],
    ['LOW_LINK_RATE', `(\`LINK_MIN\` = ${LINK_MIN} in`],
  ])('%s.md quotes the value the code uses', (code, quoted) => {
    expect(readFileSync(`docs/findings/${code}.md`, 'utf8').replace(/\s+/g, ' ')).toContain(quoted);
  });
});

describe('docs/findings/README.md', () => {
  const index = read('README.md');
  const rows = index.split('\n').filter((line) => line.startsWith('| `'));

  it('lists every code once, with its dimension, title and a working link to its page', () => {
    for (const code of CODES) {
      const row = rows.filter((r) => r.startsWith(`| \`${code}\` |`));
      expect(row.length, `one index row for ${code}`).toBe(1);
      const cells = row[0]!.split('|').map((c) => c.trim());
      expect(cells[2], `${code} dimension`).toBe(FINDING_CODES[code].dimension);
      expect(cells[3], `${code} title`).toBe(FINDING_CODES[code].title);
      expect(cells[4], `${code} link`).toBe(`[${code}](${code}.md)`);
      expect(existsSync(join(dir, `${code}.md`)), `${code}.md`).toBe(true);
    }
  });

  it('lists no code that does not exist', () => {
    const listed = rows.map((r) => /^\| `([A-Z0-9_]+)` \|/.exec(r)?.[1]).filter((c): c is string => c !== undefined);
    expect(listed.filter((c) => !(CODES as string[]).includes(c))).toEqual([]);
  });

  it('names each code floor that is above low', () => {
    for (const code of CODES) {
      const floor = FINDING_CODES[code].floor;
      if (floor === 'low') continue;
      const line = index.split('\n').find((l) => l.startsWith(`- \`${floor}\`:`));
      expect(line, `- \`${floor}\`: line`).toBeDefined();
      expect(line, `${code} under ${floor}`).toContain(`\`${code}\``);
    }
  });
});

describe('examples taken from the demo scan', () => {
  let report: ScanReport;
  beforeAll(async () => {
    report = await demoScan();
  }, 120_000);

  const fromDemo = pages.filter((f) => section(read(f), 'Example').includes('From the demo scan'));

  it('covers the findings the demo raises', () => {
    expect(fromDemo.length).toBeGreaterThanOrEqual(8);
  });

  it.each(fromDemo)('%s shows the finding exactly as the demo scan gives it', (file) => {
    const block = /```json\n([\s\S]*?)```/.exec(section(read(file), 'Example'))![1]!;
    const shown = JSON.parse(block) as { code: string; dataset: string | null; column: string | null };
    const real = report.findings.find((f) => f.code === shown.code && f.dataset === shown.dataset && f.column === shown.column);
    expect(real, `${shown.code} ${shown.dataset}.${shown.column}`).toBeDefined();
    expect(shown).toEqual(JSON.parse(JSON.stringify(real)));
  });
});
