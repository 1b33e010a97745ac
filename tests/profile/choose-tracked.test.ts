import { describe, expect, it } from 'vitest';
import { openSource } from '../../src/sources';
import { ColumnProfiler } from '../../src/profile/column';
import { finalizeColumn } from '../../src/profile/finalize-column';
import { chooseTracked, namedAsRecordId, profileFirstRows, WARMUP_ROWS } from '../../src/profile/identity-keys';
import { resolveProfileOptions } from '../../src/profile/options';
import type { Cell } from '../../src/model';

const options = resolveProfileOptions({ region: 'GB' });
const uuid = (i: number): string => `${String(i).padStart(8, '0')}-7c1e-4b1a-9f3e-${String(i * 7919).padStart(12, '0')}`;

describe('chooseTracked', () => {
  it('leaves out a column of unique event ids named as such, though no visitor repeats in the first rows', () => {
    // 1,000 events from 1,000 visitors: every id distinct, so only the name tells event ids from visitor ids.
    const names = ['messageId', 'anonymousId', 'email'];
    const rows = Array.from({ length: 1000 }, (_, i) => [uuid(i), uuid(100_000 + i), `visitor${i}@fellside.co.uk`]);
    expect(chooseTracked(names, profileFirstRows(names, rows, options)).map((t) => names[t.index])).toEqual(['anonymousId', 'email']);
  });

  it('leaves out a unique id beside a repeating one, whatever its name', () => {
    const names = ['id', 'customer_id'];
    const rows = Array.from({ length: 1000 }, (_, i) => [`ORD-${100_000 + i}`, `C-${i % 50}`]);
    expect(chooseTracked(names, profileFirstRows(names, rows, options)).map((t) => names[t.index])).toEqual(['customer_id']);
  });

  it('keeps a unique id when neither its name nor another column says it is a record id', () => {
    const names = ['customer_id', 'email'];
    const rows = Array.from({ length: 1000 }, (_, i) => [`C-${100_000 + i}`, `c${i}@fellside.co.uk`]);
    expect(chooseTracked(names, profileFirstRows(names, rows, options)).map((t) => names[t.index])).toEqual(['customer_id', 'email']);
  });
});

describe('profileFirstRows', () => {
  it.each(['fixtures/crm/customers.csv', 'fixtures/email/subscribers.csv', 'fixtures/web/events.ndjson.gz', 'fixtures/social/followers.json'])(
    'decides what a full profile of the first rows decides, without checking identity values (%s)',
    async (file) => {
      const source = await openSource(file);
      const rows: (readonly Cell[])[] = [];
      for await (const batch of source.batches()) if (rows.push(...batch) >= WARMUP_ROWS) break;
      const names = [...source.columns];
      const first = rows.slice(0, WARMUP_ROWS);
      const typesOnly = profileFirstRows(names, first, options);
      const full = names.map((name, i) => {
        const profiler = new ColumnProfiler(name, i, options);
        for (const row of first) profiler.observe(row[i]);
        return finalizeColumn(profiler.toState(), { rowCount: first.length, region: options.region, profiledAt: new Date(0) });
      });
      const decided = (profiles: typeof full) => profiles.map((p) => [p.semanticType, p.inferredType, p.valueCount, p.distinctCount]);
      expect(decided(typesOnly)).toEqual(decided(full));
      expect(chooseTracked(names, typesOnly)).toEqual(chooseTracked(names, full));
      // the checks were skipped: identity columns have no valid values counted
      const identity = full.filter((p) => p.identity !== null && p.identity.valid > 0).map((p) => p.name);
      expect(identity.length).toBeGreaterThan(0);
      for (const name of identity) expect(typesOnly.find((p) => p.name === name)!.identity!.valid).toBe(0);
    },
  );
});

describe('namedAsRecordId', () => {
  it('reads event, message, request and record ids from names in any case style', () => {
    for (const name of ['messageId', 'message_id', 'event_id', 'EventID', 'requestUUID', 'trace-id', 'record id', 'hitId']) expect(namedAsRecordId(name)).toBe(true);
    for (const name of ['anonymousId', 'userId', 'session_id', 'customer_id', 'device_id', 'id', 'message', 'event_type']) expect(namedAsRecordId(name)).toBe(false);
  });
});
