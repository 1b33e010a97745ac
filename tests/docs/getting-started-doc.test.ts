import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/exit-codes';
import { main } from '../../src/cli/main';
import { fakeIo } from '../helpers/fake-io';

const doc = readFileSync('docs/getting-started.md', 'utf8');

/** The first fenced `text` block after the "Run the demo" heading: the output the page shows. */
function shownOutput(): string {
  const section = doc.slice(doc.indexOf('## 1. Run the demo'));
  const match = /```text\n([\s\S]*?)```/.exec(section);
  if (match === null) throw new Error('no output block in docs/getting-started.md');
  return match[1]!;
}

describe('docs/getting-started.md', () => {
  it('shows exactly what the demo command prints with the clock pinned', async () => {
    const { io, out, err } = fakeIo();
    const code = await main(['scan', '--config', 'stitchscan.config.json', '--now', '2026-11-05T00:00:00Z', '--no-progress'], io);
    expect(err()).toBe('');
    expect(code).toBe(EXIT.OK);
    expect(shownOutput()).toBe(out());
  }, 120_000);

  it('quotes the figures of the fixtures the walk-through explains', () => {
    const output = shownOutput();
    expect(doc).toContain('62,004 rows make 9,035 unified customer');
    expect(output).toContain('Unified profiles: 9,035 from 62,004 rows (exact)');
    expect(doc).toContain('150 customers are in the CRM twice');
    expect(doc).toContain('trim the 158 padded addresses');
  });
});
