import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderMarkdown, renderTerminalSummary, type ScanReport } from '../../src/index';
import { demoScan } from '../helpers/demo-scan';

const doc = readFileSync('docs/report-format.md', 'utf8');

/** The body of the first fenced block of `lang` after `heading`. */
function blockAfter(heading: string, lang: string): string {
  const section = doc.slice(doc.indexOf(heading));
  const match = new RegExp(`\`\`\`${lang}\\n([\\s\\S]*?)\`\`\``).exec(section);
  if (match === null) throw new Error(`no ${lang} block after ${heading}`);
  return match[1]!;
}

/**
 * Checks a trimmed excerpt against the real value: `"…"` keys and array items mark what was left
 * out, and a string starting with `…` matches the end of the real one (absolute paths).
 */
function expectExcerpt(excerpt: unknown, actual: unknown, path = '$'): void {
  if (typeof excerpt === 'string' && excerpt.startsWith('…') && excerpt.length > 1) {
    expect(String(actual).endsWith(excerpt.slice(1)), path).toBe(true);
  } else if (Array.isArray(excerpt)) {
    expect(Array.isArray(actual), path).toBe(true);
    excerpt.forEach((item, i) => {
      if (item !== '…') expectExcerpt(item, (actual as unknown[])[i], `${path}[${i}]`);
    });
  } else if (excerpt !== null && typeof excerpt === 'object') {
    for (const [key, value] of Object.entries(excerpt)) if (key !== '…') expectExcerpt(value, (actual as Record<string, unknown>)[key], `${path}.${key}`);
  } else {
    expect(actual, path).toEqual(excerpt);
  }
}

describe('docs/report-format.md shows what the demo scan gives', () => {
  let report: ScanReport;
  beforeAll(async () => {
    report = await demoScan();
  }, 120_000);

  it('the JSON excerpt', () => {
    expectExcerpt(JSON.parse(blockAfter('### An excerpt', 'json')), JSON.parse(JSON.stringify(report)));
  });

  it('the Markdown finding and the top-fix line quoted in the list', () => {
    const markdown = renderMarkdown(report);
    expect(markdown).toContain(blockAfter('## Markdown report', 'markdown'));
    const quoted = /plain words, each with the score before and after \(`([^`]+)`\)/.exec(doc.replace(/\s+/g, ' '))?.[1];
    expect(quoted).toBeDefined();
    expect(markdown).toContain(quoted!);
  });

  it('the terminal summary, verbatim', () => {
    expect(blockAfter('## Terminal summary', 'text')).toBe(`${renderTerminalSummary(report)}\n`);
  });
});
