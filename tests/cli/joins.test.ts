import { mkdirSync, copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { EXIT } from '../../src/cli/exit-codes';
import { IdentityGraphSchema, JoinCandidateSchema } from '../../src/index';
import { fakeIo } from '../helpers/fake-io';

const CRM = 'fixtures/crm/customers.csv';
const LIST = 'fixtures/email/subscribers.csv';
const FOLLOWERS = 'fixtures/social/followers.json';

describe('stitchscan joins', () => {
  it('prints the accepted joins, junk, caps and the stitch for the fixtures', async () => {
    const { io, out, err } = fakeIo();
    const code = await main(['joins', CRM, LIST, FOLLOWERS, '--region', 'GB', '--quiet'], io);
    expect(err()).toBe('');
    expect(code).toBe(EXIT.OK);
    const text = out();
    expect(text).toMatch(/^Joins: 3 accepted of \d+ candidates/);
    expect(text).toMatch(/^customers\.email +subscribers\.Email Address +lower\(trim\(email\)\) +1,774 /m);
    expect(text).toContain('sha256(lower(trim(email))) (left)');
    expect(text).toContain('Junk identifiers (left out of matching)');
    expect(text).toContain('t***@test.com: placeholder_email, 4 rows');
    expect(text).toMatch(/Dry-run stitch \(exact\): [\d,]+ unified customer profiles/);
    expect(text).toContain('Hub: customers; every dataset reaches it');
    // masked by default: no raw junk address
    expect(text).not.toContain('test@test.com');
  }, 60_000);

  it('prints { joins, graph } as JSON valid against the schemas with --json', async () => {
    const { io, out } = fakeIo();
    expect(await main(['joins', CRM, LIST, '--region', 'GB', '--json', '--quiet'], io)).toBe(EXIT.OK);
    const parsed = JSON.parse(out()) as { joins: unknown[]; graph: unknown };
    for (const j of parsed.joins) JoinCandidateSchema.parse(j);
    const graph = IdentityGraphSchema.parse(parsed.graph);
    expect(graph.components).toEqual([['customers', 'subscribers']]);
    expect(graph.stitch.exact).toBe(true);
  }, 60_000);

  it('samples the keys past --key-budget and --link-budget, and says the stitch is estimated', async () => {
    const { io, out } = fakeIo();
    expect(await main(['joins', CRM, LIST, '--region', 'GB', '--key-budget', '64', '--link-budget', '64', '--json', '--quiet'], io)).toBe(EXIT.OK);
    const graph = IdentityGraphSchema.parse((JSON.parse(out()) as { graph: unknown }).graph);
    expect(graph.stitch.exact).toBe(false);
    expect(graph.stitch.sampleRate).toBeLessThan(1);
    const text = fakeIo();
    expect(await main(['joins', CRM, LIST, '--region', 'GB', '--key-budget', '64', '--link-budget', '64', '--quiet'], text.io)).toBe(EXIT.OK);
    expect(text.out()).toMatch(/Dry-run stitch \(estimated on a [\d.]+% coordinated sample\)/);
    expect(text.out()).toContain('unified profiles tend to read high and linked shares low');
  }, 60_000);

  it('names the hub the user asks for, and lists datasets that cannot reach it', async () => {
    const { io, out } = fakeIo();
    expect(await main(['joins', CRM, 'fixtures/sources/nested.json', '--hub', 'customers', '--quiet'], io)).toBe(EXIT.OK);
    expect(out()).toMatch(/Hub: customers; cannot reach it: nested/);
  }, 60_000);

  it('is a user error to name a hub that is not a dataset', async () => {
    const { io, err } = fakeIo();
    expect(await main(['joins', CRM, LIST, '--hub', 'crm', '--quiet'], io)).toBe(EXIT.USER_ERROR);
    expect(err()).toMatch(/^error \[E_INVALID_OPTION\]: Invalid option hub: no dataset is named crm\nhint: Datasets: customers, subscribers\.\n$/);
  }, 60_000);

  it('is a user error to give two files with the same dataset name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stitchscan-joins-'));
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'b'));
    copyFileSync(LIST, join(dir, 'a', 'list.csv'));
    copyFileSync(LIST, join(dir, 'b', 'list.csv'));
    const { io, err } = fakeIo();
    expect(await main(['joins', join(dir, 'a', 'list.csv'), join(dir, 'b', 'list.csv'), '--quiet'], io)).toBe(EXIT.USER_ERROR);
    expect(err()).toContain('error [E_DUPLICATE_DATASET]: Two datasets are named list');
  }, 60_000);

  it('rejects options of profile, standard input and a missing file as user errors', async () => {
    for (const argv of [
      ['joins', CRM, '--name', 'x'],
      ['joins', CRM, '-'],
      ['joins'],
      ['profile', CRM, '--hub', 'customers'],
      ['joins', 'fixtures/nope.csv'],
    ]) {
      const { io, err } = fakeIo();
      expect(await main(argv, io), argv.join(' ')).toBe(EXIT.USER_ERROR);
      expect(err()).toMatch(/^error \[E_[A-Z_]+\]: .+\nhint: .+\n$/);
    }
  });
});
