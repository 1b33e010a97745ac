import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../src/cli/exit-codes';
import { main } from '../../src/cli/main';
import { demoScan } from '../helpers/demo-scan';
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

  it('quotes figures the demo scan gives, not figures typed in', async () => {
    const report = await demoScan();
    const rows = report.datasets.reduce((n, d) => n + d.rowCount, 0);
    const finding = (code: string, dataset: string) => report.findings.find((f) => f.code === code && f.dataset === dataset)!;
    const n = (x: number): string => x.toLocaleString('en-US');
    const flat = doc.replace(/\s+/g, ' ');
    expect(flat).toContain(`${n(rows)} rows make ${n(report.graph.stitch.unifiedProfiles)} unified customer`);
    expect(flat).toContain(`${n(finding('DUPLICATE_CUSTOMERS', 'customers').evidence.duplicateRows!)} customers are in the CRM twice`);
    expect(flat).toContain(`trim the ${n(finding('KEY_WHITESPACE', 'customers').evidence.affected!)} padded addresses`);
    expect(flat).toContain(`phone numbers in ${finding('PHONE_MULTIPLE_FORMATS', 'customers').evidence.formats === 3 ? 'three' : '?'} formats`);
    const followers = report.datasets.find((d) => d.name === 'followers')!;
    const hashed = followers.columns.find((c) => c.name === 'follower.hashedEmail')!;
    expect(flat).toContain(`${n(followers.rowCount - Math.round(hashed.completeness * followers.rowCount))} followers have no hashed`);
    const events = report.graph.stitch.datasets.find((d) => d.dataset === 'events')!;
    expect(flat).toContain(`About ${Math.round((1 - events.linkedShare) * 10) * 10}% of`);
  }, 120_000);
});
